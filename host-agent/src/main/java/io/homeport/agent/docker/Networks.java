package io.homeport.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import io.homeport.agent.reconcile.ManagedLabels;
import java.util.Map;

/** User-defined bridge networks that managed containers join (a compose stack's network), made when missing. */
final class Networks {

    private final DockerClient docker;

    Networks(DockerClient docker) {
        this.docker = docker;
    }

    void ensure(String name) {
        boolean exists = docker.listNetworksCmd().withNameFilter(name).exec().stream()
                .anyMatch(network -> name.equals(network.getName()));
        if (!exists) {
            try {
                docker.createNetworkCmd().withName(name).withDriver("bridge").withCheckDuplicate(true)
                        .withLabels(Map.of(ManagedLabels.MANAGED, "true")).exec();
            } catch (ConflictException madeMeanwhile) {
                // another pass made it: done
            }
        }
    }
}
