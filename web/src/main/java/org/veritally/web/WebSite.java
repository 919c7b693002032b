package org.veritally.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.server.Instance;
import org.veritally.server.http.Authenticator;
import org.veritally.server.http.Routes;
import org.veritally.server.http.WriteToken;
import org.veritally.web.i18n.Lang;
import org.veritally.web.link.HttpLinks;
import org.veritally.web.link.PageRef;
import org.veritally.web.page.ErrorHtml;
import org.veritally.web.page.PageContext;

/**
 * The public website's HTTP routes, plugged into the API server: {@code /} (redirects to the
 * reader's language), {@code /{lang}/...} pages (see {@link org.veritally.web.link.HttpLinks}), {@code POST
 * /{lang}/upload} (the upload form for photos of tally sheets: {@link UploadRoute}),
 * {@code /static/*} hashed assets and {@code /downloads/veritally.db}. Pages may be cached 5 s and
 * served stale for 30 s while revalidating; assets for a year (their names change with their
 * content). Responses are gzip-compressed by the server. Any failure is a friendly HTML page,
 * never a stack trace. Thread-safe.
 */
public final class WebSite implements Routes {
    static final String PAGE_CACHE = "public, max-age=5, stale-while-revalidate=30";
    static final String ASSET_CACHE = "public, max-age=31536000, immutable";
    private final Instance in;
    private final SiteRenderer renderer;

    private static final System.Logger LOG = System.getLogger("org.veritally.web");
    private static final boolean DEBUG = System.getenv("VERITALLY_DEBUG") != null;
    /** A page's internal error is one line; its stack trace once per kind, each time under VERITALLY_DEBUG. */
    private final org.veritally.server.ops.TraceOnce traces = new org.veritally.server.ops.TraceOnce(DEBUG);

    private final UploadRoute upload;
    private final TranscribeRoute transcribe;
    private final ModerateRoute moderate;

    /**
     * The site of {@code in}; the upload form checks tokens as the API does, with the data directory's
     * bootstrap token ({@code DATA/api-token}, read at the first upload) and the accounts.
     */
    public WebSite(Instance in) {
        this(in, new BootstrapAuthenticator(in));
    }

    /** The site of {@code in}, whose upload form checks tokens with {@code auth}. */
    public WebSite(Instance in, Authenticator auth) {
        this(in, () -> auth);
    }

    private WebSite(Instance in, java.util.function.Supplier<Authenticator> auth) {
        this.in = in;
        this.renderer = new SiteRenderer(in, Assets.load());
        this.snapshot = new PublicSnapshot(in.dir());
        this.upload = new UploadRoute(in, renderer, auth);
        this.transcribe = new TranscribeRoute(in, renderer, auth);
        this.moderate = new ModerateRoute(in, renderer, auth);
    }

    /** The API's authenticator over {@code DATA/api-token} and the accounts, made at its first use. */
    private static final class BootstrapAuthenticator implements java.util.function.Supplier<Authenticator> {
        private final Instance in;
        private volatile Authenticator auth;

        BootstrapAuthenticator(Instance in) {
            this.in = in;
        }

        @Override
        public Authenticator get() {
            Authenticator a = auth;
            if (a != null) return a;
            synchronized (this) {
                if (auth == null) {
                    try {
                        auth = new Authenticator(WriteToken.load(in.dir()), in.accounts());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                return auth;
            }
        }
    }

    public SiteRenderer renderer() {
        return renderer;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> {
            ctx.header("Vary", "Accept-Language, Accept-Encoding").header("Cache-Control", "public, max-age=60");
            ctx.redirect("/" + Lang.negotiate(ctx.header("Accept-Language")).code() + "/", HttpStatus.FOUND);
        });
        routes.get("/static/{file}", this::asset);
        routes.get("/downloads/veritally.db", this::database);
        routes.post("/{lang}/upload", this::upload);
        routes.get("/{lang}/transcribe", ctx -> transcribe(ctx, false));
        routes.post("/{lang}/transcribe", ctx -> transcribe(ctx, true));
        routes.get("/{lang}/moderate", ctx -> transcribe(ctx, false));
        routes.post("/{lang}/moderate", ctx -> transcribe(ctx, true));
        routes.get("/feed.atom", ctx -> {
            ctx.header("Vary", "Accept-Language, Accept-Encoding");
            feed(ctx, Lang.negotiate(ctx.header("Accept-Language")), "/feed.atom");
        });
        routes.get("/{lang}/feed.atom", ctx -> {
            Optional<Lang> lang = Lang.of(ctx.pathParam("lang"));
            if (lang.isEmpty()) page(ctx, "feed.atom");
            else feed(ctx, lang.get(), "/" + lang.get().code() + "/feed.atom");
        });
        routes.get("/{lang}/diff", this::diff);
        routes.get("/{lang}", ctx -> page(ctx, ""));
        routes.get("/{lang}/<path>", ctx -> page(ctx, ctx.pathParam("path")));
        routes.head("/{lang}", ctx -> page(ctx, ""));
        routes.head("/{lang}/<path>", ctx -> page(ctx, ctx.pathParam("path")));
    }

    private void page(Context ctx, String path) {
        String code = ctx.pathParam("lang");
        Optional<Lang> lang = Lang.of(code);
        if (lang.isEmpty()) {
            ctx.status(404);
            if (!code.equals("api"))
                html(
                        ctx,
                        fail(
                                Lang.negotiate(ctx.header("Accept-Language")),
                                404,
                                "error.notfound",
                                "notfound.page",
                                ctx.path()));
            return;
        }
        RenderedPage p;
        try {
            var at = AT.matcher(path);
            p = at.matches()
                    ? renderer.renderAt(
                            lang.get(),
                            org.veritally.server.asof.StatesAsOf.parse("at", at.group(1)),
                            at.group(2),
                            firstValues(ctx.queryParamMap()))
                    : renderer.render(lang.get(), path, firstValues(ctx.queryParamMap()));
        } catch (org.veritally.store.StoreException e) {
            // the environment: the database cannot be read just now
            p = fail(lang.get(), 503, "error.unavailable", "error.unavailable.text", "");
            ctx.header("Retry-After", "5");
        } catch (RuntimeException e) {
            // a bug: a 500 (never a silent 503), logged as one line, with the stack trace the first time
            LOG.log(System.Logger.Level.ERROR, "internal error rendering " + ctx.path() + ": " + e, traces.traceOf(e));
            p = fail(lang.get(), 500, "error.internal", "error.internal.text", "");
        }
        html(ctx, p);
    }

    /** {@code at/{N}/{page}}: a page as of log size N (issue 18). */
    private static final java.util.regex.Pattern AT = java.util.regex.Pattern.compile("at/(\\d{1,18})/?(.*)");

    /** What changed between two log sizes (issue 18): {@code /{lang}/diff?from=N&to=M}. */
    private void diff(Context ctx) {
        Optional<Lang> lang = Lang.of(ctx.pathParam("lang"));
        if (lang.isEmpty()) {
            page(ctx, "diff");
            return;
        }
        RenderedPage p;
        try {
            p = renderer.renderDiff(lang.get(), firstValues(ctx.queryParamMap()));
        } catch (org.veritally.store.StoreException e) {
            p = fail(lang.get(), 503, "error.unavailable", "error.unavailable.text", "");
            ctx.header("Retry-After", "5");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error rendering " + ctx.path() + ": " + e, traces.traceOf(e));
            p = fail(lang.get(), 500, "error.internal", "error.internal.text", "");
        }
        html(ctx, p);
    }

    private void upload(Context ctx) {
        Optional<Lang> lang = Lang.of(ctx.pathParam("lang"));
        if (lang.isEmpty()) {
            ctx.status(404);
            html(
                    ctx,
                    fail(
                            Lang.negotiate(ctx.header("Accept-Language")),
                            404,
                            "error.notfound",
                            "notfound.page",
                            ctx.path()));
            return;
        }
        RenderedPage p;
        try {
            p = upload.post(lang.get(), ctx);
        } catch (org.veritally.store.StoreException e) {
            // the environment: the database, the blob store or the disk; nothing of the photo is in the log
            boolean full = org.veritally.store.DiskFull.find(e).isPresent();
            p = fail(lang.get(), full ? 507 : 503, "error.unavailable", "upload.err.unavailable", "");
            ctx.header("Retry-After", full ? "30" : "5");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error filing a photo: " + e, traces.traceOf(e));
            p = fail(lang.get(), 500, "error.internal", "error.internal.text", "");
        }
        html(ctx, p);
    }

    /**
     * The transcription and moderator's pages ({@link TranscribeRoute}, {@link ModerateRoute}, by the path):
     * their errors as the upload form's.
     */
    private void transcribe(Context ctx, boolean post) {
        Optional<Lang> lang = Lang.of(ctx.pathParam("lang"));
        if (lang.isEmpty()) {
            page(ctx, ctx.path().endsWith("/moderate") ? "moderate" : "transcribe");
            return;
        }
        Optional<RenderedPage> p;
        try {
            if (in.state().election().isEmpty())
                p = Optional.of(renderer.render(
                        lang.get(),
                        ctx.path().endsWith("/moderate") ? PageRef.moderate() : PageRef.transcribe(),
                        new HttpLinks()));
            else if (ctx.path().endsWith("/moderate"))
                p = post ? moderate.post(lang.get(), ctx) : Optional.of(moderate.get(lang.get(), ctx));
            else p = post ? transcribe.post(lang.get(), ctx) : Optional.of(transcribe.get(lang.get(), ctx));
        } catch (org.veritally.store.StoreException e) {
            p = Optional.of(fail(lang.get(), 503, "error.unavailable", "transcribe.err.unavailable", ""));
            ctx.header("Retry-After", "5");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error on the transcription page: " + e, traces.traceOf(e));
            p = Optional.of(fail(lang.get(), 500, "error.internal", "error.internal.text", ""));
        }
        p.ifPresent(r -> {
            html(ctx, r);
            ctx.header("Cache-Control", "no-store"); // a volunteer's own task: never in a shared cache
        });
    }

    private RenderedPage fail(Lang lang, int status, String titleKey, String textKey, String value) {
        PageContext c = PageContext.of(
                lang, new HttpLinks(), PageRef.home(), renderer.assets().names());
        return new RenderedPage(
                status,
                ErrorHtml.render(
                        c,
                        titleKey,
                        c.words().format(textKey, value),
                        in.state().logSize()),
                false);
    }

    /** The Atom feed (RFC 4287 §7: {@code application/atom+xml}), cached like a page. */
    private void feed(Context ctx, Lang lang, String self) {
        byte[] xml;
        try {
            xml = renderer.feed(lang, new org.veritally.web.link.HttpLinks(), self);
        } catch (org.veritally.store.StoreException e) {
            ctx.status(503)
                    .header("Retry-After", "5")
                    .contentType("text/plain; charset=utf-8")
                    .result("unavailable");
            return;
        }
        ctx.header("Cache-Control", PAGE_CACHE)
                .contentType(org.veritally.web.feed.AtomFeed.MEDIA_TYPE + "; charset=utf-8")
                .result(xml);
    }

    private static void html(Context ctx, RenderedPage p) {
        ctx.status(p.status()).contentType("text/html; charset=utf-8");
        boolean cacheable =
                (p.status() == 200 || p.status() == 404) && !ctx.method().name().equals("POST");
        ctx.header("Cache-Control", cacheable ? PAGE_CACHE : "no-store");
        ctx.header("X-Content-Type-Options", "nosniff").header("Vary", "Accept-Encoding");
        ctx.result(p.html());
    }

    private void asset(Context ctx) {
        var a = renderer.assets().get(ctx.pathParam("file"));
        if (a.isEmpty()) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        ctx.header("Cache-Control", ASSET_CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Vary", "Accept-Encoding");
        ctx.contentType(a.get().contentType()).result(a.get().bytes());
    }

    /**
     * Streams a public snapshot of the SQLite file (no private tables), with range support so a download can resume.
     */
    private void database(Context ctx) throws IOException {
        if (!Files.isRegularFile(in.dir().resolve(Instance.DB_FILE))) {
            html(
                    ctx,
                    fail(
                            Lang.negotiate(ctx.header("Accept-Language")),
                            404,
                            "error.notfound",
                            "downloads.db.none",
                            ""));
            return;
        }
        DatabaseDownload.serve(ctx, snapshot.current());
    }

    private final PublicSnapshot snapshot;

    private static Map<String, String> firstValues(Map<String, List<String>> q) {
        Map<String, String> out = new HashMap<>();
        q.forEach((k, v) -> {
            if (!v.isEmpty()) out.put(k, v.get(0));
        });
        return out;
    }
}
