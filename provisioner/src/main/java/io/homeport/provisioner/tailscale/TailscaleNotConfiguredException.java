package io.homeport.provisioner.tailscale;

/** Neither an API access token nor an OAuth client is configured, so Tailscale is not used. */
public class TailscaleNotConfiguredException extends TailscaleException {

    TailscaleNotConfiguredException() {
        super(0, "Tailscale is not configured: set homeport.provisioner.tailscale.api-key "
                + "(HOMEPORT_PROVISIONER_TAILSCALE_API_KEY), or oauth-client-id and oauth-client-secret "
                + "(HOMEPORT_PROVISIONER_TAILSCALE_OAUTH_CLIENT_ID, HOMEPORT_PROVISIONER_TAILSCALE_OAUTH_CLIENT_SECRET)");
    }
}
