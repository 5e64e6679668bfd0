package io.homeport.testkit;

import io.homeport.launcher.process.ManagedProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real agent process, started from host-agent's packaged jar, for end-to-end tests and benchmarks. */
public final class AgentProcess {

    /** The agent's shipped JVM options ({@code host-agent/jvm.options}), as a {@code java} argument file. */
    public static String jvmOptions(Path repositoryRoot) {
        return "@" + repositoryRoot.toAbsolutePath().normalize().resolve("host-agent/jvm.options");
    }

    /** Starts an agent with the shipped JVM options, as {@link #start(Path, String, Path, Map)} does. */
    public static ManagedProcess start(Path repositoryRoot, Path stateDir, Map<String, String> environment) {
        return start(repositoryRoot, jvmOptions(repositoryRoot), stateDir, environment);
    }

    /**
     * Starts an agent that keeps its credential in {@code stateDir} and logs next to it ({@code <stateDir>.log}).
     *
     * @param jvmOptions  space-separated, e.g. {@link #jvmOptions(Path)}
     * @param environment {@code HOMEPORT_GATEWAY_URL}, {@code HOMEPORT_ENROLLMENT_KEY} and any other setting
     */
    public static ManagedProcess start(Path repositoryRoot, String jvmOptions, Path stateDir,
            Map<String, String> environment) {
        return start(repositoryRoot, jvmOptions, stateDir, environment, List.of());
    }

    /**
     * Starts an agent on another host of this machine, in that host's namespaces ({@link
     * ExtraDockerEngine#commandPrefix()}), with the shipped JVM options.
     */
    public static ManagedProcess startOn(ExtraDockerEngine host, Path repositoryRoot, Path stateDir,
            Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("DOCKER_HOST", host.dockerHost());
        return start(repositoryRoot, jvmOptions(repositoryRoot), stateDir, env,
                host.commandPrefix());
    }

    private static ManagedProcess start(Path repositoryRoot, String jvmOptions, Path stateDir,
            Map<String, String> environment, List<String> prefix) {
        Path repo = repositoryRoot.toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(prefix);
        command.add(ManagedProcess.java());
        command.addAll(List.of(jvmOptions.split(" ")));
        command.addAll(List.of("-cp", repo.resolve("host-agent/target/homeport-agent.jar") + ":"
                + repo.resolve("host-agent/target/lib") + "/*", "io.homeport.agent.AgentMain"));
        Map<String, String> env = new HashMap<>(environment);
        env.putIfAbsent("MALLOC_ARENA_MAX", "2"); // as the systemd unit and the image set it
        env.put("HOMEPORT_AGENT_STATE_DIR", stateDir.toString());
        String name = stateDir.getFileName().toString();
        return ManagedProcess.start("agent", command, env, stateDir.resolveSibling(name + ".log"),
                stateDir.resolveSibling(name + ".pid"));
    }

    private AgentProcess() {
    }
}
