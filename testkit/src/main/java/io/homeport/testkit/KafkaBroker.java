package io.homeport.testkit;

import io.homeport.launcher.ControlPlane;

/** The test's handle on the broker of {@link KafkaTestResource}: stop it and bring it back (same data, same port). */
public final class KafkaBroker {

    private final ControlPlane controlPlane;

    KafkaBroker(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    public String bootstrapServers() {
        return controlPlane.kafkaBootstrapServers();
    }

    public void stop() {
        controlPlane.stopKafka();
    }

    public void start() {
        controlPlane.startKafka();
    }
}
