package org.veritally.formats.entry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;

/**
 * The fast path for catalogue entries, like {@link FastSheetDecoder}: a scan of the canonical bytes ({@link
 * CanonicalCatalogueScan}), else a streaming parse, either accepted only when re-encoding gives back exactly the
 * input bytes; anything else returns empty and the strict reader reports the problem. Stateless and thread-safe.
 */
final class FastCatalogueDecoder {
    private static final JsonFactory FACTORY = new JsonFactory();

    private FastCatalogueDecoder() {}

    static Optional<CatalogueEntry> decode(byte[] bytes, Function<CatalogueEntry, byte[]> encoder) {
        Optional<CatalogueEntry> scanned = decodeByScan(bytes, encoder);
        return scanned.isPresent() ? scanned : decodeWithJackson(bytes, encoder);
    }

    /** The scan alone, without the streaming parser behind it: for tests that must know which path read an entry. */
    static Optional<CatalogueEntry> decodeByScan(byte[] bytes, Function<CatalogueEntry, byte[]> encoder) {
        return CanonicalCatalogueScan.read(bytes).filter(c -> encodes(encoder, c, bytes));
    }

    /** Whether {@code c} encodes to exactly {@code bytes}; an encoder that throws leaves it to the strict path. */
    private static boolean encodes(Function<CatalogueEntry, byte[]> encoder, CatalogueEntry c, byte[] bytes) {
        try {
            return Arrays.equals(encoder.apply(c), bytes);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<CatalogueEntry> decodeWithJackson(byte[] bytes, Function<CatalogueEntry, byte[]> encoder) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Optional.empty();
            List<Unit> units = null;
            List<Station> stations = null;
            String kind = null;
            long v = -1;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "kind" -> kind = p.getText();
                    case "v" -> v = p.getLongValue();
                    case "units" -> {
                        if (value != JsonToken.START_ARRAY) return Optional.empty();
                        units = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            String id = null, uname = null, parent = null;
                            long level = -1;
                            for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                                String k = p.currentName();
                                p.nextToken();
                                switch (k) {
                                    case "id" -> id = p.getText();
                                    case "name" -> uname = p.getText();
                                    case "parent" -> parent = p.getText();
                                    case "level" -> level = p.getLongValue();
                                    default -> {
                                        return Optional.empty();
                                    }
                                }
                            }
                            if (level < 0 || level > Integer.MAX_VALUE) return Optional.empty();
                            units.add(new Unit(id, uname, (int) level, parent));
                        }
                    }
                    case "stations" -> {
                        if (value != JsonToken.START_ARRAY) return Optional.empty();
                        stations = new ArrayList<>();
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            String id = null, sname = null, unit = null;
                            long reg = -1;
                            for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                                String k = p.currentName();
                                p.nextToken();
                                switch (k) {
                                    case "id" -> id = p.getText();
                                    case "name" -> sname = p.getText();
                                    case "unit" -> unit = p.getText();
                                    case "registered" -> reg = p.getLongValue();
                                    default -> {
                                        return Optional.empty();
                                    }
                                }
                            }
                            if (reg > org.veritally.formats.canonical.CanonicalJson.MAX_SAFE)
                                return Optional.empty(); // IN-COUNT, from the strict reader
                            stations.add(new Station(id, sname, unit, reg));
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (p.nextToken() != null || !"catalogue".equals(kind) || v != 1 || units == null || stations == null)
                return Optional.empty();
            CatalogueEntry c = new CatalogueEntry(units, stations);
            return Arrays.equals(encoder.apply(c), bytes) ? Optional.of(c) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
