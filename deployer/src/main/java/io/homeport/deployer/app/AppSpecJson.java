package io.homeport.deployer.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.api.apps.AppSpec;
import jakarta.enterprise.context.ApplicationScoped;

/** App specs as stored: the JSON of the record, written and read with the service's object mapper. */
@ApplicationScoped
public class AppSpecJson {

    private final ObjectMapper json;

    AppSpecJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(AppSpec spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the spec of " + spec.name(), e);
        }
    }

    /** The spec of one stored revision of an app. */
    public AppSpec revision(String app, long revision) {
        return read(AppRevision.<AppRevision>findById(new AppRevision.Key(app, revision)).spec);
    }

    public AppSpec read(String stored) {
        try {
            return json.readValue(stored, AppSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored spec cannot be read", e);
        }
    }
}
