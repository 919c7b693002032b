package org.veritally.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.veritally.core.model.Denominator;

/** JSON output for the API and the CLI (records serialise by their component names). Thread-safe. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .registerModule(wireNames());
    private static final ObjectMapper PRETTY = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .registerModule(wireNames())
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** Core enums that have a wire name write it ({@code "universe"}, not {@code "UNIVERSE"}). */
    private static SimpleModule wireNames() {
        return new SimpleModule("veritally-wire-names").addSerializer(Denominator.Basis.class, new JsonSerializer<>() {
            @Override
            public void serialize(Denominator.Basis b, JsonGenerator g, SerializerProvider p)
                    throws java.io.IOException {
                g.writeString(b.wire());
            }
        });
    }

    private Json() {}

    public static byte[] bytes(Object o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass(), e);
        }
    }

    public static String pretty(Object o) {
        try {
            return PRETTY.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass(), e);
        }
    }
}
