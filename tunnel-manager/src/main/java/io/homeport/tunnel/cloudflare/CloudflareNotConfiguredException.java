package io.homeport.tunnel.cloudflare;

/** No API token or account id is configured, so Cloudflare is not used. */
public class CloudflareNotConfiguredException extends CloudflareException {

    CloudflareNotConfiguredException() {
        super(0, "Cloudflare is not configured: set homeport.tunnel.cloudflare-api-token "
                + "(HOMEPORT_TUNNEL_CLOUDFLARE_API_TOKEN) and homeport.tunnel.cloudflare-account-id "
                + "(HOMEPORT_TUNNEL_CLOUDFLARE_ACCOUNT_ID)", null, null);
    }

    @Override
    CloudflareNotConfiguredException during(String what) {
        return this;
    }
}
