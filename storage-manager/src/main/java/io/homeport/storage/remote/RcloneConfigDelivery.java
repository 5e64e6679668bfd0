package io.homeport.storage.remote;

import io.homeport.agent.protocol.Commands;
import io.homeport.agent.protocol.SecretSealing;
import io.homeport.storage.agent.AgentCommands;
import io.homeport.storage.agent.AgentKey;
import io.homeport.storage.agent.AgentKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends each host's agent the whole rclone config, rendered from every remote and sealed to that agent's key, as an
 * {@code rclone-config} command: when the agent connects and whenever a remote changes. The config holds every
 * remote's credentials, so it exists in clear only in memory here and on the host; it is never logged.
 */
@ApplicationScoped
public class RcloneConfigDelivery {

    private final RemoteCredentials credentials;
    private final AgentKeys keys;
    private final AgentCommands commands;

    RcloneConfigDelivery(RemoteCredentials credentials, AgentKeys keys, AgentCommands commands) {
        this.credentials = credentials;
        this.keys = keys;
        this.commands = commands;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void toAllHosts() {
        List<AgentKey> hosts = keys.all();
        if (!hosts.isEmpty()) {
            String config = render();
            hosts.forEach(host -> send(host, config));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void toHost(AgentKey host) {
        send(host, render());
    }

    private void send(AgentKey host, String config) {
        commands.send(host.hostId, Commands.rcloneConfig(SecretSealing.seal(host.sealingKey, config)));
    }

    private String render() {
        return RcloneConfigRenderer.render(Remote.<Remote>listAll().stream().map(remote -> {
            Map<String, String> all = new TreeMap<>(remote.options);
            all.putAll(credentials.decrypt(remote));
            return new RcloneConfigRenderer.RemoteConfig(remote.name, remote.type, all);
        }).toList());
    }
}
