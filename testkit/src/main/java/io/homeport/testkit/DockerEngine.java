package io.homeport.testkit;

import com.github.dockerjava.api.DockerClient;
import org.junit.jupiter.api.Assumptions;

/**
 * The local Docker engine for integration tests. Without one, tests are skipped on a developer's machine but
 * fail under {@code CI=true}: CI installs and starts dockerd, so a missing engine there is a broken build.
 */
public final class DockerEngine {

    /** Returns {@code docker} once it answers a ping. */
    public static DockerClient require(DockerClient docker) {
        try {
            docker.pingCmd().exec();
            return docker;
        } catch (RuntimeException unreachable) {
            String reason = "no Docker engine reachable: " + unreachable.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI must start dockerd)", unreachable);
            }
            Assumptions.abort(reason);
            throw unreachable;
        }
    }

    private DockerEngine() {
    }
}
