package io.homeport.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses the NUL character (U+0000) in request paths, query parameters and body strings with a 400. PostgreSQL
 * can store it neither in {@code text} nor in {@code jsonb}, so a NUL that got through would fail deep in a
 * transaction as a 500; no name, label or value Homeport keeps has a use for it.
 */
public class NulCharacters {

    static final String REASON = "must not contain the NUL character (U+0000)";

    @ServerRequestFilter(preMatching = true)
    public void refuseInPathAndQuery(UriInfo uri) {
        if (uri.getPath().indexOf('\0') >= 0) {
            throw new ProblemException(ProblemType.VALIDATION, "The path " + REASON);
        }
        uri.getQueryParameters().forEach((name, values) -> {
            if (name.indexOf('\0') >= 0 || values.stream().anyMatch(value -> value.indexOf('\0') >= 0)) {
                throw new ProblemException(ProblemType.VALIDATION, "The query parameter " + printable(name) + " "
                        + REASON);
            }
        });
    }

    /** A Jackson module that refuses NUL in every string value and map key of a JSON or YAML body. */
    public static SimpleModule inBodies() {
        SimpleModule module = new SimpleModule("homeport-nul-characters");
        module.addDeserializer(String.class, new NulFreeStrings());
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                if (key.indexOf('\0') >= 0) {
                    throw JsonMappingException.from(context, "a key " + REASON);
                }
                return key;
            }
        });
        return module;
    }

    private static String printable(String name) {
        return name.replace("\0", "\\0");
    }

    private static final class NulFreeStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                // a mismatched input without a target type: the mappers answer with the field and this reason
                throw MismatchedInputException.from(parser, (Class<?>) null, REASON);
            }
            return value;
        }
    }
}
