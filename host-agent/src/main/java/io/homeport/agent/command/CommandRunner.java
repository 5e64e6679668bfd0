package io.homeport.agent.command;

import io.homeport.agent.DaemonThreads;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Runs one-shot commands from the hub, up to four at a time, each on a worker that exists only while there is
 * work, and answers each with one result (after any progress frames). A command id seen before is not run again:
 * the hub may deliver a command twice (a reconnect, a second gateway replica).
 */
public final class CommandRunner implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommandRunner.class.getName());
    private static final int REMEMBERED = 512;

    private final ContainerCommands containers;
    private final RcloneCommand rclone;
    private final RcloneConfigCommand rcloneConfig;
    private final BackupCommands backups;
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), DaemonThreads.named("command"));
    private final Set<java.util.UUID> seen = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<java.util.UUID, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** @param sealingKey the agent's key, which opens the rclone config sealed to it */
    public CommandRunner(DockerClient docker, String rcloneBinary, Path rcloneConfig, PublicJsonWebKey sealingKey) {
        this.containers = new ContainerCommands(docker);
        this.rclone = new RcloneCommand(rcloneBinary, rcloneConfig);
        this.rcloneConfig = new RcloneConfigCommand(rcloneConfig, sealingKey);
        this.backups = new BackupCommands(rclone);
        workers.allowCoreThreadTimeOut(true);
    }

    /** Runs the command in the background; {@code out} receives its progress frames and then its result. */
    public void submit(Frame.Command command, Consumer<Frame> out) {
        synchronized (seen) {
            if (command.id() == null || !seen.add(command.id())) {
                return;
            }
        }
        workers.execute(() -> out.accept(run(command, out::accept)));
    }

    /**
     * Runs the command here and now. The agent's log says which command ran and how it ended, never its arguments
     * or output: they may hold a sealed config or anything a container printed.
     */
    public Frame.Result run(Frame.Command command, Consumer<Frame.Progress> progress) {
        Frame.Result result = execute(command, progress);
        LOG.info(() -> "Command " + command.kind() + " " + command.id()
                + (result.succeeded() ? " succeeded" : " failed: " + result.failure()));
        return result;
    }

    private Frame.Result execute(Frame.Command command, Consumer<Frame.Progress> progress) {
        Map<String, String> args = command.args() == null ? Map.of() : command.args();
        try {
            String output = switch (String.valueOf(command.kind())) {
                case Commands.LOGS -> containers.logs(args);
                case Commands.RESTART -> containers.restart(args);
                case Commands.RCLONE -> rclone.run(command.id(), args, progress);
                case Commands.RCLONE_CONFIG -> rcloneConfig.replace(args);
                case Commands.BACKUP -> backups.backup(command.id(), args, progress);
                case Commands.VERIFY_BACKUP -> backups.verify(command.id(), args, progress);
                case Commands.RESTORE -> backups.restore(command.id(), args, progress);
                case Commands.DELETE_BACKUP -> backups.delete(command.id(), args);
                default -> throw new CommandFailure(Frame.Failure.UNSUPPORTED,
                        "this agent does not know the command '" + command.kind() + "'");
            };
            return Frame.Result.succeeded(command.id(), output);
        } catch (CommandFailure e) {
            return Frame.Result.failed(command.id(), e.failure(), e.getMessage());
        } catch (DockerException e) {
            return Frame.Result.failed(command.id(), Frame.Failure.FAILED, "the engine refused: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Frame.Result.failed(command.id(), Frame.Failure.FAILED, "the agent is stopping");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Command " + command.kind() + " " + command.id() + " failed", e);
            return Frame.Result.failed(command.id(), Frame.Failure.FAILED, String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        rclone.close();
        workers.shutdownNow();
    }
}
