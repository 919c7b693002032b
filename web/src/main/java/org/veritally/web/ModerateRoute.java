package org.veritally.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.veritally.core.transcribe.FlagReason;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.auth.AuthRule;
import org.veritally.server.auth.Authorization;
import org.veritally.server.http.Authenticator;
import org.veritally.server.transcribe.Submitted;
import org.veritally.web.i18n.Lang;
import org.veritally.web.model.UploadPage;

/**
 * {@code GET} and {@code POST /{lang}/moderate}: the moderator's page (docs/transcription.md, "The pages").
 * The moderator signs in as on the transcription page (the same cookie, {@link TranscribeRoute#COOKIE}); the
 * account must be allowed to moderate (AUTH-ROLE). A form {@code POST} settles an escalated photo with the
 * figures typed ({@code do=settle}, {@link org.veritally.server.transcribe.TranscriptionCampaign#settle}) or
 * rejects it ({@code do=reject}, also a photo reports took out of the queue), returns a reported photo to the
 * queue ({@code do=return}, TR-RETURN) or lifts a volunteer's pause ({@code do=lift}, TR-LIFT); on success
 * it redirects (303) to the page, else shows it again (422) with every problem's rule ID (TR-SETTLE on a
 * photo that is not escalated). Thread-safe.
 */
final class ModerateRoute {
    private final Instance in;
    private final SiteRenderer renderer;
    private final Supplier<Authenticator> auth;

    ModerateRoute(Instance in, SiteRenderer renderer, Supplier<Authenticator> auth) {
        this.in = in;
        this.renderer = renderer;
        this.auth = auth;
    }

    RenderedPage get(Lang lang, Context ctx) {
        Optional<Account> a = signedIn(ctx);
        Optional<String> done = Optional.ofNullable(ctx.queryParam("done")).filter(s -> s.matches("\\d{1,19}"));
        if (a.isEmpty()) return renderer.moderate(lang, false, Optional.empty(), List.of(), "", Map.of(), 200);
        if (!Authorization.allows(a.get().role(), Action.MODERATE)) return notAModerator(lang);
        return renderer.moderate(lang, true, done, List.of(), "", Map.of(), 200);
    }

    Optional<RenderedPage> post(Lang lang, Context ctx) {
        Optional<Account> a = signedIn(ctx);
        if (a.isEmpty())
            return Optional.of(renderer.moderate(
                    lang,
                    false,
                    Optional.empty(),
                    List.of(new UploadPage.Issue(AuthRule.AUTH_TOKEN.id(), "token", "transcribe.err.signin", true)),
                    "",
                    Map.of(),
                    401));
        if (!Authorization.allows(a.get().role(), Action.MODERATE)) return Optional.of(notAModerator(lang));
        PhotoKey key = new PhotoKey(
                FormFigures.param(ctx, "photo"), FormFigures.param(ctx, "station"), FormFigures.param(ctx, "source"));
        String contest = FormFigures.param(ctx, "contest");
        Map<String, String> typed = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (!org.veritally.core.evidence.Blob.isSha256(key.sha256()))
            problems.add(new Problem(Rule.IN_FIELD, "photo", "the photo's SHA-256"));
        Submitted s = null;
        String action = FormFigures.param(ctx, "do");
        if (action.equals("lift")) {
            problems.clear(); // a lift names an account, not a photo
            s = in.transcription()
                    .lift(a.get().id(), FormFigures.param(ctx, "account"), FormFigures.param(ctx, "reason"));
        } else if (problems.isEmpty() && action.equals("return"))
            s = in.transcription().returnToQueue(a.get().id(), key, FormFigures.param(ctx, "text"));
        else if (problems.isEmpty() && action.equals("reject")) {
            Optional<FlagReason> r = FlagReason.ofWire(FormFigures.param(ctx, "reason"));
            if (r.isEmpty()) problems.add(new Problem(Rule.IN_FIELD, "reason", "a reason to reject the photo"));
            else s = in.transcription().reject(a.get().id(), key, r.get());
        } else if (problems.isEmpty()) {
            var sheet = FormFigures.read(in.state().requireElection(), ctx, key, contest, typed, problems);
            if (sheet.isPresent()) s = in.transcription().settle(a.get().id(), sheet.get(), List.of());
        }
        if (s != null && s.accepted()) {
            String done = s.index().isPresent() ? "?done=" + s.index().getAsLong() : "";
            ctx.redirect("/" + lang.code() + "/moderate" + done, HttpStatus.SEE_OTHER);
            return Optional.empty();
        }
        if (s != null) problems.addAll(s.problems());
        List<UploadPage.Issue> issues = problems.stream()
                .map(p -> new UploadPage.Issue(p.rule().id(), p.location(), p.message(), false))
                .toList();
        return Optional.of(renderer.moderate(lang, true, Optional.empty(), issues, key.sha256(), typed, 422));
    }

    private RenderedPage notAModerator(Lang lang) {
        var issue = new UploadPage.Issue(AuthRule.AUTH_ROLE.id(), "token", "moderate.err.role", true);
        return renderer.moderate(lang, false, Optional.empty(), List.of(issue), "", Map.of(), 403);
    }

    private Optional<Account> signedIn(Context ctx) {
        return Optional.ofNullable(ctx.cookie(TranscribeRoute.COOKIE))
                .filter(s -> !s.isBlank())
                .flatMap(s -> auth.get().authenticate("Bearer " + s));
    }
}
