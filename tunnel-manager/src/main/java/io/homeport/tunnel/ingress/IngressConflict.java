package io.homeport.tunnel.ingress;

/** A rule Homeport wanted but did not write, and why. */
public record IngressConflict(RuleKey key, String reason) {
}
