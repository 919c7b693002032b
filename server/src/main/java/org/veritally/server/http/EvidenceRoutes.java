package org.veritally.server.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.ReadRule;
import org.veritally.core.validation.Rule;
import org.veritally.image.ImageRule;
import org.veritally.server.Instance;
import org.veritally.server.auth.Account;
import org.veritally.server.auth.Action;
import org.veritally.server.auth.Role;
import org.veritally.server.evidence.EvidenceIntake;
import org.veritally.server.evidence.Filed;
import org.veritally.server.evidence.Filing;
import org.veritally.server.log.LogView;
import org.veritally.server.read.UsageProblem;
import org.veritally.store.ProjectionQueries;

/**
 * The evidence endpoints (docs/api.md, "Evidence"):
 *
 * <ul>
 *   <li>{@code POST /api/evidence}: a photo, as {@code multipart/form-data} (file {@code photo}, fields
 *       {@code station}, {@code contest}, {@code signature}, and {@code source} for an administrator) or
 *       as the raw body with those in the query string. 201 with the receipt (log index, SHA-256 of the
 *       original and of the public copy, inclusion proof), 200 when the same entry is there already,
 *       413/422 with every problem;
 *   <li>{@code GET /api/stations/{id}/evidence}: the evidence filed for a station, in log order, with
 *       each entry's flags and the permanent URL of its public copy;
 *   <li>{@code GET /evidence/{sha256}}: a public copy the log names, immutable and cacheable;
 *   <li>{@code GET /api/evidence/{sha256}/original}: an original, to the roles that may read originals.
 * </ul>
 */
final class EvidenceRoutes {
    static final String POST_PATH = "/api/evidence";
    /** The largest request: a photo at the intake's limit plus room for the form's other parts. */
    static final long MAX_REQUEST = org.veritally.server.ops.RequestGuard.EVIDENCE_MAX_BODY;

    private final Instance instance;
    private final Authenticator auth;
    private final EvidenceIntake intake;

    EvidenceRoutes(Instance instance, Authenticator auth, EvidenceIntake intake) {
        this.instance = instance;
        this.auth = auth;
        this.intake = intake;
    }

    private Optional<Account> account(Context ctx, Action action) {
        return WriteRoutes.authorize(auth, ctx, action).filter(a -> WriteRoutes.bound(instance, ctx, a));
    }

    /** The photo and the form's fields, from a multipart form or from the raw body and the query string. */
    private record Upload(byte[] bytes, Map<String, String> fields) {}

    private static Upload upload(Context ctx, List<Problem> problems) {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        Map<String, String> fields = new LinkedHashMap<>();
        if (type.startsWith("multipart/form-data")) {
            for (var e : ctx.formParamMap().entrySet())
                if (!e.getValue().isEmpty()) fields.put(e.getKey(), e.getValue().get(0));
            UploadedFile f = ctx.uploadedFile("photo");
            if (f == null) {
                problems.add(new Problem(Rule.IN_FIELD, "photo", "the form has no file 'photo'"));
                return new Upload(new byte[0], fields);
            }
            try (InputStream in = f.content()) {
                return new Upload(readAtMost(in, MAX_REQUEST), fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (var e : ctx.queryParamMap().entrySet())
            if (!e.getValue().isEmpty()) fields.put(e.getKey(), e.getValue().get(0));
        try (InputStream in = ctx.req().getInputStream()) {
            return new Upload(readAtMost(in, MAX_REQUEST), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the stream whole, refusing it (413 SRV-SIZE) past {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] b = in.readNBytes((int) max + 1);
        if (b.length > max) throw org.veritally.server.ops.RequestRefused.tooLargeBody(max);
        return b;
    }

    void post(Context ctx) {
        Optional<Account> acc = account(ctx, Action.FILE_EVIDENCE);
        if (acc.isEmpty()) return;
        Account a = acc.get();
        if (instance.state().election().isEmpty())
            throw new UsageProblem(ReadRule.RD_ELECTION, "no election is defined yet");
        List<Problem> problems = new ArrayList<>();
        Upload u = upload(ctx, problems);
        String station = u.fields().getOrDefault("station", "");
        if (station.isBlank()) problems.add(new Problem(Rule.IN_FIELD, "station", "which station the photo shows"));
        Optional<String> contest =
                Optional.ofNullable(u.fields().get("contest")).filter(s -> !s.isBlank());
        String source = a.source();
        if (u.fields().containsKey("source") && !u.fields().get("source").equals(a.source())) {
            if (a.role() == Role.ADMIN) source = u.fields().get("source");
            else
                problems.add(new Problem(
                        Rule.TS_SOURCE,
                        "source",
                        "this account files as source '" + a.source() + "', not '"
                                + u.fields().get("source") + "'"));
        }
        Optional<SheetSignature> signature = Optional.empty();
        String sig = u.fields().getOrDefault("signature", "");
        if (!sig.isBlank()) {
            try {
                signature = Optional.of(
                        new SheetSignature(a.id(), Base64.getDecoder().decode(sig.strip())));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(Rule.AUTH_SIG, "signature", "the signature is not base64"));
            }
        }
        if (!problems.isEmpty()) {
            ApiServer.problem(
                    ctx, 422, ProblemJson.of(422, "evidence rejected", problems.size() + " problem(s)", problems));
            return;
        }
        Filed f = intake.file(u.bytes(), new Filing(station, contest, source, a.id(), signature), "photo");
        if (!f.accepted()) {
            boolean tooLarge = f.problems().stream().anyMatch(p -> p.rule() == ImageRule.EV_SIZE);
            int status = tooLarge ? 413 : 422;
            ApiServer.problem(
                    ctx,
                    status,
                    ProblemJson.of(status, "evidence rejected", f.problems().size() + " problem(s)", f.problems()));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", f.index());
        m.put("idempotent", f.idempotent());
        m.put("sha256", f.evidence().original().sha256());
        f.evidence().publicCopy().ifPresent(p -> {
            m.put("publicSha256", p.sha256());
            m.put("publicUrl", "/evidence/" + p.sha256());
        });
        m.put("station", f.evidence().stationId());
        m.put("source", f.evidence().sourceId());
        m.put(
                "reads",
                f.evidence().reads().stream()
                        .map(r -> Map.of("format", r.format(), "payload", r.payload()))
                        .toList());
        m.put(
                "flags",
                f.flags().stream()
                        .map(p -> Map.of("rule", p.rule().id(), "message", p.message()))
                        .toList());
        var log = new LogView(instance.store());
        log.latest().ifPresent(cp -> {
            m.put("checkpointSize", cp.size());
            m.put("receipt", log.receipt(f.index(), cp));
        });
        ctx.status(f.idempotent() ? 200 : 201);
        ApiServer.json(ctx, m);
    }

    /** {@code GET /api/stations/{id}/evidence}. */
    void ofStation(Context ctx) {
        String id = ctx.pathParam("id");
        if (!instance.state().catalogue().hasStation(id))
            throw new UsageProblem(ReadRule.RD_PATH, "no station '" + id + "'");
        List<Map<String, Object>> out = new ArrayList<>();
        for (var row : new ProjectionQueries(instance.store()).evidenceOf(id)) out.add(describe(row));
        ApiServer.json(ctx, Map.of("station", id, "evidence", out));
    }

    private Map<String, Object> describe(ProjectionQueries.EvidenceRow row) {
        Evidence e = decode(row).evidence();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", row.entryIdx());
        m.put("source", e.sourceId());
        e.contestId().ifPresent(c -> m.put("contest", c));
        m.put("account", e.account());
        m.put("original", blob(e.original()));
        e.publicCopy().ifPresent(p -> {
            m.put("public", blob(p));
            m.put("publicUrl", "/evidence/" + p.sha256());
        });
        e.captured().ifPresent(c -> m.put("captured", c));
        e.perceptualHash().ifPresent(h -> m.put("phash", HexFormat.of().toHexDigits(h)));
        m.put(
                "reads",
                e.reads().stream()
                        .map(r -> Map.of("format", r.format(), "payload", r.payload()))
                        .toList());
        m.put("flags", new ProjectionQueries(instance.store()).flagsOf(row.entryIdx()));
        return m;
    }

    private static Map<String, Object> blob(Blob b) {
        return Map.of("sha256", b.sha256(), "size", b.size(), "media", b.mediaType());
    }

    private EvidenceEntry decode(ProjectionQueries.EvidenceRow row) {
        return instance.state().evidenceEntry(row);
    }

    /** {@code GET /evidence/{sha256}}: a public copy the log names. */
    void publicCopy(Context ctx) {
        String sha = ctx.pathParam("sha256");
        Optional<Blob> named = Optional.empty();
        if (Blob.isSha256(sha)) {
            for (var row : new ProjectionQueries(instance.store()).evidenceByHash(sha)) {
                var p = decode(row).evidence().publicCopy();
                if (p.isPresent() && p.get().sha256().equals(sha)) named = p;
            }
        }
        if (named.isEmpty()) throw new UsageProblem(ReadRule.RD_PATH, "no public image " + sha);
        send(ctx, sha, named.get().mediaType(), "public, max-age=31536000, immutable");
    }

    /** {@code GET /api/evidence/{sha256}/original}: to the roles that may read originals (docs/evidence.md). */
    void original(Context ctx) {
        var readers = instance.originalReaders();
        if (WriteRoutes.authorize(auth, ctx, readers::contains, "read original photos on this server")
                .isEmpty()) return;
        String sha = ctx.pathParam("sha256");
        Optional<Blob> named = Optional.empty();
        if (Blob.isSha256(sha)) {
            for (var row : new ProjectionQueries(instance.store()).evidenceByHash(sha)) {
                var o = decode(row).evidence().original();
                if (o.sha256().equals(sha)) named = Optional.of(o);
            }
        }
        if (named.isEmpty()) throw new UsageProblem(ReadRule.RD_PATH, "no original " + sha);
        send(ctx, sha, named.get().mediaType(), "private, no-store");
    }

    private void send(Context ctx, String sha, String media, String cache) {
        byte[] bytes = instance.blobs()
                .get(sha)
                .orElseThrow(() -> new UsageProblem(ReadRule.RD_PATH, "the image " + sha + " is not in this store"));
        ctx.header("Cache-Control", cache);
        ctx.header("ETag", "\"" + sha + "\"");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType(media).result(bytes);
    }
}
