package org.veritally.server.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.audit.AuditDefinition;
import org.veritally.core.audit.AuditMethod;
import org.veritally.core.audit.HandCount;
import org.veritally.core.audit.SeedReveal;
import org.veritally.core.entry.AuditEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.ReadRule;
import org.veritally.core.validation.Rule;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.intake.RecordAudit;
import org.veritally.server.read.UsageProblem;

/**
 * The risk-limiting audit endpoints (issue 19, docs/api.md): {@code GET /api/audits} and {@code GET
 * /api/audits/{id}} (public: definition, seed, rounds with their risk, the stations still to count); {@code POST
 * /api/audits} (define) and {@code POST /api/audits/{id}/seed} (reveal), {@link Action#DEFINE_AUDIT}; {@code POST
 * /api/audits/{id}/counts} (an audit board's hand count), {@link Action#RECORD_HAND_COUNT}; {@code POST
 * /api/audits/{id}/risk} (measure the round now), {@link Action#DEFINE_AUDIT}. The rulebook checks each entry
 * (AUD-*); a round's risk is computed by the server, never submitted.
 */
final class AuditRoutes {
    private final Instance instance;
    private final Authenticator auth;
    private final WriteRoutes writes;

    AuditRoutes(Instance instance, Authenticator auth, WriteRoutes writes) {
        this.instance = instance;
        this.auth = auth;
        this.writes = writes;
    }

    private RecordAudit audits() {
        return instance.auditRecorder();
    }

    void list(Context ctx) {
        ApiServer.json(ctx, audits().statuses());
    }

    void one(Context ctx) {
        String id = ctx.pathParam("id");
        ApiServer.json(
                ctx,
                audits().status(id)
                        .orElseThrow(() -> new UsageProblem(ReadRule.RD_PATH, "no audit '" + id + "' is defined")));
    }

    void define(Context ctx) {
        writes.postEntry(ctx, Action.DEFINE_AUDIT, "audit rejected", (f, problems) -> {
            String id = f.str("id");
            String contest = f.str("contest");
            String view = f.has("view") ? f.str("view") : "official";
            String alpha = f.str("riskLimit");
            String method = f.str("method");
            long rounds = f.optCount("maxRounds", 3);
            String commitment = f.str("seedCommitment");
            java.util.List<String> strata = new java.util.ArrayList<>();
            if (f.has("strata")) {
                for (Object u : f.list("strata")) {
                    if (u instanceof String unit) strata.add(unit);
                    else problems.add(new Problem(Rule.IN_FIELD, "$.strata", "a list of unit ids"));
                }
            }
            f.end();
            Optional<AuditMethod> m = AuditMethod.ofWire(method);
            if (m.isEmpty()) problems.add(new Problem(Rule.IN_FIELD, "$.method", "neither macro nor bravo"));
            if (!problems.isEmpty()) return Optional.empty();
            return Optional.<Entry>of(new AuditEntry(new AuditDefinition(
                    id, contest, view, alpha, m.get(), (int) Math.min(rounds, 1000), commitment, now(), strata)));
        });
    }

    void seed(Context ctx) {
        String id = ctx.pathParam("id");
        writes.postEntry(ctx, Action.DEFINE_AUDIT, "seed rejected", (f, problems) -> {
            String seed = f.str("seed");
            f.end();
            if (!problems.isEmpty()) return Optional.empty();
            return Optional.<Entry>of(new AuditEntry(new SeedReveal(id, seed, now())));
        });
    }

    void count(Context ctx) {
        String id = ctx.pathParam("id");
        writes.postEntry(
                ctx, Action.RECORD_HAND_COUNT, a -> board(ctx, a, id), "hand count rejected", (f, problems) -> {
                    String station = f.str("station");
                    String board = f.str("board");
                    long round = f.has("round")
                            ? f.count("round")
                            : audits().status(id)
                                    .flatMap(s -> s.current())
                                    .map(c -> (long) c.round())
                                    .orElse(1L);
                    Map<String, Long> counts = org.veritally.formats.entry.AuditJson.counts(f);
                    Map<Long, String> ballots = org.veritally.formats.entry.AuditJson.ballots(f, problems);
                    f.end();
                    if (!problems.isEmpty()) return Optional.empty();
                    return Optional.<Entry>of(new AuditEntry(
                            new HandCount(id, (int) Math.min(round, 1000), station, counts, ballots, board, now())));
                });
    }

    void risk(Context ctx) {
        Optional<Account> acc = WriteRoutes.authorize(auth, ctx, Action.DEFINE_AUDIT);
        if (acc.isEmpty()) return;
        String id = ctx.pathParam("id");
        var status = audits().status(id)
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_PATH, "no audit '" + id + "' is defined"));
        if (!status.state().equals("counting")) {
            ApiServer.problem(
                    ctx,
                    409,
                    new ProblemJson(
                            "about:blank",
                            "no round to measure",
                            409,
                            "audit '" + id + "' is " + status.state(),
                            java.util.List.of()));
            return;
        }
        var r = audits().measure(id, acc.get().id(), "request").orElseThrow();
        if (!r.problems().isEmpty()) {
            ApiServer.problem(
                    ctx, 422, ProblemJson.of(422, "risk rejected", r.problems().size() + " problem(s)", r.problems()));
            return;
        }
        ctx.status(201);
        ApiServer.json(ctx, audits().status(id).orElseThrow());
    }

    /**
     * AUD-BOARD: whether account {@code a} may record hand counts for audit {@code audit} (an administrator, or an
     * auditor bound to it); otherwise answers 403 naming the rule and returns false.
     */
    private static boolean board(Context ctx, Account a, String audit) {
        if (a.mayCount(audit)) return true;
        ApiServer.problem(
                ctx,
                403,
                ProblemJson.rule(
                        403,
                        org.veritally.server.auth.AuthRule.AUD_BOARD,
                        a.audit().isEmpty()
                                ? "auditor '" + a.id() + "' is bound to no audit"
                                : "auditor '" + a.id() + "' is bound to audit '"
                                        + a.audit().get() + "', not '" + audit + "'"));
        return false;
    }

    private String now() {
        return audits().now();
    }
}
