package org.veritally.server.evidence;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.veritally.core.entry.EvidenceEntry;
import org.veritally.core.evidence.Blob;
import org.veritally.core.evidence.Evidence;
import org.veritally.core.evidence.MachineRead;
import org.veritally.image.Examination;
import org.veritally.image.Limits;
import org.veritally.image.Photo;
import org.veritally.server.Instance;
import org.veritally.server.intake.Outcome;

/**
 * Use case: file a photo or scan of a tally sheet (docs/evidence.md). In this order, so that an
 * acknowledged entry never names bytes that are not kept:
 *
 * <ol>
 *   <li>examine the bytes (EV-SIZE, EV-TYPE, EV-DECODE; the EXIF; the public copy without metadata;
 *       the perceptual hash) and read what a machine can (QR codes);
 *   <li>store the original and the public copy in the blob store (durable when it returns; the same
 *       bytes are stored once);
 *   <li>record the evidence entry through the rulebook (EV-STATION, EV-CONTEST, EV-SOURCE, AUTH-SIG,
 *       EV-DUP; the flag EV-SAME), on the sequencer.
 * </ol>
 *
 * Bytes of a filing the rulebook then refuses stay in the blob store unnamed by the log: they are
 * never published. Thread-safe.
 */
public final class EvidenceIntake {
    private final Instance instance;
    private final Limits limits;
    private final MachineReader reader;

    public EvidenceIntake(Instance instance, Limits limits, MachineReader reader) {
        this.instance = instance;
        this.limits = limits;
        this.reader = reader;
    }

    /** Files {@code bytes} as {@code filing} says; {@code location} names the input in problems. */
    public Filed file(byte[] bytes, Filing filing, String location) {
        return file(bytes, filing, Optional.empty(), location);
    }

    /**
     * As {@link #file(byte[], Filing, String)}, with what was already read from the photo (by an
     * importer that read it to find its station; possibly nothing) instead of reading it again.
     */
    public Filed file(byte[] bytes, Filing filing, List<MachineRead> alreadyRead, String location) {
        return file(bytes, filing, Optional.of(alreadyRead), location);
    }

    private Filed file(byte[] bytes, Filing filing, Optional<List<MachineRead>> alreadyRead, String location) {
        Examination x = Photo.examine(bytes, limits);
        if (x instanceof Examination.Refused r)
            return Filed.refused(r.problems().stream().map(p -> p.at(location)).toList());
        var ex = (Examination.Examined) x;
        List<MachineRead> reads =
                alreadyRead.orElseGet(() -> ex.picture().isPresent() ? reader.read(bytes) : List.of());
        var blobs = instance.blobs();
        blobs.put(bytes);
        Optional<Blob> publicCopy = Optional.empty();
        OptionalLong phash = OptionalLong.empty();
        if (ex.picture().isPresent()) {
            var p = ex.picture().get();
            String sha = blobs.put(p.publicCopy());
            publicCopy = Optional.of(new Blob(sha, p.publicCopy().length, p.publicMediaType()));
            phash = OptionalLong.of(p.perceptualHash());
        }
        Optional<String> captured = ex.exif()
                .captured()
                .map(t -> t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                        + ex.exif().capturedOffset().map(Object::toString).orElse(""));
        var evidence = new Evidence(
                new Blob(ex.sha256(), ex.size(), ex.mediaType().mime()),
                publicCopy,
                filing.station(),
                filing.contest(),
                filing.source(),
                filing.account(),
                captured,
                phash,
                reads);
        Outcome o = instance.submitEntry(new EvidenceEntry(evidence, filing.signature()), filing.account(), location);
        if (!o.rejected().isEmpty()) return Filed.refused(o.rejected());
        var a = o.accepted().get(0);
        return new Filed(List.of(), a.index(), a.idempotent(), evidence, a.flags());
    }
}
