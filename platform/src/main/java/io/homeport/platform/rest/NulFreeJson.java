package io.homeport.platform.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** JSON bodies refuse the NUL character as YAML bodies do (see {@link NulCharacters}). */
@Singleton
public class NulFreeJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(NulCharacters.inBodies());
    }
}
