package io.homeport.testkit;

import io.homeport.launcher.ControlPlane;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real single-node Kafka broker (KRaft) in a process of its own, on free loopback ports. Tests that need to take
 * the broker away declare a {@link KafkaBroker} field annotated {@link InjectKafkaBroker}.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private ControlPlane controlPlane;

    @Override
    public Map<String, String> start() {
        controlPlane = new ControlPlane(temporaryHome(), Path.of("."), ControlPlane.Ports.free());
        controlPlane.startKafka();
        return Map.of("kafka.bootstrap.servers", controlPlane.kafkaBootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(new KafkaBroker(controlPlane),
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        if (controlPlane != null) {
            controlPlane.close();
        }
    }

    static Path temporaryHome() {
        try {
            return Files.createTempDirectory("homeport-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
