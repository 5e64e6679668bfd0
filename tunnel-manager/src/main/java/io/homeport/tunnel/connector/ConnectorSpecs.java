package io.homeport.tunnel.connector;

import io.homeport.api.apps.AppSpec;
import io.homeport.api.apps.FailoverPolicy;
import io.homeport.api.apps.RolloutStrategy;
import io.homeport.tunnel.cloudflare.TunnelToken;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The app spec of a host's cloudflared connector, as the deployer runs it: a pure function of its inputs. */
public final class ConnectorSpecs {

    /** cloudflared reads the token from this variable when {@code tunnel run} is given none. */
    public static final String TOKEN_VARIABLE = "TUNNEL_TOKEN";
    public static final List<String> COMMAND = List.of("tunnel", "--no-autoupdate", "run");
    /**
     * Marks the app as a connector. Not {@code io.homeport.role}: the deployer refuses {@code io.homeport.*} labels in
     * a spec, since it sets those on containers itself.
     */
    public static final String ROLE_LABEL = "homeport.role";
    public static final String ROLE = "tunnel-connector";
    /**
     * SHA-256 of the token the spec was made for. The deployer binds a secret's version when a revision is deployed,
     * so a new token needs a new revision; with its fingerprint in the spec, a changed token is a changed spec (as
     * Helm's {@code checksum/secret} annotation rolls pods) and an unchanged one leaves the app alone, even after the
     * tunnel-manager restarts. A hash of the token's 256-bit random secret tells nothing about it.
     */
    public static final String TOKEN_FINGERPRINT_LABEL = "homeport.tunnel.token-sha256";

    private static final String PREFIX = "cloudflared-";
    private static final int HOST_ID_CHARS = 12;

    /** {@code cloudflared-<first 12 hex digits of the host id>}: the connector app's name, and its token secret's. */
    public static String name(UUID hostId) {
        return PREFIX + hostId.toString().replace("-", "").substring(0, HOST_ID_CHARS);
    }

    /**
     * The connector of {@code hostId}: {@code image} running {@code cloudflared tunnel --no-autoupdate run}, the
     * token from the secret {@link #name}, pinned to the host and never moved off it, on {@code network}.
     */
    public static AppSpec of(UUID hostId, String image, String network, TunnelToken token) {
        String name = name(hostId);
        return new AppSpec(name, image, COMMAND, null, null,
                // the token goes in as an environment variable from a stored secret, not as `run --token`: so it is
                // neither in the spec (which users can read) nor in the host's process list
                Map.of(TOKEN_VARIABLE, name),
                null, null,
                Map.of(ROLE_LABEL, ROLE, TOKEN_FINGERPRINT_LABEL, fingerprint(token)),
                null, "unless-stopped", null, 1,
                new AppSpec.Placement(hostId, null),
                // a connector serves its own host's tunnel: on another host it would be a second connector of that
                // tunnel routing to containers it cannot reach
                FailoverPolicy.NONE,
                // cloudflared runs several connectors of one tunnel side by side, so the new one connects before the
                // old one stops: a new token or image does not take the host's routes down
                RolloutStrategy.START_FIRST,
                null, null,
                new AppSpec.Network(network, null));
    }

    static String fingerprint(TunnelToken token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.value().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private ConnectorSpecs() {
    }
}
