package org.veritally.store.blob;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.veritally.store.StoreRule;

/**
 * Where the evidence blobs are, as given by {@code --evidence}:
 *
 * <ul>
 *   <li>{@code dir:PATH}, or a plain {@code PATH}: a {@link DirectoryBlobStore};
 *   <li>{@code postgres}: the table {@code evidence_blob} of the instance's own PostgreSQL database ({@link
 *       PostgresBlobStore});
 *   <li>{@code s3://BUCKET[/PREFIX]?endpoint=URL&region=REGION&accessKey=…&secretKey=…}: an S3 bucket ({@link
 *       S3BlobStore}); every query parameter is optional (the endpoint defaults to AWS, the region and credentials to
 *       the SDK's usual sources: {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, the
 *       profile files), and the keys are {@code PREFIX/<sha256>}.
 * </ul>
 *
 * Anything else is refused with {@code STORE-BLOB-URI} ({@link #parse}). Immutable; {@link #toString} never shows a
 * secret key.
 */
public sealed interface BlobLocation {
    /** The forms, for messages. */
    String FORMS = "dir:PATH (or a plain path), postgres, or s3://BUCKET[/PREFIX]?endpoint=URL&region=REGION";

    /** A directory of files. */
    record Directory(Path root) implements BlobLocation {
        @Override
        public String toString() {
            return "dir:" + root;
        }
    }

    /** The instance's own PostgreSQL database. */
    record Postgres() implements BlobLocation {
        @Override
        public String toString() {
            return "postgres";
        }
    }

    /**
     * An S3 bucket; {@code prefix} is empty or ends with {@code /}. Credentials are given both or neither.
     */
    record S3(
            String bucket,
            String prefix,
            Optional<URI> endpoint,
            Optional<String> region,
            Optional<String> accessKey,
            Optional<String> secretKey)
            implements BlobLocation {
        @Override
        public String toString() {
            return "s3://" + bucket + "/" + prefix
                    + endpoint.map(e -> " at " + e).orElse("");
        }
    }

    /**
     * Reads an {@code --evidence} location.
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-URI}, saying what is wrong and the forms accepted (a secret
     *     key in it is not shown)
     */
    static BlobLocation parse(String uri) {
        if (uri == null || uri.isBlank()) throw bad("(empty)", "no location given");
        String u = uri.strip();
        if (u.equals("postgres") || u.equals("postgresql")) return new Postgres();
        if (u.startsWith("s3://")) return s3(u);
        if (u.startsWith("dir:")) return directory(u, u.substring(4));
        int colon = u.indexOf("://");
        if (colon > 0) throw bad(u, "unknown scheme " + u.substring(0, colon) + "://");
        return directory(u, u);
    }

    private static Directory directory(String uri, String path) {
        if (path.isBlank()) throw bad(uri, "dir: names no directory");
        try {
            return new Directory(Path.of(path));
        } catch (InvalidPathException e) {
            throw bad(uri, "not a path: " + e.getReason());
        }
    }

    private static S3 s3(String u) {
        if (u.length() == 5 || u.charAt(5) == '/' || u.charAt(5) == '?') throw bad(u, "names no bucket");
        URI parsed;
        try {
            parsed = new URI(u);
        } catch (URISyntaxException e) {
            throw bad(u, "not a valid URI (percent-encode special characters): " + e.getReason());
        }
        String bucket = parsed.getRawAuthority() == null ? "" : parsed.getRawAuthority();
        // S3 bucket naming rules: 3-63 characters, lower-case letters, digits, dots and hyphens
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"))
            throw bad(u, "\"" + bucket + "\" is not an S3 bucket name (3-63 of a-z, 0-9, '.', '-')");
        String prefix = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/+", "");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) prefix += "/";
        Map<String, String> query = query(u, parsed.getRawQuery());
        Optional<URI> endpoint = Optional.ofNullable(query.get("endpoint")).map(e -> endpoint(u, e));
        Optional<String> access = Optional.ofNullable(query.get("accessKey"));
        Optional<String> secret = Optional.ofNullable(query.get("secretKey"));
        if (access.isPresent() != secret.isPresent())
            throw bad(u, "accessKey and secretKey go together (or leave both to the environment)");
        return new S3(bucket, prefix, endpoint, Optional.ofNullable(query.get("region")), access, secret);
    }

    private static Map<String, String> query(String u, String raw) {
        Set<String> known = Set.of("endpoint", "region", "accessKey", "secretKey");
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (!known.contains(key)) throw bad(u, "unknown parameter \"" + key + "\" (known: " + known + ")");
            if (value.isEmpty()) throw bad(u, "the parameter " + key + " is empty");
            if (out.put(key, value) != null) throw bad(u, "the parameter " + key + " is given twice");
        }
        return out;
    }

    private static URI endpoint(String u, String e) {
        try {
            URI uri = new URI(e);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null)
                throw bad(u, "the endpoint \"" + e + "\" is not an http:// or https:// URL with a host");
            return uri;
        } catch (URISyntaxException x) {
            throw bad(u, "the endpoint \"" + e + "\" is not a URL: " + x.getReason());
        }
    }

    private static IllegalArgumentException bad(String uri, String why) {
        String shown = uri.replaceAll("(secretKey=)[^&]*", "$1***");
        return new IllegalArgumentException(
                StoreRule.STORE_BLOB_URI + ": --evidence " + shown + ": " + why + "; the forms are " + FORMS);
    }
}
