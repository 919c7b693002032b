package org.veritally.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.image.ImageRule;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.auth.AuthRule;
import org.veritally.server.auth.Authorization;
import org.veritally.server.evidence.Filed;
import org.veritally.server.evidence.Filing;
import org.veritally.server.http.Authenticator;
import org.veritally.server.log.LogView;
import org.veritally.server.ops.RequestGuard;
import org.veritally.web.i18n.Lang;
import org.veritally.web.model.StationPhoto;
import org.veritally.web.model.UploadPage;
import org.veritally.web.query.StationPhotos;

/**
 * {@code POST /{lang}/upload}: the upload form's {@code multipart/form-data} (fields {@code token},
 * {@code station}, {@code contest}; file {@code photo}), filed through the same use case as {@code POST
 * /api/evidence} ({@link org.veritally.server.evidence.EvidenceIntake#file}), so the rules are the
 * rulebook's and no other. The token is the account's API token, checked as the API checks a bearer
 * token ({@link Authenticator}); the account must be allowed to file evidence. Answers: 201 with the
 * receipt (200 when the log held the same entry already), 401 AUTH-TOKEN, 403 AUTH-ROLE, 400 for a
 * form that cannot be read, 413 EV-SIZE, 422 with every other problem: an HTML page in the reader's
 * language each time, never a stack trace. Bodies up to {@link RequestGuard#EVIDENCE_MAX_BODY} are
 * let through on this path ({@link RequestGuard#takesPhoto}). Thread-safe.
 */
final class UploadRoute {
    private final Instance in;
    private final SiteRenderer renderer;
    private final Supplier<Authenticator> auth;

    UploadRoute(Instance in, SiteRenderer renderer, Supplier<Authenticator> auth) {
        this.in = in;
        this.renderer = renderer;
        this.auth = auth;
    }

    /** The form's fields and photo; {@code issues} gets what is missing. */
    private record Form(String token, String station, Optional<String> contest, byte[] photo) {}

    RenderedPage post(Lang lang, Context ctx) {
        Form f;
        try {
            f = form(ctx);
        } catch (RuntimeException | IOException e) {
            return refused(lang, "", Optional.empty(), 400, issue(Rule.IN_FIELD, "photo", "upload.err.form"));
        }
        if (in.state().election().isEmpty())
            return renderer.upload(lang, "", Optional.empty(), new UploadPage.Blank(), 503);
        Optional<Account> account = f.token().isBlank()
                ? Optional.empty()
                : auth.get().authenticate("Bearer " + f.token().strip());
        if (account.isEmpty())
            return refused(
                    lang, f.station(), f.contest(), 401, issue(AuthRule.AUTH_TOKEN, "token", "upload.err.token"));
        Account a = account.get();
        if (!Authorization.allows(a.role(), Action.FILE_EVIDENCE))
            return refused(lang, f.station(), f.contest(), 403, issue(AuthRule.AUTH_ROLE, "token", "upload.err.role"));
        List<UploadPage.Issue> issues = new ArrayList<>();
        if (f.station().isBlank()) issues.add(issue(Rule.IN_FIELD, "station", "upload.err.station"));
        if (f.photo().length == 0) issues.add(issue(Rule.IN_FIELD, "photo", "upload.err.photo"));
        if (!issues.isEmpty())
            return renderer.upload(lang, f.station(), f.contest(), new UploadPage.Refused(issues), 422);
        Filed filed = in.evidenceIntake()
                .file(f.photo(), new Filing(f.station(), f.contest(), a.source(), a.id(), Optional.empty()), "photo");
        if (!filed.accepted()) {
            boolean tooLarge = filed.problems().stream().anyMatch(p -> p.rule() == ImageRule.EV_SIZE);
            List<UploadPage.Issue> ps =
                    filed.problems().stream().map(UploadRoute::issue).toList();
            return renderer.upload(lang, f.station(), f.contest(), new UploadPage.Refused(ps), tooLarge ? 413 : 422);
        }
        return renderer.upload(lang, f.station(), f.contest(), receipt(filed), filed.idempotent() ? 200 : 201);
    }

    private UploadPage.Receipt receipt(Filed f) {
        var log = new LogView(in.store());
        Optional<String> proof =
                log.latest().filter(cp -> cp.size() > f.index()).map(cp -> log.receipt(f.index(), cp));
        List<StationPhoto.Flag> flags = f.flags().stream()
                .map(p -> new StationPhoto.Flag(p.rule().id(), p.message()))
                .toList();
        return new UploadPage.Receipt(
                f.index(),
                f.idempotent(),
                f.evidence().original().sha256(),
                f.evidence().publicCopy().map(b -> b.sha256()),
                f.evidence().stationId(),
                StationPhotos.reads(f.evidence().reads()),
                flags,
                proof);
    }

    private RenderedPage refused(
            Lang lang, String station, Optional<String> contest, int status, UploadPage.Issue issue) {
        return renderer.upload(lang, station, contest, new UploadPage.Refused(List.of(issue)), status);
    }

    private static UploadPage.Issue issue(org.veritally.core.validation.RuleId rule, String where, String key) {
        return new UploadPage.Issue(rule.id(), where, key, true);
    }

    private static UploadPage.Issue issue(Problem p) {
        return new UploadPage.Issue(p.rule().id(), p.location(), p.message(), false);
    }

    private static Form form(Context ctx) throws IOException {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!type.startsWith("multipart/form-data")) return new Form("", "", Optional.empty(), new byte[0]);
        String token = Optional.ofNullable(ctx.formParam("token")).orElse("");
        String station =
                Optional.ofNullable(ctx.formParam("station")).orElse("").strip();
        Optional<String> contest =
                Optional.ofNullable(ctx.formParam("contest")).map(String::strip).filter(s -> !s.isEmpty());
        UploadedFile file = ctx.uploadedFile("photo");
        byte[] photo = new byte[0];
        if (file != null) {
            try (InputStream s = file.content()) {
                long max = RequestGuard.EVIDENCE_MAX_BODY;
                photo = s.readNBytes((int) max + 1);
            }
        }
        return new Form(token, station, contest, photo);
    }
}
