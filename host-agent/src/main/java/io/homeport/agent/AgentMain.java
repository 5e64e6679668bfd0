package io.homeport.agent;

import io.homeport.agent.hub.Credential;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the agent process (systemd unit or container): configured by environment variables. Exits 2 on
 * what restarting cannot fix (bad settings, a refused enrollment), so the unit's {@code RestartPreventExitStatus=2}
 * stops there instead of retrying every few seconds.
 */
public final class AgentMain {

    public static void main(String[] args) throws InterruptedException {
        AgentConfig config;
        try {
            config = AgentConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("homeport-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        Agent agent = new Agent(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close(); // the containers keep running: only the agent stops
            stopped.countDown();
        }, "agent-shutdown"));
        try {
            agent.start();
        } catch (Credential.Refused e) {
            System.err.println("homeport-agent: " + e.getMessage());
            System.exit(2);
            return;
        }
        stopped.await();
    }

    private AgentMain() {
    }
}
