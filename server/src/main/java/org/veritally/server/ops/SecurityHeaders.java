package org.veritally.server.ops;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Security headers on every answer, website pages and API alike (docs/security.md). The site serves
 * all its assets itself, so the Content-Security-Policy names no third-party origin: scripts, styles,
 * images and fetches come from {@code 'self'} only. Two allowances, both first-party: {@code data:}
 * images (the page icon is {@code data:,}) and inline {@code style} attributes (result bars and colour
 * swatches carry their width and colour there; {@code style-src-attr} allows attributes only, never a
 * {@code <style>} element or a script). Framing is refused ({@code frame-ancestors 'none'} and
 * {@code X-Frame-Options: DENY}). {@code Strict-Transport-Security} is sent only when the operator
 * declared TLS in front ({@code --behind-tls}): over plain HTTP it would be ignored at best, and a
 * mistaken one locks visitors out of a site for a year. Immutable and thread-safe.
 */
public final class SecurityHeaders implements Handler {
    public static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
                    + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
                    + "base-uri 'none'; form-action 'self'; "
                    + "frame-ancestors 'none'";
    public static final String PERMISSIONS =
            "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                    + "microphone=(), payment=(), usb=()";
    public static final String HSTS = "max-age=31536000";
    private final boolean behindTls;

    public SecurityHeaders(boolean behindTls) {
        this.behindTls = behindTls;
    }

    @Override
    public void handle(Context ctx) {
        apply(ctx::header);
    }

    /** Puts every header through {@code put} (name, value): the routes' answers and Jetty's own alike. */
    void apply(java.util.function.BiConsumer<String, String> put) {
        put.accept("Content-Security-Policy", CSP);
        put.accept("X-Content-Type-Options", "nosniff");
        put.accept("Referrer-Policy", "no-referrer");
        put.accept("X-Frame-Options", "DENY");
        put.accept("Permissions-Policy", PERMISSIONS);
        if (behindTls) put.accept("Strict-Transport-Security", HSTS);
    }
}
