package io.homeport.api.apps;

import java.time.Instant;

/** One revision of an app's spec. */
public record RevisionView(long revision, AppSpec spec, Instant createdAt) {
}
