package org.veritally.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.validation.Problem;
import org.veritally.formats.replay.LogReplay;

/**
 * {@code VFY-EVIDENCE} (docs/verify.md; docs/evidence.md "In the mirror, and what verify checks"):
 * every public copy of a photo that the replayed log names is published at {@code evidence/<sha256>}
 * (EVD-MISSING, unless the publication holds {@value #WITHHELD}, saying it was published without
 * them), with the size (EVD-SIZE) and SHA-256 (EVD-HASH) the log names; where the host can list its
 * files, or the mirror's manifest lists them, no other file is under {@code evidence/}
 * (EVD-UNNAMED). Each image is hashed as a stream ({@link PublishedLog#digest}), never decoded, on
 * {@link PublishedLog#parallelism()} threads; the mismatches are listed in log order. The digests
 * are handed on, so that the manifest check does not read the images again. Stateless.
 */
final class EvidenceCheck {
    static final String FOLDER = "evidence/";
    static final String WITHHELD = "evidence-withheld.txt";
    private static final int CHUNK = 16;

    private EvidenceCheck() {}

    /**
     * The check's result, if it is to be made (the log names evidence, or the publication carries
     * some), and the digests of the files read (path to hex SHA-256).
     */
    record Outcome(Optional<CheckResult> result, Map<String, String> digests) {}

    /**
     * Checks the published images against the evidence of {@code replay}.
     *
     * @param listed the files under {@code evidence/} that a mirror's manifest lists, for a host that
     *     cannot list its files
     */
    static Outcome run(PublishedLog log, Optional<LogReplay> replay, Optional<List<String>> listed) {
        Optional<List<String>> files = log.list(FOLDER).or(() -> listed);
        boolean withheld = log.read(WITHHELD).isPresent();
        boolean carries = withheld || files.map(f -> !f.isEmpty()).orElse(false);
        if (replay.isEmpty()) {
            return new Outcome(
                    carries
                            ? Optional.of(CheckResult.skip(
                                    Check.VFY_EVIDENCE,
                                    "cannot tell which images the log names: not every entry could be read or "
                                            + "replayed (see VFY-LEAVES, VFY-ENTRIES)"))
                            : Optional.empty(),
                    Map.of());
        }
        Map<String, Evidence> named = new LinkedHashMap<>();
        for (Evidence e : replay.get().evidence()) {
            e.publicCopy().ifPresent(b -> named.putIfAbsent(b.sha256(), e));
        }
        if (named.isEmpty() && !carries) {
            return new Outcome(Optional.empty(), Map.of());
        }
        CheckResult.Findings f = new CheckResult.Findings(Check.VFY_EVIDENCE);
        Map<String, String> digests = new ConcurrentHashMap<>();
        AtomicLong present = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        List<String> shas = new ArrayList<>(named.keySet());
        Problem[] found = new Problem[shas.size()]; // by image, so that the report is in log order whatever the threads
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, log.parallelism()), r -> {
            Thread t = new Thread(r, "verify-evidence");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < shas.size(); i += CHUNK) {
                int from = i;
                int to = Math.min(shas.size(), i + CHUNK);
                tasks.add(pool.submit(() -> {
                    for (int k = from; k < to; k++) {
                        found[k] = image(log, replay.get(), named, shas.get(k), withheld, digests, present, bytes);
                    }
                    return null;
                }));
            }
            for (Future<?> t : tasks) {
                join(t);
            }
        } finally {
            pool.shutdownNow();
        }
        for (Problem p : found) {
            if (p != null) {
                f.add(p);
            }
        }
        files.ifPresent(all -> {
            for (String p : all) {
                String name = p.substring(Math.min(p.length(), FOLDER.length()));
                if (!p.startsWith(FOLDER) || !named.containsKey(name)) {
                    f.add(new Problem(
                            EvidenceRule.EVD_UNNAMED,
                            p,
                            "a file under evidence/ that the log does not name as the public copy of any photo"));
                }
            }
        });
        String listedNote = files.isPresent() ? "" : " (the host cannot list its files: extra files not sought)";
        String pass = withheld
                ? String.format(
                        Locale.ROOT,
                        "published WITHOUT evidence (%s): %,d of the %,d image(s) the log names are here, each "
                                + "the public copy it names%s",
                        WITHHELD,
                        present.get(),
                        named.size(),
                        listedNote)
                : String.format(
                        Locale.ROOT,
                        "%,d image(s) (%,d bytes) are the public copies the log names, by SHA-256 and size%s",
                        present.get(),
                        bytes.get(),
                        listedNote);
        return new Outcome(
                Optional.of(f.result(pass, f.count() + " problem(s) with the published images of evidence")), digests);
    }

    /** Checks one image; returns what is wrong with it, or null. */
    private static Problem image(
            PublishedLog log,
            LogReplay replay,
            Map<String, Evidence> named,
            String sha,
            boolean withheld,
            Map<String, String> digests,
            AtomicLong present,
            AtomicLong bytes) {
        Evidence e = named.get(sha);
        Blob b = e.publicCopy().orElseThrow();
        String path = FOLDER + sha;
        String whose = " (station " + e.stationId() + ", evidence entry " + index(replay, e) + ")";
        Optional<PublishedLog.Digest> d = log.digest(path);
        if (d.isEmpty()) {
            return withheld
                    ? null
                    : new Problem(
                            EvidenceRule.EVD_MISSING,
                            path,
                            "the log names this public copy" + whose + ", which the publication lacks");
        }
        digests.put(path, d.get().sha256());
        present.incrementAndGet();
        bytes.addAndGet(d.get().size());
        if (d.get().sha256().equals(sha) && d.get().size() == b.size()) {
            return null;
        }
        Evidence other = named.get(d.get().sha256());
        String swapped = other == null
                ? ""
                : "; it holds the public copy of another photo (station " + other.stationId() + ", evidence entry "
                        + index(replay, other) + "): images swapped";
        if (d.get().size() != b.size()) {
            return Problem.mismatch(
                    EvidenceRule.EVD_SIZE,
                    path,
                    "the image's size is not that of the public copy the log names" + whose + swapped,
                    b.size() + " bytes",
                    d.get().size() + " bytes (SHA-256 " + d.get().sha256() + ")");
        }
        return Problem.mismatch(
                EvidenceRule.EVD_HASH,
                path,
                "the image's SHA-256 is not the one the log names" + whose + swapped,
                sha,
                d.get().sha256());
    }

    private static String index(LogReplay replay, Evidence e) {
        var filed = replay.evidence(e.original().sha256());
        return filed.isEmpty() ? "?" : Long.toString(filed.get(0).index());
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogUnavailableException("interrupted while reading the images of evidence");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
