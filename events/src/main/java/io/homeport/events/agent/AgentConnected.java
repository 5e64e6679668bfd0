package io.homeport.events.agent;

import io.homeport.agent.protocol.HostFacts;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent said hello to the agent hub: its connection is up and speaks a supported protocol. {@code hubInstance}
 * names the gateway replica holding it; {@code facts} are what the agent reported about its host (CPUs, memory,
 * disks, ...), null when it sent none. {@code sealingKey} is the public JWK that secrets for this host are sealed to
 * (agent-protocol {@code SecretSealing}), null from an agent that offers none.
 */
public record AgentConnected(UUID hostId, String hubInstance, HostFacts facts, String sealingKey, Instant at) {
}
