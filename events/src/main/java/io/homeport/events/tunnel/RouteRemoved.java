package io.homeport.events.tunnel;

import java.time.Instant;
import java.util.UUID;

/** A route's ingress rule left its tunnel (and its CNAME, unless another tunnel serves the hostname). Subject: hostname. */
public record RouteRemoved(String hostname, String path, UUID hostId, String reason, Instant at) {
}
