package org.veritally.server.ops;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.veritally.server.auth.Account;
import org.veritally.server.http.Authenticator;

/**
 * The first handler of every request: refuses a declared body over the limit (413 {@code SRV-SIZE};
 * a chunked body is cut at the same limit while it is read) and charges the rate limits, throwing
 * {@link RequestRefused}. Writes (any method but GET, HEAD and OPTIONS) are charged to the client
 * address first, which costs no database read, then, when the bearer token authenticates, to the
 * account; a request with no valid token is charged to its address only and then answered 401 by the
 * write routes. Reads are charged to the address only when a read limit is set; the probes
 * ({@code /healthz}, {@code /readyz}, {@code /metrics}) never are. The authenticated account id is
 * left on the request ({@link #ACCOUNT}) for the request log; the token itself is never kept.
 *
 * <p>A refused body is read and discarded, up to {@value #DRAIN_LIMIT} bytes, before the answer: a
 * client that sends its whole body before reading (most do, without {@code Expect: 100-continue})
 * would otherwise meet a reset connection instead of the 413. Beyond that the connection is closed.
 * Thread-safe.
 */
public final class RequestGuard implements Handler {
    /** Request attribute: the id of the authenticated account, when there is one. */
    public static final String ACCOUNT = "veritally.account";
    /** The most of a refused body read and thrown away so that the client sees the answer. */
    public static final int DRAIN_LIMIT = 1 << 20;

    /** The API's path whose body may be a photo (the website's upload form is the other: {@link #takesPhoto}). */
    public static final String EVIDENCE_PATH = "/api/evidence";

    /** The larger limit of the paths that take a photo: a 20 MiB photo and a form's other parts. */
    public static final long EVIDENCE_MAX_BODY = 20L * 1024 * 1024 + 256 * 1024;

    /** The website's upload form, {@code /{lang}/upload}: a two-letter language code. */
    private static final java.util.regex.Pattern UPLOAD_PAGE = java.util.regex.Pattern.compile("/[a-z]{2}/upload");

    private final OpsConfig config;
    private final Authenticator auth;
    private final RateLimiter accounts;
    private final RateLimiter writeAddresses;
    private final RateLimiter readAddresses;

    private final java.util.function.Supplier<Optional<org.veritally.server.integrity.Mismatch>> integrity;

    public RequestGuard(OpsConfig config, Authenticator auth) {
        this(config, auth, Optional::empty);
    }

    /**
     * As above; while {@code integrity} holds a failed integrity check, every write is refused (503 with its rule
     * ID) before it is read: nothing is added to a database that is not what its log says.
     */
    public RequestGuard(
            OpsConfig config,
            Authenticator auth,
            java.util.function.Supplier<Optional<org.veritally.server.integrity.Mismatch>> integrity) {
        this.integrity = integrity;
        this.config = config;
        this.auth = auth;
        this.accounts = new RateLimiter(config.perAccount(), System::nanoTime);
        this.writeAddresses = new RateLimiter(config.perAddress(), System::nanoTime);
        this.readAddresses = new RateLimiter(config.reads(), System::nanoTime);
    }

    @Override
    public void handle(Context ctx) {
        String declared = ctx.header("Content-Length");
        long max = takesPhoto(ctx.path()) ? EVIDENCE_MAX_BODY : config.maxBodyBytes();
        if (declared != null && tooLong(declared.strip(), max)) {
            discardBody(ctx);
            throw RequestRefused.tooLarge(max);
        }
        String address =
                ClientAddress.key(ctx.ip(), config.clientAddressHeader().map(ctx::header));
        if (isWrite(ctx.method().name())) {
            var broken = integrity.get();
            if (broken.isPresent()) throw RequestRefused.integrity(broken.get());
            charge(writeAddresses, address, "address");
            Optional<Account> a = auth.authenticate(ctx.header("Authorization"));
            if (a.isPresent()) {
                ctx.attribute(ACCOUNT, a.get().id());
                charge(accounts, a.get().id(), "account");
            }
        } else if (!ProbeRoutes.isProbe(ctx.path())) {
            charge(readAddresses, address, "address");
        }
    }

    /**
     * Reads and discards what is left of the request body, up to {@link #DRAIN_LIMIT} bytes; when more is left
     * than that, asks for the connection to be closed after the answer. For refusals only: the answer of a
     * write refused before its body was read must reach a client that is still sending the body. A body
     * already read costs nothing here.
     */
    public static void discardBody(Context ctx) {
        try {
            var in = ctx.req().getInputStream();
            byte[] buf = new byte[16 * 1024];
            long total = 0;
            int n = 0;
            while (total < DRAIN_LIMIT && (n = in.read(buf)) > 0) total += n;
            if (n >= 0) ctx.header("Connection", "close");
        } catch (java.io.IOException | RuntimeException e) {
            ctx.header("Connection", "close"); // the client went away or the stream is spent: the answer goes out
        }
    }

    /**
     * Whether a request to {@code path} may carry a photo, and so a body up to {@link #EVIDENCE_MAX_BODY}:
     * {@code /api/evidence} and the website's upload form {@code /{lang}/upload}. Every other path keeps
     * the configured limit (64 KiB by default).
     */
    public static boolean takesPhoto(String path) {
        return path.equals(EVIDENCE_PATH) || UPLOAD_PAGE.matcher(path).matches();
    }

    static boolean isWrite(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    private static void charge(RateLimiter limiter, String key, String scope) {
        long wait = limiter.charge(key);
        if (wait > 0) throw RequestRefused.rateLimited(scope, wait);
    }

    /** A Content-Length above {@code max}. A malformed one is left to the server, which answers 400. */
    static boolean tooLong(String declared, long max) {
        if (declared.isEmpty() || !declared.chars().allMatch(c -> c >= '0' && c <= '9')) return false;
        return declared.length() > 18 || Long.parseLong(declared) > max;
    }
}
