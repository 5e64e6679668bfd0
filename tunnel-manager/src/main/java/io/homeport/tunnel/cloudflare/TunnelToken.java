package io.homeport.tunnel.cloudflare;

/**
 * What {@code cloudflared tunnel run --token} runs a tunnel with: a secret. {@link #toString()} leaves it out, so the
 * record can be logged.
 */
public record TunnelToken(String value) {

    @Override
    public String toString() {
        return "TunnelToken[****]";
    }
}
