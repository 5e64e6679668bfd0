package io.homeport.launcher.infra;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code PostgresMain DATA_DIR PORT DATABASE}: the embedded PostgreSQL as a process of its own; SIGTERM stops it. */
public final class PostgresMain {

    public static void main(String[] args) throws InterruptedException {
        PostgresServer postgres = PostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]), args[2]);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            stopped.countDown();
        }, "postgres-shutdown"));
        System.out.println("PostgreSQL ready at " + postgres.jdbcUrl());
        stopped.await();
    }

    private PostgresMain() {
    }
}
