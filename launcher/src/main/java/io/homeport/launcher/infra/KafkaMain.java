package io.homeport.launcher.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code KafkaMain DATA_DIR PORT CONTROLLER_PORT}: the embedded broker as a process of its own; SIGTERM stops it. */
public final class KafkaMain {

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-shutdown"));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        stopped.await();
    }

    private KafkaMain() {
    }
}
