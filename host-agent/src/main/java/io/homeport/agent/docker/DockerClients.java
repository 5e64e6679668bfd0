package io.homeport.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.time.Duration;

/** docker-java clients for the local engine. */
public final class DockerClients {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    /** A client for the engine at {@code dockerHost}, e.g. {@code unix:///var/run/docker.sock}. */
    public static DockerClient connect(String dockerHost) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(Duration.ofMinutes(5))
                .maxConnections(16)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private DockerClients() {
    }
}
