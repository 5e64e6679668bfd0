package io.homeport.e2e;

import io.homeport.launcher.ControlPlane;
import io.homeport.launcher.Service;
import io.homeport.testkit.SshKeyPair;
import io.homeport.testkit.TailscaleApiStandIn;
import io.homeport.testkit.TestHost;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Test hosts made into fresh servers as hosters hand them out. */
final class FreshServers {

    static final String USER = "admin";
    static final String PASSWORD = "correct horse battery staple";

    private FreshServers() {
    }

    /** A sudo user {@value #USER} that logs in with a password or with {@code key}. */
    static void withSudoUser(TestHost host, SshKeyPair key) {
        host.exec("useradd", "--create-home", "--shell", "/bin/bash", "--groups", "sudo", USER).orThrow();
        host.exec("sh", "-c", "echo '" + USER + ":" + PASSWORD + "' | chpasswd").orThrow();
        host.writeFile("/etc/sudoers.d/" + USER, USER + " ALL=(ALL) NOPASSWD:ALL\n", 0440);
        host.exec("install", "-d", "-m", "0700", "-o", USER, "-g", USER, "/home/" + USER + "/.ssh").orThrow();
        host.writeFile("/home/" + USER + "/.ssh/authorized_keys", key.publicKey() + "\n", 0600);
        host.exec("chown", USER + ":" + USER, "/home/" + USER + "/.ssh/authorized_keys").orThrow();
    }

    /**
     * The provisioner's settings for provisioning {@code host} offline: its agent dials the gateway over the host's
     * link, its packages come from the image's apt cache (the site variables, written into {@code home}), Tailscale
     * is the stand-in and agents heartbeat every second.
     */
    static Map<String, String> provisionerEnvironment(Path home, TestHost host, ControlPlane controlPlane,
            TailscaleApiStandIn tailscale, String tailscaleApiKey) throws IOException {
        Path siteVariables = home.resolve("site.yml");
        Files.writeString(siteVariables, String.join("\n",
                "# the test host has no route to a mirror: its packages come from the image's apt cache",
                "homeport_apt_update_cache: false",
                "homeport_docker_package_source: distribution",
                "homeport_tailscale_install: false",
                "homeport_agent_environment:",
                "  HOMEPORT_AGENT_HEARTBEAT: PT1S",
                "  HOMEPORT_AGENT_SNAPSHOT: PT2S", ""));
        int gatewayPort = URI.create(controlPlane.url(Service.API_GATEWAY)).getPort();
        return Map.of(
                "HOMEPORT_PROVISIONER_AGENT_GATEWAY_URL", "http://" + host.gatewayAddress() + ":" + gatewayPort,
                "HOMEPORT_PROVISIONER_ANSIBLE_SITE_VARIABLES", siteVariables.toString(),
                "HOMEPORT_PROVISIONER_TAILSCALE_API_URL", tailscale.url().toString(),
                "HOMEPORT_PROVISIONER_TAILSCALE_API_KEY", tailscaleApiKey,
                "HOMEPORT_PROVISIONER_LIVENESS_HEARTBEAT_INTERVAL", "1s");
    }

    /** How the API registers it: its address, the sudo user and the key, and {@code name}. */
    static Map<String, Object> registration(String name, TestHost host, SshKeyPair key) {
        return Map.of("name", name, "address", host.address(), "user", USER, "privateKey", key.privateKeyPem());
    }
}
