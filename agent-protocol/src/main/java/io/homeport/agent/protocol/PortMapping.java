package io.homeport.agent.protocol;

/** A published port: {@code hostPort} on the host to {@code containerPort} in the container. */
public record PortMapping(int hostPort, int containerPort, String protocol) {

    public PortMapping {
        protocol = protocol == null ? "tcp" : protocol;
    }
}
