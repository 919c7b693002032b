package org.veritally.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.veritally.core.validation.Problem;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.replay.ExportFiles;
import org.veritally.formats.replay.LogReplay;
import org.veritally.formats.replay.ReplayExportData;
import org.veritally.translog.Checkpoint;
import org.veritally.translog.Note;
import org.veritally.translog.NoteSignature;
import org.veritally.translog.Parsed;
import org.veritally.translog.SignedCheckpoint;
import org.veritally.translog.VerifierKey;

/**
 * The checks of a static mirror ({@code publish --site}, docs/verify.md):
 *
 * <ul>
 *   <li>{@code VFY-MANIFEST}: {@code manifest.json} parses (MAN-FMT); its {@code checkpoint} is signed
 *       by the pinned key (MAN-SIG) and is the mirror's checkpoint without witness cosignatures
 *       (MAN-CKPT); its {@code treeSize} and {@code root} are the checkpoint's (MAN-SIZE); every file
 *       it lists is there (MAN-MISSING) and hashes as listed (MAN-HASH); where the host can list its
 *       files, every file but {@code checkpoint}, the manifest and the tiles is listed (MAN-UNLISTED);
 *   <li>{@code VFY-PAGES}: every figure on every page (elements with {@code data-vt} and {@code
 *       data-v}) names something in the log (PAGE-KEY), has the value recomputed from the entries
 *       (PAGE-VALUE), and its visible text shows that value (PAGE-TEXT); each overview, unit and
 *       station page is there in every language (PAGE-MISSING) and shows the figures that page must
 *       show (PAGE-REQUIRED);
 *   <li>{@code VFY-EXPORTS}: every export is byte for byte the file written again from the entries
 *       ({@link ExportFiles}, EXP-DIFF, with the first differing line and column); the per-station and
 *       consensus CSVs and the NIST report of the default view are there (EXP-MISSING).
 * </ul>
 *
 * Every file the manifest lists is read once, on {@link PublishedLog#parallelism()} threads.
 * Stateless.
 */
final class MirrorCheck {

    static final String MANIFEST = "manifest.json";
    private static final int CHUNK = 128;

    private MirrorCheck() {}

    /** Whether the publication is a static mirror: it has a manifest, or a site's front page. */
    static boolean isMirror(PublishedLog log, Optional<byte[]> manifest) {
        return manifest.isPresent() || log.read("index.html").isPresent();
    }

    /** The manifest as the verifier reads it. */
    record Manifest(
            String checkpoint,
            long treeSize,
            String root,
            List<String> languages,
            List<Map<String, Object>> exports,
            Map<String, Object> files) {}

    static List<CheckResult> run(
            PublishedLog log,
            Optional<byte[]> manifestBytes,
            VerifierKey key,
            Optional<Note> note,
            Optional<Checkpoint> cp,
            Optional<LogReplay> replay,
            Map<String, String> digests) {
        List<CheckResult> out = new ArrayList<>();
        CheckResult.Findings man = new CheckResult.Findings(Check.VFY_MANIFEST);
        if (manifestBytes.isEmpty()) {
            man.add(new Problem(
                    ManifestRule.MAN_FMT,
                    MANIFEST,
                    "the publication has a site (index.html) but no manifest.json: nothing binds its pages"));
            out.add(man.result("", "no manifest"));
            out.add(CheckResult.skip(Check.VFY_PAGES, "no manifest.json (see VFY-MANIFEST)"));
            out.add(CheckResult.skip(Check.VFY_EXPORTS, "no manifest.json (see VFY-MANIFEST)"));
            return out;
        }
        Manifest m;
        try {
            m = parse(manifestBytes.get());
        } catch (IllegalArgumentException e) {
            man.add(new Problem(ManifestRule.MAN_FMT, MANIFEST, "the manifest does not parse: " + e.getMessage()));
            out.add(man.result("", "the manifest does not parse"));
            out.add(CheckResult.skip(Check.VFY_PAGES, "the manifest does not parse (see VFY-MANIFEST)"));
            out.add(CheckResult.skip(Check.VFY_EXPORTS, "the manifest does not parse (see VFY-MANIFEST)"));
            return out;
        }
        binding(m, key, note, cp, man);

        Optional<LogFigures> figures =
                replay.map(r -> new LogFigures(r, cp.map(Checkpoint::size).orElse(r.size())));
        CheckResult.Findings pages = new CheckResult.Findings(Check.VFY_PAGES);
        AtomicLong figuresChecked = new AtomicLong();
        AtomicLong pagesChecked = new AtomicLong();
        Set<String> languages = Set.copyOf(m.languages());
        List<String> paths = new ArrayList<>(m.files().keySet());
        paths.sort(null);
        int threads = Math.max(1, log.parallelism());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify-mirror");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < paths.size(); i += CHUNK) {
                List<String> chunk = paths.subList(i, Math.min(paths.size(), i + CHUNK));
                tasks.add(pool.submit(() -> {
                    MessageDigest sha = sha256();
                    for (String path : chunk) {
                        String known = digests.get(path);
                        if (known != null) {
                            // an image VFY-EVIDENCE has hashed already: not read twice
                            hashed(man, path, String.valueOf(m.files().get(path)), known);
                            continue;
                        }
                        Optional<byte[]> bytes = log.read(path);
                        if (bytes.isEmpty()) {
                            add(
                                    man,
                                    new Problem(
                                            ManifestRule.MAN_MISSING,
                                            path,
                                            "the manifest lists this file, which the mirror lacks"));
                            continue;
                        }
                        hashed(
                                man,
                                path,
                                String.valueOf(m.files().get(path)),
                                HexFormat.of().formatHex(sha.digest(bytes.get())));
                        int slash = path.indexOf('/');
                        if (figures.isPresent()
                                && slash > 0
                                && languages.contains(path.substring(0, slash))
                                && path.endsWith(".html")) {
                            figuresChecked.addAndGet(
                                    page(figures.get(), path, path.substring(slash + 1), bytes.get(), pages));
                            pagesChecked.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : tasks) {
                join(f);
            }
        } finally {
            pool.shutdownNow();
        }
        log.list("").ifPresent(all -> {
            for (String p : all) {
                if (!m.files().containsKey(p)
                        && !p.equals(MANIFEST)
                        && !p.equals("checkpoint")
                        && !p.startsWith("tile/")) {
                    man.add(new Problem(
                            ManifestRule.MAN_UNLISTED, p, "a file of the mirror that the manifest does not list"));
                }
            }
        });
        out.add(man.result(
                String.format(
                        Locale.ROOT,
                        "%,d files hash as the manifest lists; it is bound to the checkpoint of tree size %,d",
                        m.files().size(),
                        m.treeSize()),
                man.count() + " problem(s) with the manifest or the files it lists"));

        if (figures.isEmpty()) {
            out.add(CheckResult.skip(
                    Check.VFY_PAGES,
                    "cannot recompute the figures: not every entry could be read or replayed "
                            + "(see VFY-LEAVES, VFY-ENTRIES)"));
            out.add(CheckResult.skip(
                    Check.VFY_EXPORTS,
                    "cannot recompute the exports: not every entry could be read or replayed "
                            + "(see VFY-LEAVES, VFY-ENTRIES)"));
            return out;
        }
        long missing = 0;
        for (String lang : m.languages()) {
            for (String p : figures.get().requiredPages()) {
                if (!m.files().containsKey(lang + "/" + p)) {
                    pages.add(new Problem(
                            PageRule.PAGE_MISSING,
                            lang + "/" + p,
                            "the mirror lacks this page, which the log implies"));
                    missing++;
                }
            }
        }
        if (m.languages().isEmpty()) {
            pages.add(new Problem(
                    PageRule.PAGE_MISSING, MANIFEST, "the manifest names no language: the mirror has no pages"));
        }
        out.add(pages.result(
                String.format(
                        Locale.ROOT,
                        "%,d figures on %,d pages in %d language(s) equal the values recomputed from the log",
                        figuresChecked.get(),
                        pagesChecked.get(),
                        m.languages().size()),
                pages.count() + " problem(s) on the pages"
                        + (missing > 0 ? " (" + missing + " page(s) missing)" : "")));
        out.add(exports(log, m, replay.get(), figures.get()));
        return out;
    }

    /** MAN-HASH unless the file's SHA-256 is the one listed. */
    private static void hashed(CheckResult.Findings man, String path, String listed, String actual) {
        if (!actual.equals(listed)) {
            add(
                    man,
                    Problem.mismatch(
                            ManifestRule.MAN_HASH,
                            path,
                            "the file's SHA-256 is not the one the manifest lists",
                            listed,
                            actual));
        }
    }

    private static void binding(
            Manifest m, VerifierKey key, Optional<Note> note, Optional<Checkpoint> cp, CheckResult.Findings f) {
        Parsed<SignedCheckpoint> signed = SignedCheckpoint.open(m.checkpoint(), key.name(), key);
        if (!(signed instanceof Parsed.Ok<SignedCheckpoint> ok)) {
            f.add(Problem.mismatch(
                    ManifestRule.MAN_SIG,
                    MANIFEST + " checkpoint",
                    "the manifest's checkpoint is not signed by the pinned key: " + signed.problems(),
                    "a signature by " + key.name() + "+" + key.keyIdHex(),
                    "none that verifies"));
            return;
        }
        Checkpoint mine = ok.value().checkpoint();
        String root = Base64.getEncoder().encodeToString(mine.rootHash());
        if (m.treeSize() != mine.size() || !m.root().equals(root)) {
            f.add(Problem.mismatch(
                    ManifestRule.MAN_SIZE,
                    MANIFEST,
                    "treeSize and root are not those of the manifest's signed checkpoint",
                    m.treeSize() + " " + m.root(),
                    mine.size() + " " + root));
        }
        if (note.isEmpty() || cp.isEmpty()) {
            f.add(new Problem(
                    ManifestRule.MAN_CKPT,
                    MANIFEST + " checkpoint",
                    "the mirror's checkpoint does not parse (see VFY-SIG): nothing to bind to"));
            return;
        }
        Parsed<Note> manifestNote = Note.parse(m.checkpoint());
        boolean same = manifestNote instanceof Parsed.Ok<Note> mn
                && mn.value().text().equals(note.get().text())
                && note.get().signatures().containsAll(signatures(mn.value()));
        if (!same) {
            f.add(Problem.mismatch(
                    ManifestRule.MAN_CKPT,
                    MANIFEST + " checkpoint",
                    "the manifest is bound to another checkpoint than the mirror's",
                    firstLines(m.checkpoint()),
                    firstLines(note.get().format())));
        }
    }

    private static List<NoteSignature> signatures(Note n) {
        return n.signatures();
    }

    private static String firstLines(String note) {
        String[] l = note.split("\n");
        return l.length >= 2 ? l[0] + " " + l[1] : note;
    }

    /** Checks one page's figures; returns how many it checked. */
    private static long page(LogFigures figures, String path, String page, byte[] html, CheckResult.Findings f) {
        List<PageFigures.Figure> shown = PageFigures.of(html);
        Set<String> seen = new HashSet<>();
        for (PageFigures.Figure x : shown) {
            seen.add(x.key());
            String where = path + " figure " + x.key();
            Optional<LogFigures.Value> v = figures.value(x.key());
            if (v.isEmpty()) {
                add(
                        f,
                        Problem.mismatch(
                                PageRule.PAGE_KEY,
                                where,
                                "the figure names a unit, station, contest, view, source or field the "
                                        + "log does not have",
                                x.value() == null ? "" : x.value(),
                                ""));
                continue;
            }
            if (v.get() instanceof LogFigures.Count c) {
                if (!c.value().equals(x.value())) {
                    add(
                            f,
                            Problem.mismatch(
                                    PageRule.PAGE_VALUE,
                                    where,
                                    "the page's value is not the one recomputed from the log",
                                    nullable(x.value()),
                                    c.value()));
                } else if (!PageFigures.showsCount(x.text(), c.value())) {
                    add(
                            f,
                            Problem.mismatch(
                                    PageRule.PAGE_TEXT,
                                    where,
                                    "the page shows another number than its value, which is the one "
                                            + "recomputed from the log",
                                    x.text(),
                                    c.value()));
                }
            } else if (v.get() instanceof LogFigures.Share s) {
                if (!s.raw().equals(x.value())) {
                    add(
                            f,
                            Problem.mismatch(
                                    PageRule.PAGE_VALUE,
                                    where,
                                    "the page's share is not of the values recomputed from the log",
                                    nullable(x.value()),
                                    s.raw()));
                } else if (!PageFigures.showsShare(x.text(), s.part(), s.whole())) {
                    add(
                            f,
                            Problem.mismatch(
                                    PageRule.PAGE_TEXT,
                                    where,
                                    "the page shows another percentage than its value, which is the one "
                                            + "recomputed from the log",
                                    x.text(),
                                    s.raw()));
                }
            }
        }
        for (String required : figures.requiredFigures(page)) {
            if (!seen.contains(required)) {
                add(
                        f,
                        Problem.mismatch(
                                PageRule.PAGE_REQUIRED,
                                path + " figure " + required,
                                "the page does not show a figure it must show (with data-vt)",
                                "",
                                figures.value(required).map(MirrorCheck::raw).orElse("")));
            }
        }
        return shown.size();
    }

    private static String raw(LogFigures.Value v) {
        return v instanceof LogFigures.Count c ? c.value() : ((LogFigures.Share) v).raw();
    }

    private static String nullable(String s) {
        return s == null ? "(no data-v)" : s;
    }

    private static CheckResult exports(PublishedLog log, Manifest m, LogReplay replay, LogFigures figures) {
        CheckResult.Findings f = new CheckResult.Findings(Check.VFY_EXPORTS);
        List<ExportFiles.Spec> specs = new ArrayList<>();
        for (Map<String, Object> e : m.exports()) {
            try {
                specs.add(ExportFiles.Spec.fromJson(e));
            } catch (IllegalArgumentException ex) {
                f.add(new Problem(
                        ExportRule.EXP_FMT,
                        MANIFEST + " exports",
                        "an export description is malformed: " + ex.getMessage()));
            }
        }
        Set<String> described = new HashSet<>();
        specs.forEach(
                s -> described.add(s.format() + (s.view().map(v -> " " + v).orElse(""))));
        List<String> wanted = new ArrayList<>(List.of(ExportFiles.STATION_CSV, ExportFiles.CONSENSUS_CSV));
        figures.defaultView().ifPresent(v -> wanted.add(ExportFiles.NIST_JSON + " " + v));
        for (String w : wanted) {
            if (!described.contains(w)) {
                f.add(new Problem(
                        ExportRule.EXP_MISSING, MANIFEST + " exports", "the mirror does not carry the export " + w));
            }
        }
        int same = 0;
        for (ExportFiles.Spec s : specs) {
            Optional<byte[]> published = log.read(s.path());
            if (published.isEmpty()) {
                f.add(new Problem(
                        ExportRule.EXP_MISSING,
                        s.path(),
                        "the manifest describes this export, which the mirror lacks"));
                continue;
            }
            byte[] computed;
            try {
                var data = new ReplayExportData(replay, s.nist().map(ExportFiles.Nist::electionDate));
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, published.get().length));
                ExportFiles.write(s, data, out);
                computed = out.toByteArray();
            } catch (IOException | RuntimeException e) {
                f.add(new Problem(
                        ExportRule.EXP_FMT,
                        s.path(),
                        "the export cannot be written again from its description: " + e.getMessage()));
                continue;
            }
            if (Arrays.equals(published.get(), computed)) {
                same++;
            } else {
                f.add(difference(s, published.get(), computed));
            }
        }
        return f.result(
                same + " export(s) written again from the log, byte for byte",
                f.count() + " problem(s) with the exports");
    }

    /** The first difference between two exports: for a CSV its line and column, else its byte offset. */
    static Problem difference(ExportFiles.Spec s, byte[] published, byte[] computed) {
        int n = Math.min(published.length, computed.length);
        int at = 0;
        while (at < n && published[at] == computed[at]) {
            at++;
        }
        int lineStart = at;
        while (lineStart > 0 && published[lineStart - 1] != '\n') {
            lineStart--;
        }
        int line = 1;
        for (int i = 0; i < lineStart; i++) {
            if (published[i] == '\n') {
                line++;
            }
        }
        String p = lineAt(published, lineStart);
        String c = lineAt(computed, lineStart);
        if (s.format().endsWith("-csv")) {
            List<String> header = cells(lineAt(published, 0));
            List<String> pc = cells(p);
            List<String> cc = cells(c);
            for (int i = 0; i < Math.max(pc.size(), cc.size()); i++) {
                String a = i < pc.size() ? pc.get(i) : "";
                String b = i < cc.size() ? cc.get(i) : "";
                if (!a.equals(b)) {
                    String column = i < header.size() ? header.get(i) : "#" + (i + 1);
                    String row =
                            cc.size() > 0 && header.indexOf("station") >= 0 && header.indexOf("station") < cc.size()
                                    ? " (station " + cc.get(header.indexOf("station")) + ")"
                                    : "";
                    return Problem.mismatch(
                            ExportRule.EXP_DIFF,
                            s.path() + " line " + line + row + " column " + column,
                            "the published export is not the one written again from the log",
                            a,
                            b);
                }
            }
            return Problem.mismatch(
                    ExportRule.EXP_DIFF,
                    s.path() + " line " + line,
                    "the published export is not the one written again from the log",
                    abbreviate(p),
                    abbreviate(c));
        }
        return Problem.mismatch(
                ExportRule.EXP_DIFF,
                s.path() + " byte " + at,
                "the published export is not the one written again from the log",
                context(published, at),
                context(computed, at));
    }

    private static String lineAt(byte[] b, int start) {
        int end = start;
        while (end < b.length && b[end] != '\n') {
            end++;
        }
        return new String(
                b, Math.min(start, b.length), Math.max(0, end - Math.min(start, b.length)), StandardCharsets.UTF_8);
    }

    private static String context(byte[] b, int at) {
        int from = Math.max(0, at - 30);
        int to = Math.min(b.length, at + 30);
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    /** The cells of an RFC 4180 line. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    static Manifest parse(byte[] json) {
        Map<String, Object> root;
        try {
            root = JsonTree.asObject(JsonTree.parse(json));
        } catch (JsonTree.JsonError | ClassCastException e) {
            throw new IllegalArgumentException(e.getMessage() == null ? "not a JSON object" : e.getMessage());
        }
        if (!(root.get("checkpoint") instanceof String checkpoint)) {
            throw new IllegalArgumentException("no string 'checkpoint'");
        }
        if (!(root.get("treeSize") instanceof Long size)) {
            throw new IllegalArgumentException("no integer 'treeSize'");
        }
        if (!(root.get("root") instanceof String r)) {
            throw new IllegalArgumentException("no string 'root'");
        }
        if (!(root.get("files") instanceof Map<?, ?> files)) {
            throw new IllegalArgumentException("no object 'files'");
        }
        List<String> languages = new ArrayList<>();
        if (root.get("languages") instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof String s) || !s.matches("[a-z]{2,3}")) {
                    throw new IllegalArgumentException("'languages' holds something else than language codes");
                }
                languages.add(s);
            }
        } else {
            throw new IllegalArgumentException("no array 'languages'");
        }
        List<Map<String, Object>> exports = new ArrayList<>();
        if (root.get("exports") instanceof List<?> ex) {
            for (Object o : ex) {
                if (!(o instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException("'exports' holds something else than objects");
                }
                exports.add(JsonTree.asObject(o));
            }
        }
        for (var e : files.entrySet()) {
            if (!(e.getValue() instanceof String h) || !h.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("the hash of " + e.getKey() + " is not 64 hex digits");
            }
            String p = (String) e.getKey();
            if (p.isEmpty()
                    || p.startsWith("/")
                    || p.endsWith("/")
                    || p.contains("\\")
                    || p.contains("//")
                    || ("/" + p + "/").contains("/../")
                    || ("/" + p + "/").contains("/./")) {
                throw new IllegalArgumentException("the path '" + p + "' leaves the mirror");
            }
        }
        return new Manifest(checkpoint, size, r, languages, exports, JsonTree.asObject(files));
    }

    private static void add(CheckResult.Findings f, Problem m) {
        synchronized (f) {
            f.add(m);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while reading the mirror");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
