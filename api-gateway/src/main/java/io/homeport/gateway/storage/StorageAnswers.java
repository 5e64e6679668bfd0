package io.homeport.gateway.storage;

import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The storage-manager's answers as the gateway gives them on: the same status and body, none of its headers (a
 * {@code Location} there names the storage-manager, which callers cannot reach), and a {@code Location} at this
 * gateway where there is something to follow.
 */
final class StorageAnswers {

    static <T> RestResponse<T> relayed(RestResponse<T> answer) {
        return located(answer, null);
    }

    /** @param location where the caller follows what was started; null for none */
    static <T> RestResponse<T> located(RestResponse<T> answer, URI location) {
        RestResponse.ResponseBuilder<T> relayed = RestResponse.ResponseBuilder.create(answer.getStatusInfo(),
                answer.getEntity());
        return (location == null ? relayed : relayed.location(location)).build();
    }

    private StorageAnswers() {
    }
}
