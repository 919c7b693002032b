package org.veritally.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.rulebook.TranscriptionRules;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.core.validation.RuleId;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.auth.AuthRule;
import org.veritally.server.auth.Authorization;
import org.veritally.server.http.Authenticator;
import org.veritally.server.transcribe.Submitted;
import org.veritally.server.transcribe.Task;
import org.veritally.web.i18n.Lang;
import org.veritally.web.model.Option;
import org.veritally.web.model.TranscribePage;
import org.veritally.web.model.UploadPage;

/**
 * {@code GET} and {@code POST /{lang}/transcribe}: the transcription page without JavaScript
 * (docs/transcription.md, "The pages"). The volunteer signs in once with the account's API token (checked as
 * the API checks a bearer token), kept in an {@code HttpOnly}, {@code SameSite=Strict} cookie; {@code GET}
 * leases the next task ({@link org.veritally.server.transcribe.TranscriptionCampaign#next}, the same task
 * again while the lease lasts); a form {@code POST} ({@code do=submit|flag}) goes through the same use
 * cases as the API, and on success redirects (303) to the next task; a refusal is the same form again, 422,
 * with every problem's rule ID and the confirmation checkbox (TR-CONFIRM). Thread-safe.
 */
final class TranscribeRoute {
    static final String COOKIE = "vt-transcriber";

    private final Instance in;
    private final SiteRenderer renderer;
    private final java.util.function.Supplier<Authenticator> auth;

    TranscribeRoute(Instance in, SiteRenderer renderer, java.util.function.Supplier<Authenticator> auth) {
        this.in = in;
        this.renderer = renderer;
        this.auth = auth;
    }

    /** The next task of the signed-in volunteer, or the sign-in form. */
    RenderedPage get(Lang lang, Context ctx) {
        Optional<Account> a = account(Optional.ofNullable(ctx.cookie(COOKIE)));
        if (a.isEmpty()) return page(lang, new TranscribePage.SignIn(), Optional.empty(), List.of(), 200);
        Optional<String> done = Optional.ofNullable(ctx.queryParam("done")).filter(s -> s.matches("\\d{1,19}|sent"));
        boolean mod = Authorization.allows(a.get().role(), Action.MODERATE);
        if (in.state().keys().firstKey(a.get().id()).isPresent()) // the page cannot sign: no task is leased (TR-SIGN)
        return renderer.transcribe(lang, new TranscribePage.NoTask("transcribe.signs"), done, List.of(), 200, mod);
        var next = in.transcription().next(a.get().id());
        if (!next.problems().isEmpty()) {
            String rule = next.problems().get(0).rule().id();
            String key = rule.equals("SRV-RATE") ? "transcribe.rate" : "transcribe.paused";
            return renderer.transcribe(lang, new TranscribePage.NoTask(key), done, issues(next.problems()), 200, mod);
        }
        if (next.task().isEmpty())
            return renderer.transcribe(lang, new TranscribePage.NoTask("transcribe.none"), done, List.of(), 200, mod);
        Task t = next.task().get();
        String chosen = t.contestAs(
                in.state().requireElection(),
                Optional.ofNullable(ctx.queryParam("contest")).orElse(""));
        return renderer.transcribe(lang, form(t, chosen, Map.of(), false), done, List.of(), 200, mod);
    }

    /** The form's answer: empty when it redirected, else the page to show. */
    Optional<RenderedPage> post(Lang lang, Context ctx) {
        String action = param(ctx, "do");
        if (action.equals("signin")) return signIn(lang, ctx);
        if (action.equals("signout")) {
            ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
            return redirect(lang, ctx, "");
        }
        if (action.equals("report")) return report(lang, ctx);
        Optional<Account> a = account(Optional.ofNullable(ctx.cookie(COOKIE)));
        if (a.isEmpty())
            return Optional.of(page(
                    lang,
                    new TranscribePage.SignIn(),
                    Optional.empty(),
                    List.of(issue(AuthRule.AUTH_TOKEN, "token", "transcribe.err.signin")),
                    401));
        PhotoKey key = new PhotoKey(param(ctx, "photo"), param(ctx, "station"), param(ctx, "source"));
        var t = in.transcription();
        if (action.equals("flag")) {
            Optional<FlagReason> r = FlagReason.ofWire(param(ctx, "reason"));
            if (r.isEmpty() || !org.veritally.core.evidence.Blob.isSha256(key.sha256()))
                return Optional.of(page(
                        lang,
                        new TranscribePage.NoTask("transcribe.none"),
                        Optional.empty(),
                        List.of(issue(Rule.IN_FIELD, "reason", "transcribe.err.form")),
                        400));
            return answer(lang, ctx, t.flag(a.get().id(), key, r.get()), key, param(ctx, "contest"), Map.of());
        }
        Map<String, String> typed = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        String contest = param(ctx, "contest");
        boolean confirm = "yes".equals(param(ctx, "confirm"));
        if (!org.veritally.core.evidence.Blob.isSha256(key.sha256()))
            return Optional.of(page(
                    lang,
                    new TranscribePage.NoTask("transcribe.none"),
                    Optional.empty(),
                    List.of(issue(Rule.IN_FIELD, "photo", "transcribe.err.form")),
                    400));
        var sheet = FormFigures.read(in.state().requireElection(), ctx, key, contest, typed, problems);
        if (sheet.isEmpty()) return Optional.of(refused(lang, key, contest, typed, confirm, problems));
        List<String> confirmed = new ArrayList<>(confirm ? TranscriptionRules.CONFIRMABLE : List.of());
        return answer(lang, ctx, t.submit(a.get().id(), sheet.get(), confirmed), key, contest, typed);
    }

    /**
     * {@code do=report}: any account's report on a photo (REPORT_PHOTO), signed in by the form's token or the
     * cookie; a volunteer signed in goes on to its next task, anyone else sees the index and a link back to
     * {@code back} (a path of this site, else none).
     */
    private Optional<RenderedPage> report(Lang lang, Context ctx) {
        String token = param(ctx, "token").strip();
        if (token.isEmpty()) token = Optional.ofNullable(ctx.cookie(COOKIE)).orElse("");
        Optional<Account> a = token.isEmpty() ? Optional.empty() : auth.get().authenticate("Bearer " + token);
        Optional<RenderedPage> denied = signInRefused(lang, a, Action.REPORT_PHOTO);
        if (denied.isPresent()) return denied;
        PhotoKey key = new PhotoKey(param(ctx, "photo"), param(ctx, "station"), param(ctx, "source"));
        var reason = org.veritally.core.transcribe.ReportReason.ofWire(param(ctx, "reason"));
        String back = param(ctx, "back");
        if (!back.matches("/[A-Za-z0-9/_.%\\-]*") || back.startsWith("//")) back = "";
        if (reason.isEmpty() || !org.veritally.core.evidence.Blob.isSha256(key.sha256()))
            return Optional.of(page(
                    lang,
                    new TranscribePage.Reported(back),
                    Optional.empty(),
                    List.of(issue(Rule.IN_FIELD, "reason", "transcribe.err.form")),
                    400));
        Submitted s = in.transcription().report(a.get().id(), key, reason.get(), param(ctx, "text"));
        if (!s.accepted())
            return Optional.of(
                    page(lang, new TranscribePage.Reported(back), Optional.empty(), issues(s.problems()), 422));
        String index = Long.toString(s.index().orElse(0));
        if (back.isEmpty() && Authorization.allows(a.get().role(), Action.TRANSCRIBE))
            return redirect(lang, ctx, "?done=" + index);
        return Optional.of(page(lang, new TranscribePage.Reported(back), Optional.of(index), List.of(), 200));
    }

    private Optional<RenderedPage> answer(
            Lang lang, Context ctx, Submitted s, PhotoKey key, String contest, Map<String, String> typed) {
        if (!s.accepted()) return Optional.of(refused(lang, key, contest, typed, false, s.problems()));
        return redirect(
                lang,
                ctx,
                "?done=" + (s.index().isPresent() ? Long.toString(s.index().getAsLong()) : "sent"));
    }

    private RenderedPage refused(
            Lang lang, PhotoKey key, String contest, Map<String, String> typed, boolean confirm, List<Problem> ps) {
        var form = form(new Task(key, contest, java.time.Instant.EPOCH), contest, typed, confirm);
        return page(lang, form, Optional.empty(), issues(ps), 422);
    }

    /** The sign-in page again, 401 AUTH-TOKEN or 403 AUTH-ROLE, unless account {@code a} may do {@code action}. */
    private Optional<RenderedPage> signInRefused(Lang lang, Optional<Account> a, Action action) {
        if (a.isEmpty())
            return Optional.of(page(
                    lang,
                    new TranscribePage.SignIn(),
                    Optional.empty(),
                    List.of(issue(AuthRule.AUTH_TOKEN, "token", "upload.err.token")),
                    401));
        if (!Authorization.allows(a.get().role(), action))
            return Optional.of(page(
                    lang,
                    new TranscribePage.SignIn(),
                    Optional.empty(),
                    List.of(issue(AuthRule.AUTH_ROLE, "token", "transcribe.err.role")),
                    403));
        return Optional.empty();
    }

    private Optional<RenderedPage> signIn(Lang lang, Context ctx) {
        String token = param(ctx, "token").strip();
        Optional<Account> a = token.isEmpty() ? Optional.empty() : auth.get().authenticate("Bearer " + token);
        Optional<RenderedPage> denied = signInRefused(lang, a, Action.TRANSCRIBE);
        if (denied.isPresent()) return denied;
        boolean tls = "https".equals(ctx.scheme()) || "https".equals(ctx.header("X-Forwarded-Proto"));
        ctx.header(
                "Set-Cookie",
                COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200" + (tls ? "; Secure" : ""));
        if (param(ctx, "next").equals("moderate")) {
            ctx.redirect("/" + lang.code() + "/moderate", HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        return redirect(lang, ctx, "");
    }

    private Optional<Account> account(Optional<String> token) {
        return token.filter(s -> !s.isBlank())
                .flatMap(s -> auth.get().authenticate("Bearer " + s))
                .filter(a -> Authorization.allows(a.role(), Action.TRANSCRIBE));
    }

    /**
     * The form of task {@code t} typed as {@code contest} (empty: the volunteer chooses it first), with the contests
     * to choose from where the photo was filed with none in an election of several.
     */
    private TranscribePage.Form form(Task t, String contest, Map<String, String> typed, boolean confirm) {
        var el = in.state().requireElection();
        List<Option> choices = new ArrayList<>();
        el.contest(contest)
                .ifPresent(c -> c.choices().forEach(ch -> choices.add(new Option(ch.id(), ch.name(), false, false))));
        var filed = in.state().evidence(t.photo().sha256()).stream()
                .map(f -> f.entry().evidence())
                .filter(e -> e.stationId().equals(t.photo().stationId())
                        && e.sourceId().equals(t.photo().sourceId()))
                .findFirst();
        Optional<String> image = filed.flatMap(e -> e.publicCopy()).map(b -> b.sha256());
        List<Option> contests = new ArrayList<>();
        if (filed.isPresent()
                && filed.get().contestId().isEmpty()
                && el.contests().size() > 1)
            el.contests().forEach(c -> contests.add(new Option(c.id(), c.name(), false, c.id().equals(contest))));
        return new TranscribePage.Form(
                t.photo().sha256(),
                t.photo().stationId(),
                t.photo().sourceId(),
                contest,
                image,
                choices,
                typed,
                confirm,
                contests);
    }

    private RenderedPage page(
            Lang lang, TranscribePage.State s, Optional<String> done, List<UploadPage.Issue> issues, int status) {
        return renderer.transcribe(lang, s, done, issues, status);
    }

    private static Optional<RenderedPage> redirect(Lang lang, Context ctx, String query) {
        ctx.redirect("/" + lang.code() + "/transcribe" + query, HttpStatus.SEE_OTHER);
        return Optional.empty();
    }

    private static String param(Context ctx, String name) {
        return FormFigures.param(ctx, name);
    }

    private static List<UploadPage.Issue> issues(List<Problem> ps) {
        return ps.stream()
                .map(p -> new UploadPage.Issue(p.rule().id(), p.location(), p.message(), false))
                .toList();
    }

    private static UploadPage.Issue issue(RuleId rule, String where, String key) {
        return new UploadPage.Issue(rule.id(), where, key, true);
    }
}
