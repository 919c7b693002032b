package org.veritally.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.entry.TranscriptionWork;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.transcribe.ReportReason;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.ReadRule;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.transcribe.FiguresBody;
import org.veritally.server.transcribe.Submitted;
import org.veritally.server.transcribe.Task;
import org.veritally.server.transcribe.WorkEntries;

/**
 * The transcription endpoints (docs/api.md, "Transcription"; docs/transcription.md):
 *
 * <ul>
 *   <li>{@code POST /api/transcribe/next} (TRANSCRIBE): 200 with a leased task (the photo, its station,
 *       contest, source, public image and the contest's choices, and the contests it may be typed as: never
 *       anyone's figures), 204 when there is none, 429 SRV-RATE over the quota, 403 TR-PAUSED;
 *   <li>{@code POST /api/transcribe/submit} (TRANSCRIBE): the figures, as a sheet in the API form with
 *       {@code evidence} (the photo) and {@code confirmed} (rule IDs); 201 with the index, flags, leaf hash
 *       and receipt (as a sheet's), once the entry is durably in the log (group commit), 200 for an answer
 *       that is scored and not written, 422 with every problem, 503 SRV-BUSY when the sequencer's queue is
 *       full;
 *   <li>{@code POST /api/transcribe/flag} (TRANSCRIBE): {@code {photo, station, source, reason}};
 *   <li>each piece of work (submit, flag, report, settle, reject, return) takes an optional {@code signature},
 *       the account's over the entry without it (TR-SIGN; required once the account has a key); {@code POST
 *       /api/transcribe/message/{what}} answers the bytes to sign;
 *   <li>{@code POST /api/moderate/settle}, {@code /reject}, {@code /pause} (MODERATE);
 *   <li>{@code POST /api/moderate/return} (MODERATE): {@code {photo, station, source, text?}}, a reported photo
 *       back to the queue (TR-RETURN); {@code POST /api/moderate/lift} (MODERATE): {@code {account, reason}}
 *       lifts a pause (TR-LIFT);
 *   <li>{@code POST /api/photos/report} (REPORT_PHOTO: every account): {@code {photo, station, source, reason,
 *       text?}}; a second report by the same account is folded (the first one's index, nothing written);
 *   <li>{@code POST /api/campaign/gold} (CONFIGURE_CAMPAIGN): the gold photos and rates ({@code GoldSet});
 *       204, the figures are never served back;
 *   <li>{@code GET /api/campaign/status}: progress and the reported photos, folded, open to all.
 * </ul>
 */
final class TranscriptionRoutes {
    private final Instance instance;
    private final Authenticator auth;

    TranscriptionRoutes(Instance instance, Authenticator auth) {
        this.instance = instance;
        this.auth = auth;
    }

    private Optional<Account> account(Context ctx, Action action) {
        return WriteRoutes.authorize(auth, ctx, action);
    }

    void next(Context ctx) {
        Optional<Account> a = account(ctx, Action.TRANSCRIBE);
        if (a.isEmpty()) return;
        var n = instance.transcription().next(a.get().id());
        if (!n.problems().isEmpty()) {
            int status = n.problems().get(0).rule().id().equals("SRV-RATE") ? 429 : 403;
            if (status == 429) ctx.header("Retry-After", "60");
            ApiServer.problem(ctx, status, ProblemJson.of(status, "no task", "", n.problems()));
            return;
        }
        if (n.task().isEmpty()) {
            ctx.status(204);
            return;
        }
        ApiServer.json(ctx, task(n.task().get()));
    }

    /**
     * A task as the API shows it: {@code contest} and its {@code choices}, and {@code contests}, every contest the
     * photo may be typed as with its choices: one where the filing named it, every contest of the election where
     * the volunteer chooses ({@code contest} is then empty; docs/transcription.md#a-photo-filed-with-no-contest).
     */
    private Map<String, Object> task(Task t) {
        var el = instance.state().requireElection();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("photo", t.photo().sha256());
        m.put("station", t.photo().stationId());
        m.put("source", t.photo().sourceId());
        m.put("contest", t.contestId());
        m.put("leasedUntil", t.leasedUntil().toString());
        instance.state().evidence(t.photo().sha256()).stream()
                .map(f -> f.entry().evidence())
                .filter(e -> e.stationId().equals(t.photo().stationId()))
                .findFirst()
                .flatMap(e -> e.publicCopy())
                .ifPresent(p -> m.put("image", "/evidence/" + p.sha256()));
        List<Object> contests = new ArrayList<>();
        for (var c : t.contests(el)) {
            List<Object> choices = new ArrayList<>();
            c.choices().forEach(ch -> choices.add(Map.of("id", ch.id(), "name", ch.name())));
            if (c.id().equals(t.contestId())) m.put("choices", choices);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", c.id());
            one.put("name", c.name());
            one.put("choices", choices);
            contests.add(one);
        }
        m.putIfAbsent("choices", List.of());
        m.put("contests", contests);
        return m;
    }

    /**
     * The sheet of an API body with {@code evidence}, {@code confirmed} and {@code signature} (optional), or the
     * problems found.
     */
    private Optional<FiguresBody.Signed> figures(Context ctx, List<String> confirmed, List<Problem> problems) {
        if (instance.state().election().isEmpty())
            throw new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet");
        return FiguresBody.readSigned(instance.state().requireElection(), ctx.bodyAsBytes(), confirmed, problems);
    }

    void submit(Context ctx) {
        Optional<Account> a = account(ctx, Action.TRANSCRIBE);
        if (a.isEmpty()) return;
        List<String> confirmed = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        var s = figures(ctx, confirmed, problems);
        if (s.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        answer(
                ctx,
                instance.transcription()
                        .submit(
                                a.get().id(),
                                s.get().sheet(),
                                confirmed,
                                s.get().signature()));
    }

    void settle(Context ctx) {
        Optional<Account> a = account(ctx, Action.MODERATE);
        if (a.isEmpty()) return;
        List<String> confirmed = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        var s = figures(ctx, confirmed, problems);
        if (s.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        answer(
                ctx,
                instance.transcription()
                        .settle(
                                a.get().id(),
                                s.get().sheet(),
                                confirmed,
                                s.get().signature()));
    }

    /**
     * {@code POST /api/transcribe/message/{what}} ({@code submit}, {@code flag}, {@code report}, {@code settle},
     * {@code reject}, {@code return}; the action's own role): the same body as that endpoint, answered 200 with
     * the exact bytes the account signs for it, the canonical entry without {@code signature}
     * (docs/log-format.md §1.9), as {@code application/json}. Nothing is written. The client signs the answer's
     * body verbatim and sends the base64 signature as {@code signature} with the same body.
     */
    void message(Context ctx) {
        String what = ctx.pathParam("what");
        Action action = switch (what) {
            case "submit", "flag" -> Action.TRANSCRIBE;
            case "report" -> Action.REPORT_PHOTO;
            case "settle", "reject", "return" -> Action.MODERATE;
            default ->
                throw new UsageProblem(
                        ReadRule.RD_PATH, "no such work '" + what + "': submit, flag, report, settle, reject, return");
        };
        Optional<Account> a = account(ctx, action);
        if (a.isEmpty()) return;
        if (instance.state().election().isEmpty())
            throw new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet");
        List<Problem> problems = new ArrayList<>();
        Optional<TranscriptionWork> work = Optional.empty();
        String account = a.get().id();
        if (what.equals("submit") || what.equals("settle")) {
            List<String> confirmed = new ArrayList<>();
            var s = figures(ctx, confirmed, problems);
            if (s.isPresent())
                work = Optional.of(WorkEntries.transcription(
                        account, s.get().sheet(), confirmed, what.equals("settle"), Optional.empty()));
        } else {
            Fields f = fields(ctx, problems);
            PhotoKey key = photoKey(f, problems);
            if (f.has("signature")) f.str("signature"); // the same body as the signed one may be sent
            if (what.equals("flag") || what.equals("reject")) {
                Optional<FlagReason> r = flagReason(f.str("reason"), problems);
                f.end();
                if (problems.isEmpty())
                    work = Optional.of(
                            WorkEntries.flag(account, key, r.get(), what.equals("reject"), Optional.empty()));
            } else {
                boolean returns = what.equals("return");
                Optional<ReportReason> r = reportReason(returns ? "other" : f.str("reason"), problems);
                String text = f.has("text") ? f.str("text") : "";
                f.end();
                if (problems.isEmpty()) {
                    try {
                        work = Optional.of(WorkEntries.report(account, key, r.get(), text, returns, Optional.empty()));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(Rule.IN_FIELD, "$.text", e.getMessage()));
                    }
                }
            }
        }
        if (work.isEmpty() || !problems.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        ctx.status(200);
        ctx.contentType("application/json");
        ctx.result(instance.state().codec().signedMessage(work.get()));
    }

    void flag(Context ctx) {
        flagOrReject(ctx, Action.TRANSCRIBE);
    }

    void reject(Context ctx) {
        flagOrReject(ctx, Action.MODERATE);
    }

    private void flagOrReject(Context ctx, Action action) {
        Optional<Account> a = account(ctx, action);
        if (a.isEmpty()) return;
        List<Problem> problems = new ArrayList<>();
        Fields f = fields(ctx, problems);
        PhotoKey key = photoKey(f, problems);
        Optional<FlagReason> r = flagReason(f.str("reason"), problems);
        Optional<byte[]> sig = signature(f, problems);
        f.end();
        if (!problems.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        var t = instance.transcription();
        answer(
                ctx,
                action == Action.MODERATE
                        ? t.reject(a.get().id(), key, r.get(), sig)
                        : t.flag(a.get().id(), key, r.get(), sig));
    }

    private static Optional<FlagReason> flagReason(String reason, List<Problem> problems) {
        Optional<FlagReason> r = FlagReason.ofWire(reason);
        if (r.isEmpty())
            problems.add(
                    new Problem(Rule.IN_FIELD, "$.reason", "illegible, wrong-station, not-a-tally-sheet or duplicate"));
        return r;
    }

    private static Optional<ReportReason> reportReason(String reason, List<Problem> problems) {
        Optional<ReportReason> r = ReportReason.ofWire(reason);
        if (r.isEmpty())
            problems.add(new Problem(
                    Rule.IN_FIELD, "$.reason", "illegible, wrong-station, not-a-tally-sheet, duplicate or other"));
        return r;
    }

    /** The body's optional {@code signature} (TR-SIGN): base64 of 64 bytes, else IN-FIELD. */
    private static Optional<byte[]> signature(Fields f, List<Problem> problems) {
        return f.has("signature") ? FiguresBody.signature(f.str("signature"), problems) : Optional.empty();
    }

    void report(Context ctx) {
        reportOrReturn(ctx, Action.REPORT_PHOTO);
    }

    void returnToQueue(Context ctx) {
        reportOrReturn(ctx, Action.MODERATE);
    }

    private void reportOrReturn(Context ctx, Action action) {
        Optional<Account> a = account(ctx, action);
        if (a.isEmpty()) return;
        List<Problem> problems = new ArrayList<>();
        Fields f = fields(ctx, problems);
        PhotoKey key = photoKey(f, problems);
        Optional<ReportReason> r = reportReason(action == Action.MODERATE ? "other" : f.str("reason"), problems);
        String text = f.has("text") ? f.str("text") : "";
        Optional<byte[]> sig = signature(f, problems);
        f.end();
        if (!problems.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        var t = instance.transcription();
        answer(
                ctx,
                action == Action.MODERATE
                        ? t.returnToQueue(a.get().id(), key, text, sig)
                        : t.report(a.get().id(), key, r.get(), text, sig));
    }

    /** The photo a body names ({@code photo}, {@code station}, {@code source}); an ill-formed hash is a problem. */
    private static PhotoKey photoKey(Fields f, List<Problem> problems) {
        String photo = f.str("photo");
        String station = f.str("station");
        String source = f.str("source");
        if (!org.veritally.core.evidence.Blob.isSha256(photo))
            problems.add(new Problem(Rule.IN_FIELD, "$.photo", "the photo's SHA-256 in lower-case hex"));
        return new PhotoKey(photo, station, source);
    }

    void lift(Context ctx) {
        Optional<Account> a = account(ctx, Action.MODERATE);
        if (a.isEmpty()) return;
        List<Problem> problems = new ArrayList<>();
        Fields f = fields(ctx, problems);
        String who = f.str("account");
        String reason = f.str("reason");
        f.end();
        if (!problems.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        answer(ctx, instance.transcription().lift(a.get().id(), who, reason));
    }

    void gold(Context ctx) {
        Optional<Account> a = account(ctx, Action.CONFIGURE_CAMPAIGN);
        if (a.isEmpty()) return;
        if (instance.state().election().isEmpty())
            throw new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet");
        List<Problem> problems = instance.configureGold(ctx.bodyAsBytes());
        if (!problems.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        ctx.status(204);
    }

    void pause(Context ctx) {
        Optional<Account> a = account(ctx, Action.MODERATE);
        if (a.isEmpty()) return;
        List<Problem> problems = new ArrayList<>();
        Fields f = fields(ctx, problems);
        String who = f.str("account");
        String reason = f.str("reason");
        f.end();
        if (!problems.isEmpty()) {
            refuse(ctx, problems);
            return;
        }
        answer(ctx, instance.transcription().pause(a.get().id(), who, reason));
    }

    private static Fields fields(Context ctx, List<Problem> problems) {
        try {
            return new Fields(JsonTree.parse(ctx.bodyAsBytes()), "$", problems);
        } catch (JsonTree.JsonError e) {
            problems.add(new Problem(Rule.IN_SYNTAX, e.path(), e.getMessage()));
            return new Fields(Map.of(), "$", new ArrayList<>());
        }
    }

    private static void refuse(Context ctx, List<Problem> problems) {
        ApiServer.problem(ctx, 422, ProblemJson.of(422, "refused", problems.size() + " problem(s)", problems));
    }

    private void answer(Context ctx, Submitted s) {
        if (!s.accepted()) {
            refuse(ctx, s.problems());
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        s.index().ifPresent(i -> m.put("index", i));
        m.put(
                "flags",
                s.flags().stream()
                        .map(p -> Map.of("rule", p.rule().id(), "message", p.message()))
                        .toList());
        s.recorded()
                .ifPresent(
                        a -> { // as a sheet's answer: the entry's leaf hash and its receipt
                            if (a.leafHash().length > 0)
                                m.put("leafHash", java.util.HexFormat.of().formatHex(a.leafHash()));
                            WriteRoutes.receipt(m, a, instance);
                        });
        ctx.status(s.index().isPresent() ? 201 : 200);
        ApiServer.json(ctx, m);
    }

    /**
     * {@code GET /api/stations/{id}/transcriptions}: how the station's photos were transcribed, photo by
     * photo, in log order: each piece of work (index, account, figures or flag, whether a moderator's) and the
     * photo's status. Open to all. Scans every photo with work (a station index is left to do).
     */
    void ofStation(Context ctx) {
        String station = ctx.pathParam("id");
        if (instance.state().election().isEmpty()
                || !instance.state().catalogue().hasStation(station))
            throw new UsageProblem(ReadRule.RD_STATION, "station '" + station + "' is not in the catalogue");
        var el = instance.state().requireElection();
        List<Object> photos = new ArrayList<>();
        for (var w : instance.state().transcriptions().photos()) {
            if (!w.key().stationId().equals(station)) continue;
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("photo", w.key().sha256());
            p.put("source", w.key().sourceId());
            p.put("status", w.status().wire());
            List<Object> work = new ArrayList<>();
            for (var x : w.work()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("index", x.index());
                m.put("account", x.account());
                m.put("moderator", x.settles());
                x.flag().ifPresent(f -> m.put("flag", f.wire()));
                x.sheet().ifPresent(s -> {
                    Map<String, Object> votes = new LinkedHashMap<>();
                    var c = el.contest(s.contestId()).orElseThrow();
                    for (int i = 0; i < s.choiceCount(); i++)
                        votes.put(c.choices().get(i).id(), s.vote(i));
                    m.put("contest", s.contestId());
                    m.put("valid", s.counts().valid());
                    m.put("null", s.counts().nulls());
                    m.put("votes", votes);
                });
                work.add(m);
            }
            p.put("work", work);
            photos.add(p);
        }
        photos.sort(java.util.Comparator.comparingLong(o -> {
            List<?> work = (List<?>) ((Map<?, ?>) o).get("work");
            return work.isEmpty() ? 0L : (Long) ((Map<?, ?>) work.get(0)).get("index");
        }));
        ApiServer.json(ctx, Map.of("station", station, "photos", photos));
    }

    void status(Context ctx) {
        ApiServer.json(ctx, instance.transcription().status().json());
    }
}
