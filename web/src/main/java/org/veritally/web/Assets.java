package org.veritally.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.veritally.web.page.PageContext;

/**
 * The site's static files (stylesheet, live-update script), bundled in the jar and served under
 * content-hashed names ({@code site.3f2a9c01b7.css}) so they can be cached for a year as
 * immutable: a changed file gets a new name. No third-party CDN. Immutable and thread-safe.
 */
public final class Assets {
    /** A served file: its bytes and content type. */
    public record Asset(byte[] bytes, String contentType) {}

    private final Map<String, Asset> byName;
    private final PageContext.AssetNames names;

    private Assets(Map<String, Asset> byName, PageContext.AssetNames names) {
        this.byName = byName;
        this.names = names;
    }

    /** Loads the bundled files. */
    public static Assets load() {
        byte[] css = read("site.css");
        byte[] js = read("live.js");
        String cssName = "site." + hash(css) + ".css";
        String jsName = "live." + hash(js) + ".js";
        return new Assets(
                Map.of(
                        cssName,
                        new Asset(css, "text/css; charset=utf-8"),
                        jsName,
                        new Asset(js, "text/javascript; charset=utf-8")),
                new PageContext.AssetNames(cssName, jsName));
    }

    public PageContext.AssetNames names() {
        return names;
    }

    /** Every file by its hashed name (for a static mirror). */
    public Map<String, Asset> all() {
        return byName;
    }

    public Optional<Asset> get(String hashedName) {
        return Optional.ofNullable(byName.get(hashedName));
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream("static/" + name)) {
            if (in == null) throw new IllegalStateException("missing bundled asset " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled asset " + name, e);
        }
    }

    private static String hash(byte[] b) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(b))
                    .substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
