package org.veritally.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.validation.ReadRule;
import org.veritally.formats.replay.ResultsJson;
import org.veritally.server.Instance;
import org.veritally.server.asof.AsOf;
import org.veritally.server.asof.StatesAsOf;
import org.veritally.server.read.UsageProblem;

/**
 * The API's answers as of an earlier log size (issue 18, docs/api.md "As of a checkpoint"): {@code
 * ?at=N} on {@code /api/results} and {@code /api/units/{id}}, {@code /api/asof?at=N} (the checkpoint an
 * answer rests on), {@code /api/results/file?at=N} (the canonical results file of that size, which
 * {@code verify --results} checks), {@code /api/discrepancies?at=N}, {@code /api/discrepancies/summary?at=N},
 * {@code /api/announcements?at=N} and {@code /api/diff?from=N&to=M}. Every answer carries an {@code
 * asOf} object naming the size, the root and the signed checkpoint. Thread-safe.
 */
final class AsOfRoutes {
    private final Instance instance;

    AsOfRoutes(Instance instance) {
        this.instance = instance;
    }

    /** The {@code at} parameter, when the request has one. */
    static Optional<Long> at(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("at"))
                .filter(s -> !s.isEmpty())
                .map(s -> StatesAsOf.parse("at", s));
    }

    private AsOf require(Context ctx) {
        return instance.asOf()
                .at(at(ctx).orElseThrow(() -> new UsageProblem(ReadRule.RD_AT, "the at parameter is required")));
    }

    /** What every as-of answer says about where it stands. */
    static Map<String, Object> describe(AsOf a, long latest) {
        return AsOfJson.describe(a, latest);
    }

    void asOf(Context ctx) {
        ApiServer.json(ctx, describe(require(ctx), instance.store().logSize()));
    }

    void results(Context ctx, Optional<String> unit, Optional<String> contest, String view) {
        AsOf a = require(ctx);
        var m = new LinkedHashMap<String, Object>();
        m.put("asOf", describe(a, instance.store().logSize()));
        m.put("result", a.results().result(unit, contest, view));
        ApiServer.json(ctx, m);
    }

    void unit(Context ctx, String id, Optional<String> contest, String view) {
        AsOf a = require(ctx);
        var m = new LinkedHashMap<String, Object>();
        m.put("asOf", describe(a, instance.store().logSize()));
        m.put("result", a.results().result(Optional.of(id), contest, view));
        m.put("children", a.results().children(Optional.of(id), contest, view));
        var cat = a.state().catalogue();
        List<String> stations = new ArrayList<>();
        for (int s : cat.stationsOf(cat.unitIndex(id)))
            stations.add(cat.station(s).id());
        m.put("stations", stations);
        ApiServer.json(ctx, m);
    }

    /** The reconciliation summary (agreed, disputed, single, missing) as the replayed state of size N counts it. */
    void discrepancySummary(Context ctx) {
        AsOf a = require(ctx);
        var m = new LinkedHashMap<String, Object>();
        m.put("asOf", describe(a, instance.store().logSize()));
        m.put("summary", new org.veritally.server.read.ReadDiscrepancies(a.state(), instance.store()).summary());
        ApiServer.json(ctx, m);
    }

    /** The disputed stations (and the summary) as the replayed state of size N holds them, copies from the log. */
    void discrepancies(Context ctx, Optional<String> unit, Optional<String> source, int limit) {
        AsOf a = require(ctx);
        var read = new org.veritally.server.read.ReadDiscrepancies(
                a.state(), new org.veritally.server.read.LogCopies(a.state(), instance.store()));
        ApiServer.json(ctx, AsOfJson.answer(a, instance.store().logSize(), "report", read.report(unit, source, limit)));
    }

    /**
     * The announcements entered before size N, each judged against the copies current at N (an announcement
     * entered later is not there: it had not been made).
     */
    void announcements(Context ctx) {
        AsOf a = require(ctx);
        var read = new org.veritally.server.read.ReadAnnouncements(
                a.state(), new org.veritally.server.read.LogCopies(a.state(), instance.store()));
        ApiServer.json(ctx, AsOfJson.answer(a, instance.store().logSize(), "announcements", read.all()));
    }

    /** A station's current copies at size N, read back from the log by the indices the replayed state holds. */
    void station(Context ctx, String id) {
        AsOf a = require(ctx);
        var st = a.state();
        var station = st.catalogue()
                .station(id)
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_STATION, "unknown station '" + id + "' at that size"));
        var e = st.requireElection();
        var sheets = new ArrayList<Object>();
        for (var s : new org.veritally.server.read.LogCopies(st, instance.store()).ofStation(id))
            sheets.add(ApiServer.sheet(e, s));
        var m = new LinkedHashMap<String, Object>();
        m.put("station", station);
        m.put("sheets", sheets);
        ApiServer.json(ctx, AsOfJson.answer(a, instance.store().logSize(), "station", m));
    }

    /** The canonical results file of one contest × view at size N (docs/log-format.md §7), byte for byte. */
    void file(Context ctx) {
        AsOf a = require(ctx);
        var st = a.state();
        var e = st.election()
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_ELECTION, "no election is defined at that size"));
        String contest = Optional.ofNullable(ctx.queryParam("contest"))
                .orElse(e.contests().get(0).id());
        String view = Optional.ofNullable(ctx.queryParam("view")).orElse("consensus");
        String path = path(contest, view);
        for (var f : ResultsJson.all(e, st.catalogue(), st.tabulation(), a.size()))
            if (f.path().equals(path)) {
                ctx.contentType("application/json").result(f.bytes());
                return;
            }
        throw new UsageProblem(ReadRule.RD_VIEW, "no results file " + path + " at size " + a.size());
    }

    /** The path of a view's results file under the publication root. */
    static String path(String contest, String view) {
        String file = view.startsWith("source:") ? "source/" + view.substring(7) : view;
        return "results/" + contest + "/" + file + ".json";
    }

    void diff(Context ctx) {
        long from = StatesAsOf.parse("from", required(ctx, "from"));
        long to = StatesAsOf.parse("to", required(ctx, "to"));
        int limit = ApiServer.limit(Optional.ofNullable(ctx.queryParam("limit")).filter(s -> !s.isEmpty()));
        var d = instance.diff().diff(from, to, Optional.ofNullable(ctx.queryParam("view")), limit);
        var m = new LinkedHashMap<String, Object>();
        long latest = instance.store().logSize();
        m.put("fromAsOf", describe(instance.asOf().at(from), latest));
        m.put("toAsOf", describe(instance.asOf().at(to), latest));
        m.put("diff", d);
        ApiServer.json(ctx, m);
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) throw new UsageProblem(ReadRule.RD_AT, "the " + name + " parameter is required");
        return v;
    }
}
