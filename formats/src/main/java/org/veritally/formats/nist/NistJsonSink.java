package org.veritally.formats.nist;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the JSON encoding of NIST SP 1500-100 v2 (validated against {@code
 * NIST_V2_election_results_reporting.json}, JSON Schema draft-04): UTF-8, compact, every object
 * typed with {@code "@type": "ElectionResults.<Type>"}. Streams through a Jackson generator, so
 * memory does not grow with the report. Not thread-safe.
 */
public final class NistJsonSink implements NistSink {
    private static final String PREFIX = "ElectionResults.";
    private final JsonGenerator g;
    private final java.util.Map<String, String> typeNames = new java.util.HashMap<>();

    public NistJsonSink(OutputStream out) {
        try {
            this.g = new JsonFactory()
                    .createGenerator(out, JsonEncoding.UTF8)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void startReport() {
        io(() -> {
            g.writeStartObject();
            g.writeStringField("@type", PREFIX + "ElectionReport");
        });
    }

    @Override
    public void endReport() {
        io(() -> {
            g.writeEndObject();
            g.writeRaw('\n');
        });
    }

    @Override
    public void startList(String name) {
        io(() -> g.writeArrayFieldStart(name));
    }

    @Override
    public void endList() {
        io(g::writeEndArray);
    }

    @Override
    public void startObject(String type) {
        io(() -> {
            g.writeStartObject();
            g.writeStringField("@type", typeName(type));
        });
    }

    @Override
    public void startObject(String type, String id) {
        io(() -> {
            g.writeStartObject();
            g.writeStringField("@type", typeName(type));
            g.writeStringField("@id", id);
        });
    }

    private String typeName(String type) {
        return typeNames.computeIfAbsent(type, t -> PREFIX + t);
    }

    @Override
    public void endObject() {
        io(g::writeEndObject);
    }

    @Override
    public void string(String name, String value) {
        io(() -> g.writeStringField(name, value));
    }

    @Override
    public void number(String name, long value) {
        io(() -> g.writeNumberField(name, value));
    }

    @Override
    public void refs(String name, List<String> ids) {
        if (ids.isEmpty()) return;
        io(() -> {
            g.writeArrayFieldStart(name);
            for (String id : ids) g.writeString(id);
            g.writeEndArray();
        });
    }

    @Override
    public void text(String name, String content, String language) {
        io(() -> {
            g.writeObjectFieldStart(name);
            g.writeStringField("@type", PREFIX + "InternationalizedText");
            g.writeArrayFieldStart("Text");
            g.writeStartObject();
            g.writeStringField("@type", PREFIX + "LanguageString");
            g.writeStringField("Content", content);
            g.writeStringField("Language", language);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    @Override
    public void close() {
        io(g::close);
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
