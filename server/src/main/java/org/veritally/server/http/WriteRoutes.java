package org.veritally.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.ReadRule;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.entry.AnnouncementJson;
import org.veritally.formats.entry.SheetJson;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.auth.AuthRule;
import org.veritally.server.auth.Authorization;
import org.veritally.server.auth.Role;
import org.veritally.server.intake.GroupCommit;
import org.veritally.server.intake.Outcome;
import org.veritally.server.log.LogView;
import org.veritally.server.ops.ServerRule;
import org.veritally.server.read.UsageProblem;
import org.veritally.translog.Parsed;
import org.veritally.translog.VerifierKey;

/**
 * The write endpoints: {@code POST /api/sheets}, {@code POST /api/announcements}, {@code POST
 * /api/keys} and {@code POST /api/keys/revoke}. Each checks the token (401 AUTH-TOKEN), the role ×
 * action matrix (403 AUTH-ROLE), that a non-administrator submits only as its own source and signs
 * as itself (422 TS-SOURCE); the signature itself is the rulebook's to check (422 AUTH-SIG), on the
 * sequencer. What needs no log (parsing, the JSON's shape, the token, the account) is checked here,
 * on whichever instance received the request; the rest by the use case, on the sequencer ({@link
 * Instance#submitEntry}; sheets through group commit). Every write is answered only after its transaction committed.
 */
final class WriteRoutes {
    private final Instance instance;
    private final Authenticator auth;

    WriteRoutes(Instance instance, Authenticator auth) {
        this.instance = instance;
        this.auth = auth;
    }

    private Optional<Account> account(Context ctx, Action action) {
        return authorize(auth, ctx, action).filter(a -> bound(instance, ctx, a));
    }

    /**
     * AUTH-KIND at submission: whether account {@code a}'s role fits its source's kind (an account
     * created before its source was declared is checked here); otherwise answers 403 and returns false.
     */
    static boolean bound(Instance instance, Context ctx, Account a) {
        var kind = a.role() == Role.ADMIN || a.role() == Role.AUDITOR // an auditor is bound to an audit
                ? Optional.<org.veritally.core.model.SourceKind>empty()
                : instance.sourceKind(a.source());
        if (kind.isEmpty() || Authorization.binds(a.role(), kind.get())) return true;
        ApiServer.problem(
                ctx,
                403,
                ProblemJson.rule(
                        403,
                        AuthRule.AUTH_KIND,
                        "a " + a.role().wire() + " account may not submit as '" + a.source() + "', a "
                                + kind.get().wire() + " source"));
        return false;
    }

    /**
     * The account of the request's bearer token if its role may do {@code action}; otherwise answers 401
     * AUTH-TOKEN (with {@code WWW-Authenticate}) or 403 AUTH-ROLE and returns empty.
     */
    static Optional<Account> authorize(Authenticator auth, Context ctx, Action action) {
        return authorize(
                auth,
                ctx,
                role -> Authorization.allows(role, action),
                action.name().toLowerCase());
    }

    /** As above, for any test of the role; {@code what} names the action in the 403's message. */
    static Optional<Account> authorize(
            Authenticator auth, Context ctx, java.util.function.Predicate<Role> allowed, String what) {
        Optional<Account> a = auth.authenticate(ctx.header("Authorization"));
        if (a.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            ApiServer.problem(
                    ctx, 401, ProblemJson.rule(401, AuthRule.AUTH_TOKEN, "a valid bearer token is required to submit"));
            return Optional.empty();
        }
        if (!allowed.test(a.get().role())) {
            ApiServer.problem(
                    ctx,
                    403,
                    ProblemJson.rule(
                            403, AuthRule.AUTH_ROLE, "role " + a.get().role().wire() + " may not " + what));
            return Optional.empty();
        }
        return a;
    }

    private Optional<Object> body(Context ctx, List<Problem> problems) {
        try {
            return Optional.of(JsonTree.parse(ctx.bodyAsBytes()));
        } catch (JsonTree.JsonError e) {
            problems.add(new Problem(e.countError() ? Rule.IN_COUNT : Rule.IN_SYNTAX, e.path(), e.getMessage()));
            return Optional.empty();
        }
    }

    void postSheet(Context ctx) {
        Optional<Account> acc = account(ctx, Action.SUBMIT_SHEET);
        if (acc.isEmpty()) return;
        Account a = acc.get();
        if (instance.state().election().isEmpty())
            throw new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet");
        List<Problem> problems = new ArrayList<>();
        var json = new SheetJson(instance.state().requireElection());
        Optional<String> own = a.role() == Role.ADMIN ? Optional.empty() : Optional.of(a.source());
        Optional<SheetEntry> entry =
                body(ctx, problems).flatMap(t -> json.decodeSigned(new Fields(t, "$", problems), true, own, problems));
        Optional<SheetSignature> signature = Optional.empty();
        if (entry.isPresent()) {
            var e = entry.get();
            if (e.signature().isPresent()
                    && !e.signature().get().signer().isEmpty()
                    && !e.signature().get().signer().equals(a.id())) {
                problems.add(new Problem(
                        Rule.TS_SOURCE, "$.signer", "the signer must be the submitting account '" + a.id() + "'"));
            } else if (e.signature().isPresent()) {
                // whether it verifies, and whether an unsigned sheet may stand, is the rulebook's (AUTH-SIG)
                signature = Optional.of(
                        new SheetSignature(a.id(), e.signature().get().signature()));
            }
        }
        if (!problems.isEmpty()) {
            ApiServer.problem(
                    ctx, 422, ProblemJson.of(422, "sheet rejected", problems.size() + " problem(s)", problems));
            return;
        }
        Outcome o;
        try {
            o = instance.groupCommit()
                    .submit(entry.get().sheet(), signature, a.id())
                    .get(30, TimeUnit.SECONDS);
        } catch (GroupCommit.Busy | TimeoutException busy) {
            ctx.header("Retry-After", "1");
            ApiServer.problem(
                    ctx, 503, ProblemJson.rule(503, ServerRule.SRV_BUSY, "the sequencer is busy; retry shortly"));
            return;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!o.rejected().isEmpty()) {
            int status = o.rejected().stream().anyMatch(p -> p.rule() == Rule.TS_CONFLICT) ? 409 : 422;
            ApiServer.problem(
                    ctx,
                    status,
                    ProblemJson.of(status, "sheet rejected", o.rejected().size() + " problem(s)", o.rejected()));
            return;
        }
        var acc0 = o.accepted().get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", acc0.index());
        m.put("leafHash", java.util.HexFormat.of().formatHex(acc0.leafHash()));
        m.put("idempotent", acc0.idempotent());
        m.put(
                "flags",
                acc0.flags().stream()
                        .map(p -> Map.of("rule", p.rule().id(), "message", p.message()))
                        .toList());
        m.put("logSize", o.logSize());
        receipt(m, acc0, instance);
        ctx.status(acc0.idempotent() ? 200 : 201);
        ApiServer.json(ctx, m);
    }

    /**
     * Puts the receipt of an accepted entry in an answer ({@code checkpointSize}, {@code receipt}): for a new
     * entry the one the sequencer built against its batch's checkpoint, for a repeat one against the latest.
     */
    static void receipt(Map<String, Object> m, org.veritally.server.intake.Accepted a, Instance instance) {
        if (a.receipt().isPresent()) { // a new entry: the sequencer built its receipt against the batch's checkpoint
            m.put("checkpointSize", receiptSize(a.receipt().get()));
            m.put("receipt", a.receipt().get());
        } else {
            var log = new LogView(instance.store());
            log.latest().ifPresent(cp -> {
                m.put("checkpointSize", cp.size());
                m.put("receipt", log.receipt(a.index(), cp));
            });
        }
    }

    /**
     * The tree size of a receipt's checkpoint (its note's second line): that of the batch the entry
     * was committed in, which on a follower may be smaller than the answer's log size when the
     * sequencer integrated the follower's queued requests in more than one batch.
     */
    static long receiptSize(String receipt) {
        if (org.veritally.translog.TlogProof.parse(receipt)
                instanceof org.veritally.translog.Parsed.Ok<org.veritally.translog.TlogProof> ok) {
            String note = ok.value().checkpointNote();
            int a = note.indexOf('\n');
            int b = note.indexOf('\n', a + 1);
            if (a > 0 && b > a) return Long.parseLong(note.substring(a + 1, b));
        }
        throw new IllegalStateException("the sequencer's receipt does not parse");
    }

    void postAnnouncement(Context ctx) {
        postEntry(ctx, Action.RECORD_ANNOUNCEMENT, "announcement rejected", (f, problems) -> {
            var a = AnnouncementJson.read(f, true, problems);
            f.end();
            return a.<Entry>map(AnnouncementEntry::new);
        });
    }

    /**
     * {@code POST /api/keys} {account, key, endorser?, endorsement?}: registers an account's verifier key
     * (administrators only). While the account's source has a live key, the new key must carry an
     * endorsement by one of them (KEY-ROTATE; {@code veritally keys endorse} makes it), so the operator
     * cannot swap a witness's key.
     */
    void postKey(Context ctx) {
        postEntry(ctx, Action.REGISTER_KEY, "key rejected", (f, problems) -> {
            String id = f.str("account");
            String key = f.str("key");
            Optional<SheetSignature> endorsement = Optional.empty();
            if (f.has("endorser") || f.has("endorsement")) {
                String endorser = f.str("endorser");
                String b64 = f.str("endorsement");
                try {
                    endorsement = Optional.of(new SheetSignature(
                            endorser, java.util.Base64.getDecoder().decode(b64)));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(Rule.IN_FIELD, "$.endorsement", "not base64"));
                }
            }
            f.end();
            if (!problems.isEmpty()) return Optional.empty();
            var vk = VerifierKey.parse(key) instanceof Parsed.Ok<VerifierKey> ok
                    ? Optional.of(ok.value())
                    : Optional.<VerifierKey>empty();
            if (vk.isEmpty())
                problems.add(new Problem(Rule.IN_FIELD, "$.key", "not a C2SP verifier key (name+keyid+base64)"));
            var target = instance.accounts().find(id);
            if (target.isEmpty()) problems.add(new Problem(Rule.KEY_ACCOUNT, "$.account", "no account '" + id + "'"));
            if (!problems.isEmpty()) return Optional.empty();
            return Optional.of(new KeyEntry(
                    target.get().id(), target.get().keySource(), vk.get().encode(), Optional.empty(), endorsement));
        });
    }

    /**
     * {@code POST /api/keys/revoke} {account, reason}: revokes an account's live key, in public (a
     * {@code revocation} entry; administrators only). The server stamps the time; an unendorsed new key
     * of the source counts only after the election's cooling-off period (KEY-COOL).
     */
    void postRevocation(Context ctx) {
        postEntry(ctx, Action.REGISTER_KEY, "revocation rejected", (f, problems) -> {
            String id = f.str("account");
            String reason = f.str("reason");
            f.end();
            if (!problems.isEmpty()) return Optional.empty();
            var target = instance.accounts().find(id);
            if (target.isEmpty()) {
                problems.add(new Problem(Rule.KEY_ACCOUNT, "$.account", "no account '" + id + "'"));
                return Optional.empty();
            }
            return Optional.of(new org.veritally.core.entry.RevocationEntry(
                    target.get().id(), target.get().keySource(), "", reason));
        });
    }

    /**
     * One announcement or key: the checks that need no log here ({@code read} gives the entry, or
     * adds its problems), the rest on the sequencer ({@link Instance#submitEntry}). Answers 201 new,
     * 200 already in the log, 422 with every problem.
     */
    void postEntry(
            Context ctx, Action action, String rejected, BiFunction<Fields, List<Problem>, Optional<Entry>> read) {
        postEntry(ctx, action, a -> true, rejected, read);
    }

    /**
     * As above, for an account that {@code allowed} also accepts; {@code allowed} answers the refusal itself (as
     * AUD-BOARD's 403 for an auditor not bound to the audit).
     */
    void postEntry(
            Context ctx,
            Action action,
            java.util.function.Predicate<Account> allowed,
            String rejected,
            BiFunction<Fields, List<Problem>, Optional<Entry>> read) {
        Optional<Account> acc = account(ctx, action).filter(allowed);
        if (acc.isEmpty()) return;
        if (instance.state().election().isEmpty())
            throw new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet");
        List<Problem> problems = new ArrayList<>();
        Optional<Entry> entry = body(ctx, problems).flatMap(t -> {
            Optional<Entry> e = read.apply(new Fields(t, "$", problems), problems);
            return problems.isEmpty() ? e : Optional.empty();
        });
        if (entry.isEmpty()) {
            ApiServer.problem(ctx, 422, ProblemJson.of(422, rejected, problems.size() + " problem(s)", problems));
            return;
        }
        Outcome o = instance.submitEntry(entry.get(), acc.get().id(), "request");
        if (!o.rejected().isEmpty()) {
            ApiServer.problem(
                    ctx, 422, ProblemJson.of(422, rejected, o.rejected().size() + " problem(s)", o.rejected()));
            return;
        }
        var a = o.accepted().get(0);
        ctx.status(a.idempotent() ? 200 : 201);
        ApiServer.json(ctx, Map.of("index", a.index(), "idempotent", a.idempotent()));
    }
}
