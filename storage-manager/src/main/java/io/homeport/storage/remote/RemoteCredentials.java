package io.homeport.storage.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.homeport.platform.secret.MasterKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/**
 * A remote's credentials at rest: one JSON object encrypted with the master key, bound to the remote by the context
 * {@code storage-remote:<name>} (a ciphertext copied to another remote does not open).
 */
@ApplicationScoped
public class RemoteCredentials {

    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };

    private final MasterKey master;
    private final ObjectMapper json;

    RemoteCredentials(MasterKey master, ObjectMapper json) {
        this.master = master;
        this.json = json;
    }

    public byte[] encrypt(String remote, Map<String, String> credentials) {
        try {
            return master.encrypt(json.writeValueAsString(new TreeMap<>(credentials)), context(remote));
        } catch (JsonProcessingException e) {
            // the cause is left out: its message may quote a credential
            throw new IllegalStateException("cannot write the credentials of remote " + remote);
        }
    }

    public Map<String, String> decrypt(Remote remote) {
        try {
            return json.readValue(master.decrypt(remote.credentials, context(remote.name)), MAP);
        } catch (JsonProcessingException e) {
            // the cause is left out: its message may quote a credential
            throw new IllegalStateException("the credentials of remote " + remote.name + " are not a JSON object");
        }
    }

    private static String context(String remote) {
        return "storage-remote:" + remote;
    }
}
