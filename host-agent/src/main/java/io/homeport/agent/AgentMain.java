package io.homeport.agent;

import java.util.concurrent.CountDownLatch;

/** Entry point of the agent process (systemd unit or container): configured by environment variables. */
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
        agent.start();
        stopped.await();
    }

    private AgentMain() {
    }
}
