package io.homeport.testkit;

import com.github.dockerjava.api.DockerClient;

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
            throw Unavailable.skipOrFail("no Docker engine reachable: " + unreachable.getMessage(), unreachable);
        }
    }

    private DockerEngine() {
    }
}
