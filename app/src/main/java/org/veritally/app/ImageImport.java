package org.veritally.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.veritally.core.evidence.MachineRead;
import org.veritally.core.reconcile.CopyKey;
import org.veritally.core.validation.Problem;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.qr.QrPayloads;
import org.veritally.formats.qr.VeActaQr;
import org.veritally.server.Instance;
import org.veritally.server.evidence.Filed;
import org.veritally.server.evidence.Filing;
import org.veritally.server.evidence.QrMachineReader;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.server.intake.Outcome;

/**
 * {@code import --format images}: a folder of photos of tally sheets, each filed as evidence of one
 * source (docs/evidence.md). A photo's station comes from its QR code (a Venezuelan acta, a Brazilian
 * boletim), else from its file name with {@code --station-pattern} (the first group, or the group named
 * {@code station}). A Venezuelan acta's QR also becomes the source's machine-read copy of that sheet,
 * citing the photo (its {@code evidence} member), when the source has none; where the source already
 * has a copy with other numbers, the photo is listed as differing, and both stay (the station page
 * shows the photo beside the numbers). Photos with no readable code and no station from their name
 * are listed for people to transcribe. Not thread-safe.
 */
final class ImageImport {
    private final Instance in;
    private final String source;
    private final Optional<Pattern> stationPattern;
    private final QrMachineReader reader = QrMachineReader.thorough();
    final List<Problem> refused = new ArrayList<>();
    final List<String> undecoded = new ArrayList<>();
    final List<String> unplaced = new ArrayList<>();
    final List<String> differing = new ArrayList<>();
    final Map<String, Integer> formats = new TreeMap<>();
    int photos;
    int decoded;
    int filed;
    int copies;

    private final Optional<org.veritally.formats.qr.BoletimKeys> boletimKeys;
    /** Every boletim part read, across photos: a boletim's parts may be on several photos. */
    private final List<org.veritally.formats.qr.BoletimPayloads.Located> boletimParts = new ArrayList<>();

    ImageImport(
            Instance in,
            String source,
            Optional<Pattern> stationPattern,
            Optional<org.veritally.formats.qr.BoletimKeys> boletimKeys) {
        this.in = in;
        this.source = source;
        this.stationPattern = stationPattern;
        this.boletimKeys = boletimKeys;
    }

    /** The photos under {@code paths} (files, or folders walked in name order; hidden files skipped). */
    static List<Path> photos(List<Path> paths) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                out.add(p);
                continue;
            }
            try (Stream<Path> s = Files.walk(p)) {
                s.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    void run(List<Path> photos) throws IOException {
        var intake = in.evidenceIntake();
        var builder = new ProgressBarBuilder()
                .setTaskName("photos")
                .setInitialMax(photos.size())
                .continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err));
        try (ProgressBar bar = System.console() != null ? builder.build() : null) {
            for (Path f : photos) {
                one(intake, f);
                if (bar != null) bar.step();
            }
        }
        boletins();
    }

    /**
     * The boletins whose parts the photos held, reassembled across photos in any order and verified (hash chain,
     * the TSE's Ed25519 signature, arithmetic) with {@code --keys}: each verified one becomes the source's copy.
     */
    private void boletins() {
        if (boletimParts.isEmpty()) return;
        if (boletimKeys.isEmpty()) {
            System.out.printf(
                    "%,d boletim code(s) read and kept as evidence; give --keys DIR to verify them and make sheets%n",
                    boletimParts.size());
            return;
        }
        var reading = org.veritally.formats.qr.BrBuQr.read(boletimParts, boletimKeys.get());
        refused.addAll(reading.problems());
        var rows = org.veritally.formats.qr.BrBuElection.sheets(
                reading.verified(), in.state().requireElection(), source);
        Outcome o = in.sequencer().submit(rows, "cli", new DuplicateRows(), false);
        refused.addAll(o.rejected());
        copies += (int) o.accepted().stream().filter(a -> !a.idempotent()).count();
    }

    private void one(org.veritally.server.evidence.EvidenceIntake intake, Path f) throws IOException {
        photos++;
        String name = f.getFileName().toString();
        byte[] bytes = Files.readAllBytes(f);
        var type = org.veritally.image.MediaSniffer.sniff(bytes);
        if (type.isEmpty() || !type.get().accepted()) {
            refused.add(new Problem(
                    org.veritally.image.ImageRule.EV_TYPE,
                    name,
                    "not a JPEG, PNG, WebP or PDF"
                            + type.map(t -> " (" + t.mime() + ")").orElse("")));
            return;
        }
        List<MachineRead> reads = reader.read(bytes);
        if (reads.isEmpty()) undecoded.add(name);
        else decoded++;
        for (MachineRead r : reads) formats.merge(r.format(), 1, Integer::sum);
        Optional<String> station = QrPayloads.station(reads).or(() -> fromName(name));
        if (station.isEmpty()) {
            unplaced.add(name);
            return;
        }
        Filed r = intake.file(
                bytes, new Filing(station.get(), Optional.empty(), source, "cli", Optional.empty()), reads, name);
        if (!r.accepted()) {
            refused.addAll(r.problems());
            return;
        }
        filed++;
        for (MachineRead read : reads) {
            if (read.format().equals(VeActaQr.FORMAT))
                machineCopy(read, name, r.evidence().original().sha256());
            if (read.format().equals(org.veritally.formats.qr.BrBuQr.FORMAT))
                boletimParts.add(new org.veritally.formats.qr.BoletimPayloads.Located(read.payload(), name));
        }
    }

    private Optional<String> fromName(String name) {
        if (stationPattern.isEmpty()) return Optional.empty();
        var m = stationPattern.get().matcher(name);
        if (!m.find()) return Optional.empty();
        try {
            return Optional.ofNullable(m.group("station"));
        } catch (IllegalArgumentException noNamedGroup) {
            return Optional.ofNullable(m.groupCount() >= 1 ? m.group(1) : m.group());
        }
    }

    /** The acta's numbers as the source's copy, where it has none; listed where its copy differs. */
    private void machineCopy(MachineRead read, String name, String photo) {
        SheetRow parsed = VeActaQr.parse(read.payload(), source, name + " QR");
        if (parsed.sheet().isEmpty()) {
            refused.addAll(parsed.problems());
            return;
        }
        var s = parsed.sheet().get().citing(photo); // the copy names the photo it was read from
        SheetRow row = new SheetRow(parsed.location(), Optional.of(s), parsed.problems());
        var st = in.state();
        int station = st.catalogue().stationIndex(s.stationId());
        int contest = st.requireElection().contestIndex(s.contestId());
        int src = st.tabulation().sourceIndex(source);
        if (station < 0 || contest < 0 || src < 0) return; // EV-STATION was reported when the photo was filed
        long current = st.sheets().get(CopyKey.of(station, contest, src));
        Outcome o = in.sequencer().submit(List.of(row), "cli", DuplicateRows.none(), true);
        if (current >= 0 && !o.rejected().isEmpty()) {
            differing.add(name + ": the QR's numbers differ from source " + source + "'s copy at log index " + current);
            return;
        }
        refused.addAll(o.rejected());
        if (o.rejected().isEmpty() && !o.accepted().get(0).idempotent()) copies++;
    }

    void report() {
        System.out.printf(
                "photos %,d: filed %,d; QR read in %,d %s, no readable code in %,d; machine-read copies added %,d; "
                        + "differing from the source's copy %,d; without a station (not filed) %,d; %,d problem(s)%n",
                photos,
                filed,
                decoded,
                formats,
                undecoded.size(),
                copies,
                differing.size(),
                unplaced.size(),
                refused.size());
        differing.forEach(d -> System.out.println("differs: " + d));
        undecoded.forEach(u -> System.out.println("no readable code (to transcribe): " + u));
        unplaced.forEach(u -> System.out.println("no station (not filed): " + u));
    }

    boolean clean() {
        return refused.isEmpty() && unplaced.isEmpty();
    }
}
