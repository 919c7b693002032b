package org.veritally.verify.io;

import java.net.URI;
import java.nio.file.Path;
import org.veritally.verify.PublishedLog;

/**
 * Turns a command-line argument into a {@link PublishedLog}: an {@code http://} or {@code https://}
 * URL is read with {@link HttpLog#discover}; anything else is a directory. Stateless.
 */
public final class Logs {

    private Logs() {}

    /**
     * The log at {@code dirOrUrl}.
     *
     * @throws IllegalArgumentException if it is neither a valid URL nor an existing directory
     */
    public static PublishedLog open(String dirOrUrl) {
        return open(dirOrUrl, HttpPolicy.DEFAULT);
    }

    /**
     * The log at {@code dirOrUrl}, read over HTTP with {@code policy} when it is a URL.
     *
     * @throws IllegalArgumentException if it is neither a valid URL nor an existing directory
     */
    public static PublishedLog open(String dirOrUrl, HttpPolicy policy) {
        if (isUrl(dirOrUrl)) {
            return HttpLog.discover(url(dirOrUrl), policy);
        }
        return new DirectoryLog(Path.of(dirOrUrl));
    }

    /** Whether the argument is an HTTP(S) URL rather than a directory. */
    public static boolean isUrl(String s) {
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /**
     * The argument as a URL.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static URI url(String s) {
        try {
            URI u = URI.create(s);
            if (!isUrl(s) || u.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: " + s);
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an http(s) URL: " + s, e);
        }
    }
}
