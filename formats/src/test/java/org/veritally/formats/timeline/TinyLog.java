package org.veritally.formats.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.veritally.formats.canonical.CanonicalJson;
import org.veritally.formats.canonical.JsonTree;

/** Builds small logs of canonical entries by hand for the timeline's tests: one contest P of choices A1, B1. */
final class TinyLog {
    static final String ELECTION =
            "{\"kind\":\"election\",\"v\":1,\"id\":\"t\",\"name\":\"T\",\"root\":\"N\",\"levels\":["
                    + "\"nation\",\"region\"],"
                    + "\"turnoutAllowance\":0,\"consensusMinSources\":2,\"contests\":[{\"id\":\"P\","
                    + "\"name\":\"P\",\"candidates\":[{\"id\":\"A\",\"name\":\"A\"},"
                    + "{\"id\":\"B\",\"name\":\"B\"}],\"choices\":[{\"id\":\"A1\",\"name\":\"A1\","
                    + "\"candidate\":\"A\"},{\"id\":\"B1\",\"name\":\"B1\",\"candidate\":\"B\"}]}]}";
    static final String CATALOGUE =
            "{\"kind\":\"catalogue\",\"v\":1,\"units\":[{\"id\":\"N\",\"name\":\"N\",\"level\":0,\"parent\":\"\"},"
                    + "{\"id\":\"R\",\"name\":\"R\",\"level\":1,\"parent\":\"N\"},{\"id\":\"Q\","
                    + "\"name\":\"Q\",\"level\":1,\"parent\":\"N\"}],"
                    + "\"stations\":[{\"id\":\"S1\",\"name\":\"S1\",\"unit\":\"R\",\"registered\":100},"
                    + "{\"id\":\"S2\",\"name\":\"S2\",\"unit\":\"R\",\"registered\":50},"
                    + "{\"id\":\"S3\",\"name\":\"S3\",\"unit\":\"Q\",\"registered\":70}]}";

    private final List<byte[]> entries = new ArrayList<>();

    /** The election, the catalogue, source {@code auth} (the authority) and source {@code w} (a witness). */
    static TinyLog started() {
        TinyLog l = new TinyLog();
        l.add(ELECTION);
        l.add(CATALOGUE);
        l.add(source("auth", "authority"));
        l.add(source("w", "witness"));
        return l;
    }

    static String source(String id, String role) {
        return "{\"kind\":\"source\",\"v\":1,\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"role\":\"" + role + "\"}";
    }

    /** A catalogue entry adding unit {@code unit} below {@code parent} with one station. */
    static String moreCatalogue(String unit, String parent, String station, long registered) {
        return "{\"kind\":\"catalogue\",\"v\":1,\"units\":[{\"id\":\"" + unit + "\",\"name\":\"" + unit
                + "\",\"level\":1,\"parent\":\"" + parent + "\"}],\"stations\":[{\"id\":\"" + station
                + "\",\"name\":\"" + station + "\",\"unit\":\"" + unit + "\",\"registered\":" + registered + "}]}";
    }

    static String sheet(String station, String source, long valid, long nulls, long a, long b) {
        return "{\"kind\":\"sheet\",\"v\":1,\"station\":\"" + station + "\",\"contest\":\"P\",\"source\":\""
                + source + "\",\"counts\":{\"valid\":" + valid + ",\"null\":" + nulls + "},\"votes\":{\"A1\":"
                + a + ",\"B1\":" + b + "}}";
    }

    static String correction(String station, String source, long valid, long nulls, long a, long b, long supersedes) {
        String s = sheet(station, source, valid, nulls, a, b);
        return s.substring(0, s.length() - 1) + ",\"supersedes\":" + supersedes + ",\"reason\":\"misread\"}";
    }

    /** Appends an entry; returns its log index. */
    long add(String json) {
        try {
            entries.add(CanonicalJson.encode(JsonTree.parse(json.getBytes(StandardCharsets.UTF_8))));
        } catch (JsonTree.JsonError e) {
            throw new AssertionError(e);
        }
        return entries.size() - 1;
    }

    List<byte[]> entries() {
        return entries;
    }
}
