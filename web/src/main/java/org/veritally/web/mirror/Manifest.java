package org.veritally.web.mirror;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.formats.canonical.CanonicalJson;

/**
 * {@code manifest.json} of a static mirror (docs/open-data.md, "Static mirror"): canonical JSON
 * (RFC 8785)
 *
 * <pre>{"checkpoint": "&lt;the signed checkpoint: its text and the log's signature line&gt;",
 *  "exports": [{"format", "path", …parameters}], "files": {"&lt;path&gt;": "&lt;hex SHA-256&gt;", …},
 *  "generator": "…", "languages": ["en", …], "root": "&lt;base64 root&gt;", "treeSize": n, "version": 1}</pre>
 *
 * {@code files} lists every file of the mirror except {@code manifest.json} itself and {@code
 * checkpoint} (whose witness cosignatures may grow; its signed text is in {@code checkpoint}).
 * Immutable.
 *
 * @param generator names the software and its assets: a publish by another generator re-renders every page
 * @param exports each export's format, path and the parameters that are not in the log (NIST dates)
 */
public record Manifest(
        String checkpoint,
        long treeSize,
        String root,
        String generator,
        List<String> languages,
        List<Map<String, Object>> exports,
        Map<String, String> files) {
    public static final String FILE = "manifest.json";
    public static final long VERSION = 1;

    /**
     * The canonical encoding: members in RFC 8785 order, as {@link CanonicalJson} would write them, but
     * the file list (a mirror has ~300,000 files) written straight to bytes: a path that needs no
     * escape (all of them, in practice) is copied as it is.
     */
    public byte[] encode() {
        return encode(Map.of());
    }

    /**
     * {@link #encode()}, faster when most paths are those of {@code previous} (a previous manifest as
     * {@link #read} gives it, in its order, which is the canonical one): only the new paths are sorted,
     * then merged in.
     */
    public byte[] encode(Map<String, String> previous) {
        String[] paths = sortedPaths(previous);
        Bytes b = new Bytes(64 + paths.length * 110);
        b.ascii("{\"checkpoint\":" + json(checkpoint) + ",\"exports\":" + jsonValue(new ArrayList<Object>(exports))
                + ",\"files\":{");
        for (int i = 0; i < paths.length; i++) {
            if (i > 0) b.put(',');
            b.string(paths[i]);
            b.put(':');
            b.string(files.get(paths[i]));
        }
        b.ascii("},\"generator\":" + json(generator) + ",\"languages\":" + jsonValue(new ArrayList<Object>(languages))
                + ",\"root\":" + json(root) + ",\"treeSize\":" + treeSize + ",\"version\":" + VERSION + "}");
        return java.util.Arrays.copyOf(b.buf, b.len);
    }

    private String[] sortedPaths(Map<String, String> previous) {
        List<String> kept = new ArrayList<>(files.size());
        String last = null;
        for (String p : previous.keySet()) {
            if (!files.containsKey(p)) continue;
            if (last != null && last.compareTo(p) >= 0) {
                kept = null; // not in order after all
                break;
            }
            kept.add(p);
            last = p;
        }
        if (kept == null || kept.isEmpty()) {
            String[] all = files.keySet().toArray(String[]::new);
            java.util.Arrays.sort(all);
            return all;
        }
        List<String> added = new ArrayList<>();
        for (String p : files.keySet()) if (!previous.containsKey(p)) added.add(p);
        added.sort(null);
        String[] out = new String[kept.size() + added.size()];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < kept.size() || j < added.size()) {
            if (j == added.size() || (i < kept.size() && kept.get(i).compareTo(added.get(j)) < 0))
                out[k++] = kept.get(i++);
            else out[k++] = added.get(j++);
        }
        return out;
    }

    /** A growable byte buffer without locks. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): exactly right for ASCII
    private static final class Bytes {
        byte[] buf;
        int len;

        Bytes(int capacity) {
            buf = new byte[capacity];
        }

        void put(char c) {
            if (len == buf.length) buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            buf[len++] = (byte) c;
        }

        void ascii(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (len + b.length > buf.length)
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + b.length));
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        /** A JSON string: copied as it is when it needs no escape, else as {@link CanonicalJson} writes it. */
        void string(String s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                    ascii(json(s));
                    return;
                }
            }
            if (len + n + 2 > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n + 2));
            buf[len++] = '"';
            s.getBytes(0, n, buf, len);
            len += n;
            buf[len++] = '"';
        }
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        CanonicalJson.string(sb, s);
        return sb.toString();
    }

    private static String jsonValue(Object v) {
        StringBuilder sb = new StringBuilder();
        CanonicalJson.write(sb, v);
        return sb.toString();
    }

    /**
     * The manifest in {@code dir}, if there is one that parses; a broken one counts as none (everything
     * is re-rendered). Its files are in the file's order.
     */
    public static Optional<Manifest> read(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            byte[] bytes = Files.readAllBytes(f);
            // the file list is most of it: scan it directly (it is ours, canonical, paths without escapes); Jackson
            // reads the rest
            byte[] marker = ",\"files\":{".getBytes(StandardCharsets.US_ASCII);
            int at = indexOf(bytes, marker);
            if (at < 0) return Optional.empty();
            int start = at + marker.length;
            Map<String, String> files = new java.util.LinkedHashMap<>(Math.max(16, bytes.length / 70));
            int i = start;
            while (i < bytes.length && bytes[i] != '}') {
                if (bytes[i] == ',') i++;
                int p0 = i + 1;
                int p1 = next(bytes, p0, '"');
                int h0 = p1 + 3;
                int h1 = next(bytes, h0, '"');
                if (bytes[i] != '"' || bytes[p1 + 1] != ':' || bytes[p1 + 2] != '"') return Optional.empty();
                String path = new String(bytes, p0, p1 - p0, StandardCharsets.UTF_8);
                if (path.indexOf('\\') >= 0) return Optional.empty();
                files.put(path, new String(bytes, h0, h1 - h0, StandardCharsets.US_ASCII));
                i = h1 + 1;
            }
            byte[] rest = new byte[at + (bytes.length - i - 1)];
            System.arraycopy(bytes, 0, rest, 0, at);
            System.arraycopy(bytes, i + 1, rest, at, bytes.length - i - 1);
            try (JsonParser p = new JsonFactory().createParser(rest)) {
                Manifest m = parse(p);
                return Optional.of(new Manifest(
                        m.checkpoint(), m.treeSize(), m.root(), m.generator(), m.languages(), m.exports(), files));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int next(byte[] b, int from, char c) {
        for (int i = from; i < b.length; i++) if (b[i] == c) return i;
        throw new IllegalArgumentException("unterminated");
    }

    private static int indexOf(byte[] b, byte[] m) {
        outer:
        for (int i = 0; i + m.length <= b.length; i++) {
            for (int j = 0; j < m.length; j++) if (b[i + j] != m[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static Manifest parse(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new IOException("not an object");
        String checkpoint = "";
        String root = "";
        String generator = "";
        long size = -1;
        List<String> languages = new ArrayList<>();
        List<Map<String, Object>> exports = new ArrayList<>();
        Map<String, String> files = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "checkpoint" -> checkpoint = p.getText();
                case "root" -> root = p.getText();
                case "generator" -> generator = p.getText();
                case "treeSize" -> size = p.getLongValue();
                case "languages" -> {
                    while (p.nextToken() != JsonToken.END_ARRAY) languages.add(p.getText());
                }
                case "exports" -> {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String k = p.currentName();
                            JsonToken v = p.nextToken();
                            e.put(
                                    k,
                                    v == JsonToken.VALUE_NUMBER_INT
                                            ? (Object) p.getLongValue()
                                            : v.isBoolean() ? (Object) p.getBooleanValue() : p.getText());
                        }
                        exports.add(e);
                    }
                }
                case "files" -> {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String path = p.currentName();
                        p.nextToken();
                        files.put(path, p.getText());
                    }
                }
                default -> {
                    if (t.isStructStart()) p.skipChildren();
                }
            }
        }
        return new Manifest(checkpoint, size, root, generator, languages, exports, files);
    }
}
