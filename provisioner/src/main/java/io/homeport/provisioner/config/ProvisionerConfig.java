package io.homeport.provisioner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The provisioner's own settings ({@code homeport.provisioner.*}). */
@ConfigMapping(prefix = "homeport.provisioner")
public interface ProvisionerConfig {

    /** Most hosts one inventory listing returns. */
    @WithDefault("1000")
    int listLimit();

    Ssh ssh();

    Ansible ansible();

    Agent agent();

    Liveness liveness();

    /** The Tailscale API, which mints the auth key a new host joins the tailnet with. */
    Tailscale tailscale();

    Replacement replacement();

    /** Replacing a dead host by a fresh server ({@code POST /api/v1/hosts/{id}/replace}). */
    interface Replacement {

        /** How long after the playbook the new host's agent may take to come online before the run fails. */
        @WithDefault("5m")
        Duration enrollTimeout();

        /** How long after the agent came online the apps may take to run and serve on it before the run fails. */
        @WithDefault("15m")
        Duration appsTimeout();
    }

    /** How the provisioner reaches hosts. */
    interface Ssh {

        /** Where key files named by a host's {@code keyReference} live (readable by the provisioner only). */
        @WithDefault("/etc/homeport/ssh-keys")
        Path keyDirectory();

        /** How long to wait for a TCP connection, the SSH handshake and each answer of the server. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** How long one command of a check (reading os-release, {@code sudo -n true}) may take. */
        @WithDefault("30s")
        Duration commandTimeout();
    }

    /** How the provisioner runs the playbook of {@code deploy/ansible}. */
    interface Ansible {

        /** The {@code ansible-playbook} executable. */
        @WithDefault("ansible-playbook")
        String command();

        /** The playbook every provisioning run applies. */
        @WithDefault("deploy/ansible/site.yml")
        Path playbook();

        /**
         * A YAML or JSON file of variables applied to every host after Homeport's own, for a site's choices (for
         * example {@code homeport_docker_package_source: distribution}, or {@code homeport_apt_update_cache: false}
         * where hosts install from a local cache).
         */
        Optional<Path> siteVariables();

        /** A run still going after this is stopped and failed. */
        @WithDefault("1h")
        Duration runTimeout();
    }

    /** What the playbook installs on a host so that its agent enrolls. */
    interface Agent {

        /** The gateway URL the host's agent dials out to, as hosts reach it (e.g. its Tailscale address). */
        Optional<String> gatewayUrl();

        /** The packaged agent: {@code homeport-agent.jar}, {@code lib/} and {@code jvm.options}. */
        @WithDefault("host-agent/target")
        Path packageDirectory();

        /** How long the one-time enrollment key minted for a run stays valid. */
        @WithDefault("2h")
        Duration enrollmentKeyValidity();
    }

    /**
     * When a host counts as online, suspect or lost ({@code liveness/LivenessRule}). Both grace periods run from the
     * heartbeat that was expected next, {@code last heartbeat + heartbeatInterval}.
     */
    interface Liveness {

        /** How often agents heartbeat: the agents' {@code HOMEPORT_AGENT_HEARTBEAT}. */
        @WithDefault("10s")
        Duration heartbeatInterval();

        /**
         * How late the expected heartbeat may be before the host is suspect; default half the heartbeat interval.
         * Must be shorter than {@link #lostAfter()}.
         */
        Optional<Duration> suspectAfter();

        /** How late the expected heartbeat may be before the host is lost (brief §5: at most 10 s). */
        @WithDefault("10s")
        Duration lostAfter();

        /** How often the provisioner looks for hosts whose heartbeats stopped. */
        @WithDefault("1s")
        Duration checkInterval();
    }

    interface Tailscale {

        @WithDefault("https://api.tailscale.com")
        URI apiUrl();

        /** {@code -} is the default tailnet of the credential. */
        @WithDefault("-")
        String tailnet();

        /** An API access token ({@code tskey-api-…}). */
        Optional<String> apiKey();

        /** An OAuth client with the {@code auth_keys} scope; used instead of {@link #apiKey()} when set. */
        Optional<String> oauthClientId();

        Optional<String> oauthClientSecret();

        /** Tags every minted key carries; its devices take the tags' identity, not the token owner's. */
        @WithDefault("tag:homeport")
        @NotEmpty
        List<@Pattern(regexp = "tag:[A-Za-z][A-Za-z0-9-]*",
                message = "must be a Tailscale tag: tag: followed by a letter, then letters, digits or dashes")
                String> tags();

        /** How long a minted key may wait to be used; the host uses it within its Ansible run. */
        @WithDefault("1h")
        Duration keyExpiry();

        /** Connect and read timeout of each HTTP request to the API. */
        @WithDefault("10s")
        Duration timeout();
    }
}
