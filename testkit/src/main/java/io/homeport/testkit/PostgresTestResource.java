package io.homeport.testkit;

import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.infra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/** A real PostgreSQL (the launcher's embedded server) in a process of its own, on a free loopback port. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private ControlPlane controlPlane;

    @Override
    public Map<String, String> start() {
        controlPlane = new ControlPlane(KafkaTestResource.temporaryHome(), Path.of("."), ControlPlane.Ports.free());
        controlPlane.startPostgres();
        return Map.of(
                "quarkus.datasource.jdbc.url", controlPlane.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        if (controlPlane != null) {
            controlPlane.close();
        }
    }
}
