package org.veritally.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.model.Contest;
import org.veritally.core.model.Election;
import org.veritally.core.validation.ReadRule;
import org.veritally.core.validation.RuleId;
import org.veritally.server.Instance;
import org.veritally.server.ops.Operations;
import org.veritally.server.ops.OpsConfig;
import org.veritally.server.ops.RequestGuard;
import org.veritally.server.ops.RequestRefused;
import org.veritally.server.ops.ServerRule;
import org.veritally.server.read.UsageProblem;
import org.veritally.store.DiskFull;
import org.veritally.store.StoreException;

/**
 * The HTTP JSON API (docs/api.md) on Javalin: reads of the election, results, units and stations;
 * {@code POST /api/sheets} with a bearer token. Errors are RFC 9457 problem+json carrying rule IDs;
 * no stack trace reaches a client. Binds to 127.0.0.1 unless told otherwise.
 */
public final class ApiServer implements AutoCloseable {
    private final Instance instance;
    private final WriteToken token;
    private final Javalin app;
    private final AsOfRoutes asOf;

    public ApiServer(Instance instance, WriteToken token) {
        this(instance, token, List.of());
    }

    /** An API server that also serves the given route groups (registered after the API's own). */
    public ApiServer(Instance instance, WriteToken token, List<Routes> extra) {
        this(instance, token, extra, OpsConfig.defaults());
    }

    /** An API server with the given limits, headers and request log (docs/operations.md, docs/security.md). */
    public ApiServer(Instance instance, WriteToken token, List<Routes> extra, OpsConfig opsConfig) {
        this.instance = instance;
        this.token = token;
        this.asOf = new AsOfRoutes(instance);
        var ops = new Operations(instance, new Authenticator(token, instance.accounts()), opsConfig);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            ops.register(cfg);
            var live = instance.live();
            cfg.jetty.modifyServletContextHandler(h -> {
                var holder = new org.eclipse.jetty.ee10.servlet.ServletHolder(new EventsServlet(live));
                holder.setAsyncSupported(true);
                h.addServlet(holder, EventsServlet.PATH);
            });
            cfg.routes.get("/api/election", this::election);
            cfg.routes.get("/api/results", this::results);
            cfg.routes.get("/api/results/file", asOf::file);
            cfg.routes.get("/api/asof", asOf::asOf);
            cfg.routes.get("/api/diff", asOf::diff);
            cfg.routes.get("/api/units/{id}", this::unit);
            cfg.routes.get("/api/stations/{id}", this::station);
            cfg.routes.get(
                    "/api/sources/{id}/keys",
                    ctx -> json(
                            ctx, org.veritally.server.read.ReadSourceKeys.of(instance.state(), ctx.pathParam("id"))));
            var writes = new WriteRoutes(instance, new Authenticator(token, instance.accounts()));
            cfg.routes.post("/api/sheets", writes::postSheet);
            cfg.routes.post("/api/announcements", writes::postAnnouncement);
            cfg.routes.post("/api/keys", writes::postKey);
            cfg.routes.post("/api/keys/revoke", writes::postRevocation);
            var audits = new AuditRoutes(instance, new Authenticator(token, instance.accounts()), writes);
            cfg.routes.get("/api/audits", audits::list);
            cfg.routes.get("/api/audits/{id}", audits::one);
            cfg.routes.post("/api/audits", audits::define);
            cfg.routes.post("/api/audits/{id}/seed", audits::seed);
            cfg.routes.post("/api/audits/{id}/counts", audits::count);
            cfg.routes.post("/api/audits/{id}/risk", audits::risk);
            var evidence = new EvidenceRoutes(
                    instance, new Authenticator(token, instance.accounts()), instance.evidenceIntake());
            cfg.jetty.multipartConfig.maxFileSize(RequestGuard.EVIDENCE_MAX_BODY, io.javalin.config.SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(
                    RequestGuard.EVIDENCE_MAX_BODY, io.javalin.config.SizeUnit.BYTES);
            cfg.routes.post(EvidenceRoutes.POST_PATH, evidence::post);
            cfg.routes.get("/api/stations/{id}/evidence", evidence::ofStation);
            cfg.routes.get("/api/evidence/{sha256}/original", evidence::original);
            cfg.routes.get("/evidence/{sha256}", evidence::publicCopy);
            var transcribe = new TranscriptionRoutes(instance, new Authenticator(token, instance.accounts()));
            cfg.routes.post("/api/transcribe/next", transcribe::next);
            cfg.routes.post("/api/transcribe/submit", transcribe::submit);
            cfg.routes.post("/api/transcribe/flag", transcribe::flag);
            cfg.routes.post("/api/transcribe/message/{what}", transcribe::message);
            cfg.routes.post("/api/moderate/settle", transcribe::settle);
            cfg.routes.post("/api/moderate/reject", transcribe::reject);
            cfg.routes.post("/api/moderate/pause", transcribe::pause);
            cfg.routes.post("/api/moderate/lift", transcribe::lift);
            cfg.routes.post("/api/moderate/return", transcribe::returnToQueue);
            cfg.routes.post("/api/photos/report", transcribe::report);
            cfg.routes.post("/api/campaign/gold", transcribe::gold);
            cfg.routes.get("/api/campaign/status", transcribe::status);
            cfg.routes.get("/api/stations/{id}/transcriptions", transcribe::ofStation);
            cfg.routes.get("/api/announcements", ctx -> {
                if (AsOfRoutes.at(ctx).isPresent()) asOf.announcements(ctx);
                else
                    json(
                            ctx,
                            new org.veritally.server.read.ReadAnnouncements(instance.state(), instance.store()).all());
            });
            cfg.routes.get("/api/discrepancies/summary", ctx -> {
                if (AsOfRoutes.at(ctx).isPresent()) asOf.discrepancySummary(ctx);
                else
                    json(
                            ctx,
                            new org.veritally.server.read.ReadDiscrepancies(instance.state(), instance.store())
                                    .summary());
            });
            cfg.routes.get("/api/discrepancies", ctx -> {
                if (AsOfRoutes.at(ctx).isPresent())
                    asOf.discrepancies(ctx, q(ctx, "unit"), q(ctx, "source"), limit(q(ctx, "limit")));
                else
                    json(
                            ctx,
                            new org.veritally.server.read.ReadDiscrepancies(instance.state(), instance.store())
                                    .report(q(ctx, "unit"), q(ctx, "source"), limit(q(ctx, "limit"))));
            });
            for (Routes r : extra) r.register(cfg.routes);
            cfg.routes.exception(RequestRefused.class, (e, ctx) -> {
                e.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Long.toString(s)));
                problem(ctx, e.status(), ProblemJson.rule(e.status(), e.rule(), e.getMessage()));
            });
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (e.getStatus() == 413) {
                    RequestGuard.discardBody(ctx);
                    problem(
                            ctx,
                            413,
                            ProblemJson.rule(
                                    413,
                                    ServerRule.SRV_SIZE,
                                    "the request body exceeds " + opsConfig.maxBodyBytes() + " bytes"));
                } else if (e.getStatus() == 404) {
                    problem(ctx, 404, ProblemJson.rule(404, ReadRule.RD_PATH, "no such resource: " + ctx.path()));
                } else
                    problem(
                            ctx,
                            e.getStatus(),
                            new ProblemJson("about:blank", e.getMessage(), e.getStatus(), e.getMessage(), List.of()));
            });
            cfg.routes.exception(
                    BadParameter.class, (e, ctx) -> problem(ctx, 400, ProblemJson.rule(400, e.rule, e.getMessage())));
            cfg.routes.exception(
                    UsageProblem.class, (e, ctx) -> problem(ctx, 404, ProblemJson.rule(404, e.rule(), e.getMessage())));
            cfg.routes.exception(org.veritally.server.intake.GroupCommit.Busy.class, (e, ctx) -> {
                ctx.header("Retry-After", "1");
                problem(ctx, 503, ProblemJson.rule(503, ServerRule.SRV_BUSY, "the sequencer is busy; retry shortly"));
            });
            cfg.routes.exception(StoreException.class, (e, ctx) -> {
                if (storageFull(ops, ctx, e)) return;
                ctx.header("Retry-After", "5");
                problem(
                        ctx,
                        503,
                        ProblemJson.rule(503, ServerRule.SRV_STORE, "the database is unavailable; try again shortly"));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                var cutOff = org.veritally.server.ops.CutOffBody.status(e);
                if (cutOff.isPresent()) { // the client's bytes, not a bug: the request log line is the one line
                    problem(
                            ctx,
                            cutOff.getAsInt(),
                            ProblemJson.rule(
                                    cutOff.getAsInt(),
                                    ServerRule.SRV_BODY,
                                    "the request body was cut off before its declared length, or is malformed"));
                    return;
                }
                if (storageFull(ops, ctx, e)) return;
                ops.internalError(ctx, e);
                problem(ctx, 500, ProblemJson.rule(500, ServerRule.SRV_INTERNAL, "internal error"));
            });
            cfg.routes.error(404, "*", ctx -> {
                if (ctx.result() == null)
                    problem(ctx, 404, ProblemJson.rule(404, ReadRule.RD_PATH, "no such resource: " + ctx.path()));
            });
        });
    }

    /** Seconds a client is asked to wait after {@code STORE-FULL}: freeing space takes an operator. */
    static final long FULL_RETRY_AFTER = 30;

    /**
     * {@code STORE-FULL}: 507 Insufficient Storage (RFC 4918 §11.5), not 503, because it lasts until
     * an operator frees space, and not 500, because nothing is broken: the transaction was rolled
     * back whole, so a repeat once there is room is safe (a sheet already in the log is idempotent).
     * The client is told no path; the operator's log line names the database.
     */
    private static boolean storageFull(Operations ops, Context ctx, Exception e) {
        var full = DiskFull.find(e);
        if (full.isEmpty()) return false;
        ops.storageFull(ctx, full.get());
        ctx.header("Retry-After", Long.toString(FULL_RETRY_AFTER));
        problem(
                ctx,
                507,
                ProblemJson.rule(
                        507,
                        DiskFull.RULE,
                        "the server's storage is full: nothing of this request was recorded;"
                                + " repeat it once the operator has freed space"));
        return true;
    }

    /**
     * Loads and initialises the web stack's classes (Javalin, Jetty, Jackson) by building a server that is never
     * started: {@code serve} runs it on a second core while the main thread opens the state, since on a quiet
     * machine building and starting the server took about 0.9 s after the open (issue 15, docs/performance.md
     * "Start-up from a snapshot"). Binds no port and serves nothing; a failure here is left to the real server
     * to meet and report. Thread-safe.
     */
    public static void warmUp() {
        try {
            Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.startup.startupWatcherEnabled = false; // it is never started on purpose: no warning
                cfg.jetty.modifyServletContextHandler(h -> {});
                cfg.routes.get("/", ctx -> json(ctx, Map.of("warm", List.of(1L))));
            });
            Json.bytes(Map.of("warm", List.of(1L)));
        } catch (RuntimeException | LinkageError e) {
            // the server built afterwards meets the same problem and reports it; a class that failed to initialise
            // here is reported there only as "could not initialize class", so the cause is kept in the log
            org.slf4j.LoggerFactory.getLogger("veritally.startup").warn("warming the web server's classes failed", e);
        }
    }

    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    static void json(Context ctx, Object body) {
        ctx.contentType("application/json").result(Json.bytes(body));
    }

    static void problem(Context ctx, int status, ProblemJson p) {
        ctx.status(status).contentType("application/problem+json").result(Json.bytes(p));
    }

    /** A list limit from the query string: 1–1,000,000, default 1,000; anything else is a 400 RD-PARAM. */
    static int limit(Optional<String> s) {
        if (s.isEmpty()) return 1000;
        try {
            int n = Integer.parseInt(s.get());
            if (n >= 0 && n <= 1_000_000) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter(
                ReadRule.RD_PARAM, "limit must be a whole number from 0 to 1000000, not '" + s.get() + "'");
    }

    /** A malformed query parameter: HTTP 400 with its rule ID. */
    static final class BadParameter extends RuntimeException {
        final RuleId rule;

        BadParameter(RuleId rule, String message) {
            super(message);
            this.rule = rule;
        }
    }

    private static Optional<String> q(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isEmpty());
    }

    /** One current copy as {@code /api/stations/{id}} lists it. */
    static java.util.Map<String, Object> sheet(Election e, org.veritally.store.StoredSheet s) {
        Contest c = e.contest(s.contest()).orElseThrow();
        var votes = new LinkedHashMap<String, Long>();
        long[] v = s.votes();
        for (int i = 0; i < c.choices().size(); i++)
            votes.put(c.choices().get(i).id(), v[i]);
        var m = new LinkedHashMap<String, Object>();
        m.put("contest", s.contest());
        m.put("source", s.source());
        m.put("logIndex", s.entryIdx());
        m.put("counts", s.counts());
        m.put("votes", votes);
        return m;
    }

    private void election(Context ctx) {
        var st = instance.state();
        Election e =
                st.election().orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet"));
        var m = new LinkedHashMap<String, Object>();
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("root", e.rootUnitId());
        m.put("levels", e.levels());
        m.put("contests", e.contests());
        m.put("sources", st.tabulation().sources());
        m.put("stations", st.catalogue().stationCount());
        m.put("units", st.catalogue().unitCount());
        m.put("logSize", st.logSize());
        json(ctx, m);
    }

    private void results(Context ctx) {
        if (AsOfRoutes.at(ctx).isPresent()) {
            asOf.results(ctx, q(ctx, "unit"), q(ctx, "contest"), q(ctx, "view").orElse("official"));
            return;
        }
        json(
                ctx,
                instance.results()
                        .result(
                                q(ctx, "unit"),
                                q(ctx, "contest"),
                                q(ctx, "view").orElse("official")));
    }

    private void unit(Context ctx) {
        Optional<String> id = Optional.of(ctx.pathParam("id"));
        String view = q(ctx, "view").orElse("official");
        if (AsOfRoutes.at(ctx).isPresent()) {
            asOf.unit(ctx, id.get(), q(ctx, "contest"), view);
            return;
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("result", instance.results().result(id, q(ctx, "contest"), view));
        m.put("children", instance.results().children(id, q(ctx, "contest"), view));
        var cat = instance.state().catalogue();
        List<String> stations = new ArrayList<>();
        for (int s : cat.stationsOf(cat.unitIndex(id.get())))
            stations.add(cat.station(s).id());
        m.put("stations", stations);
        json(ctx, m);
    }

    private void station(Context ctx) {
        String id = ctx.pathParam("id");
        if (AsOfRoutes.at(ctx).isPresent()) {
            asOf.station(ctx, id);
            return;
        }
        var st = instance.state();
        var station = st.catalogue()
                .station(id)
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_STATION, "unknown station '" + id + "'"));
        Election e = st.requireElection();
        var sheets = new ArrayList<Object>();
        for (var s : instance.store().sheetsOfStation(id)) sheets.add(sheet(e, s));
        var m = new LinkedHashMap<String, Object>();
        m.put("station", station);
        m.put("sheets", sheets);
        json(ctx, m);
    }
}
