package io.homeport.gateway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * An audit entry as the API shows it.
 *
 * @param actor      who: an OIDC user's name, {@code token:<name>}, {@code host:<id>}, {@code enrollment key} or
 *                   {@code anonymous}
 * @param actorKind  {@link Actor.Kind} in lower case
 * @param action     the method and route template, e.g. {@code DELETE /api/v1/hosts/{id}}
 * @param target     the concrete path, e.g. {@code /api/v1/hosts/3f2…}
 * @param at         when the request arrived
 * @param status     the HTTP status answered (denials included), or a WebSocket's close code
 * @param client     the address the request came from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntryView(long id, Instant at, String actor, String actorKind, String action, String target,
        int status, long durationMs, String client) {

    static AuditEntryView of(AuditEntry entry) {
        return new AuditEntryView(entry.id, entry.at, entry.actor, entry.actorKind, entry.action, entry.target,
                entry.status, entry.durationMs, entry.client);
    }
}
