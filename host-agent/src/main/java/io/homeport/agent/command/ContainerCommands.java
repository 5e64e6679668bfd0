package io.homeport.agent.command;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.Frame;
import io.homeport.agent.reconcile.ManagedLabels;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code logs} and {@code restart}, for containers Homeport manages only. */
final class ContainerCommands {

    private static final int MAX_OUTPUT = 512 * 1024;
    private static final int MAX_RESTART_TIMEOUT = 300;

    private final DockerClient docker;

    ContainerCommands(DockerClient docker) {
        this.docker = docker;
    }

    String logs(Map<String, String> args) throws InterruptedException {
        int tail = Arguments.integer(args, Commands.TAIL, 100, 1, Commands.MAX_TAIL);
        String id = managed(Arguments.required(args, Commands.CONTAINER)).getId();
        OutputTail output = new OutputTail(MAX_OUTPUT);
        try (var callback = docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTimestamps(true)
                .withTail(tail).exec(new ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                    @Override
                    public void onNext(com.github.dockerjava.api.model.Frame frame) {
                        output.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                })) {
            if (!callback.awaitCompletion(30, TimeUnit.SECONDS)) {
                throw new CommandFailure(Frame.Failure.FAILED, "the engine did not return the logs within 30 s");
            }
        } catch (java.io.IOException e) {
            throw new CommandFailure(Frame.Failure.FAILED, "reading the logs failed: " + e.getMessage());
        }
        return output.toString();
    }

    String restart(Map<String, String> args) {
        int timeout = Arguments.integer(args, Commands.TIMEOUT, 10, 0, MAX_RESTART_TIMEOUT);
        InspectContainerResponse container = managed(Arguments.required(args, Commands.CONTAINER));
        docker.restartContainerCmd(container.getId()).withTimeout(timeout).exec();
        return "restarted " + container.getName().replaceFirst("^/", "");
    }

    private InspectContainerResponse managed(String name) {
        InspectContainerResponse container;
        try {
            container = docker.inspectContainerCmd(name).exec();
        } catch (NotFoundException e) {
            throw new CommandFailure(Frame.Failure.NOT_FOUND, "no container " + name + " on this host");
        }
        if (!ManagedLabels.isManaged(container.getConfig().getLabels())) {
            throw new CommandFailure(Frame.Failure.REFUSED, "container " + name + " is not managed by Homeport");
        }
        return container;
    }
}
