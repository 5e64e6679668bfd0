package io.homeport.launcher;

import java.nio.file.Path;

/** The control-plane services, the module each is built in and its default HTTP port. */
public enum Service {
    PROVISIONER("provisioner", 8081),
    DEPLOYER("deployer", 8082),
    STORAGE_MANAGER("storage-manager", 8083),
    TUNNEL_MANAGER("tunnel-manager", 8084),
    API_GATEWAY("api-gateway", 8080);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The runnable Quarkus application that {@code ./mvnw package} builds. */
    public Path runnableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The environment variable through which other services find this one, e.g. {@code HOMEPORT_PROVISIONER_URL}. */
    public String urlVariable() {
        return "HOMEPORT_" + name().replace("API_", "") + "_URL";
    }
}
