package io.homeport.platform.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.homeport.platform.problem.ProblemException;
import io.homeport.platform.problem.ProblemType;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads YAML request bodies into the same records JSON bodies become (an app spec may be sent either way), with
 * the same strictness: unknown fields are refused. A body that is no YAML is a problem naming line and column;
 * a value of the wrong type goes to the usual mappers, which name the field. Plain strings are left to the
 * built-in reader (a compose file is read as text).
 */
@Provider
@Consumes({"application/yaml", "application/x-yaml", "text/yaml"})
public class YamlBodyReader implements MessageBodyReader<Object> {

    private static final ObjectMapper YAML = YAMLMapper.builder().findAndAddModules()
            .addModule(NulCharacters.inBodies()).build();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type != String.class && type != byte[].class && !InputStream.class.isAssignableFrom(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        try {
            return YAML.readValue(body, YAML.constructType(genericType));
        } catch (JsonParseException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The body is not valid YAML (line %d, column %d): %s"
                    .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr(), e.getOriginalMessage()));
        }
    }
}
