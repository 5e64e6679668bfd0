package io.homeport.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Image;
import io.homeport.agent.reconcile.ActualContainer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What Docker says is on the host, read fresh on every reconcile pass (the agent keeps no state of its own). */
public final class HostContainers {

    private final DockerClient docker;
    private final String namePrefix;

    public HostContainers(DockerClient docker) {
        this(docker, "");
    }

    /**
     * Only the containers whose names start with {@code namePrefix}: a pass over this view leaves every other
     * container alone, which lets tests that share one engine reconcile their own containers only.
     */
    public HostContainers(DockerClient docker, String namePrefix) {
        this.docker = docker;
        this.namePrefix = namePrefix;
    }

    /** Every container, running or not, managed or not. */
    public List<ActualContainer> all() {
        return docker.listContainersCmd().withShowAll(true).exec().stream().map(HostContainers::toActual)
                .filter(container -> container.name().startsWith(namePrefix)).toList();
    }

    /** Image references present on the host ({@code repo:tag}). */
    public Set<String> images() {
        Set<String> tags = new HashSet<>();
        for (Image image : docker.listImagesCmd().exec()) {
            if (image.getRepoTags() != null) {
                tags.addAll(Arrays.asList(image.getRepoTags()));
            }
        }
        return tags;
    }

    private static ActualContainer toActual(Container container) {
        String name = container.getNames() == null || container.getNames().length == 0 ? container.getId()
                : container.getNames()[0].replaceFirst("^/", "");
        return new ActualContainer(container.getId(), name, container.getImage(),
                container.getState(), health(container.getStatus()), container.getLabels());
    }

    /**
     * The health in Docker's status line ("Up 5 minutes (healthy)", "Up 2 seconds (health: starting)"): the
     * container list carries it only there, and reading it saves an inspect per container on every pass.
     */
    static String health(String status) {
        if (status == null || !status.endsWith(")")) {
            return null;
        }
        if (status.endsWith("(healthy)")) {
            return "healthy";
        }
        if (status.endsWith("(unhealthy)")) {
            return "unhealthy";
        }
        return status.endsWith("(health: starting)") ? "starting" : null;
    }
}
