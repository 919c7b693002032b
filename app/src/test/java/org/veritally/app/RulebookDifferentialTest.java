package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritally.core.entry.AnnouncementEntry;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.KeyEntry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.entry.SourceEntry;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Correction;
import org.veritally.core.model.Source;
import org.veritally.core.model.SourceKind;
import org.veritally.core.model.Station;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Problem;
import org.veritally.formats.Definition;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.generate.SyntheticElection;
import org.veritally.formats.replay.LogReplay;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.server.intake.Outcome;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * The promise of the one rulebook, tested differentially: a seeded generator submits a mix of valid
 * entries and entries that break every rule (each rule ID, repeats, conflicts, wrong supersedes,
 * bad and missing signatures, duplicate announcements, redeclared catalogue and sources) through
 * the real intake of a real data directory. Every entry intake refuses is then forced into a copy
 * of the log behind the sequencer's back, and the verifier's replay ({@link LogReplay}, what
 * {@code verify} runs for VFY-ENTRIES) must fail on it with exactly the same rule IDs; every entry
 * intake answered idempotently must fail as LOG-REPEAT; and the log the sequencer wrote must
 * verify, first by replay, then with {@code publish} and {@code verify} from the command line.
 * Seed: {@code -Dveritally.seed=N} (default fixed), printed.
 */
class RulebookDifferentialTest {
    static final long SEED = Long.getLong("veritally.seed", 20_261_207L);
    static final int STEPS = Integer.getInteger("veritally.differential.steps", 700);

    @TempDir
    Path dir;

    /** What intake said of one submission: the entries it would stand for, and its verdict. */
    record Said(String kind, List<Entry> entries, List<String> refusedWith, boolean repeat, boolean appended) {}

    /**
     * The bytes of a refused entry as a log would hold them. A sheet's votes are keyed by its
     * contest's choices, so a sheet for an unknown contest or with a choice missing has no encoding
     * of its own: it is written as the sheet it was made from, with the contest renamed or the last
     * choice dropped.
     */
    static byte[] forcedBytes(Instance in, Said s, Entry e) {
        if (e instanceof SheetEntry se
                && (s.kind().equals("TS-CONTEST") || s.kind().equals("TS-CHOICE"))) {
            TallySheet t = se.sheet();
            long[] votes = java.util.Arrays.copyOf(t.votes(), 3);
            String contest = s.kind().equals("TS-CONTEST") ? "C1" : t.contestId();
            String json = new String(
                    in.state()
                            .codec()
                            .encode(new SheetEntry(new TallySheet(
                                    t.stationId(), contest, t.sourceId(), t.counts(), votes, t.correction()))),
                    java.nio.charset.StandardCharsets.UTF_8);
            json = s.kind().equals("TS-CONTEST")
                    ? json.replace("\"contest\":\"C1\"", "\"contest\":\"" + t.contestId() + "\"")
                    : json.replaceFirst(",\"" + contest + "-L3\":\\d+", "");
            return json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return in.state().codec().encode(e);
    }

    @Test
    void everyRefusalFailsVerifyWithTheSameRuleAndEveryWrittenLogVerifies() {
        System.out.println("RulebookDifferentialTest seed=" + SEED + " steps=" + STEPS);
        SplittableRandom r = new SplittableRandom(SEED);
        Definition full = new SyntheticElection(120, 2, 3, 3, SEED).definition();
        // the last 8 stations are declared later, after sheets: catalogue entries may follow sheets
        int early = full.stations().size() - 8;
        Definition first =
                new Definition(full.election(), full.units(), full.stations().subList(0, early), full.sources());
        Map<String, Integer> triggered = new TreeMap<>();
        int forced = 0;
        try (Instance in = Instance.open(dir.resolve("data"))) {
            assertThat(in.define().define(first, "cli", "definition").problems())
                    .isEmpty();
            Gen g = new Gen(in, full, early, r);
            for (int step = 0; step < STEPS; step++) {
                Said s = g.next(step);
                for (String rule : s.refusedWith()) triggered.merge(rule, 1, Integer::sum);
                if (s.repeat()) triggered.merge("LOG-REPEAT", 1, Integer::sum);
                if (s.refusedWith().isEmpty() && !s.repeat()) continue;
                // force what intake refused (or answered idempotently) into a copy of the log
                List<byte[]> log = new ArrayList<>();
                for (var row : in.store().readLog(0, Integer.MAX_VALUE)) log.add(row.body());
                for (Entry e : s.entries()) log.add(forcedBytes(in, s, e));
                List<Problem> found = replay(log, log.size() - s.entries().size());
                var foundIds = found.stream().map(p -> p.rule().id()).collect(Collectors.toCollection(TreeSet::new));
                var expected = s.repeat() ? new TreeSet<>(List.of("LOG-REPEAT")) : new TreeSet<>(s.refusedWith());
                assertThat(foundIds)
                        .as(
                                "step %d (%s), seed %d: intake said %s, the replay found %s",
                                step, s.kind(), SEED, expected, found)
                        .isEqualTo(expected);
                forced++;
            }
            // the log the sequencer wrote verifies entry by entry
            List<byte[]> log = new ArrayList<>();
            for (var row : in.store().readLog(0, Integer.MAX_VALUE)) log.add(row.body());
            assertThat(replay(log, 0))
                    .as("seed %d: the written log replays without a finding", SEED)
                    .isEmpty();
            System.out.println("log of " + log.size() + " entries; " + forced
                    + " refusals forced into copies; rules triggered: " + triggered);
        }
        // every rule the rulebook can refuse an entry by was triggered, and each one was matched by verify
        assertThat(triggered.keySet())
                .as("seed %d", SEED)
                .containsAll(List.of(
                        "TS-SOURCE",
                        "TS-STATION",
                        "TS-CONTEST",
                        "TS-CHOICE",
                        "TS-SUM",
                        "TS-BALLOTS",
                        "TS-REG",
                        "TS-CONFLICT",
                        "TS-CORRECTION",
                        "AUTH-SIG",
                        "AN-CONTEST",
                        "AN-CANDIDATE",
                        "AN-DUP",
                        "KEY-FORMAT",
                        "KEY-SOURCE",
                        "KEY-ROTATE",
                        "CAT-UNIT",
                        "CAT-STATION",
                        "SRC-KIND",
                        "EV-STATION",
                        "EV-CONTEST",
                        "EV-SOURCE",
                        "EV-DUP",
                        "EV-CITE",
                        "LOG-REPEAT"));
        // and the whole chain: publish the written log and verify it offline; its evidence entries name
        // photos that no blob store holds (PUB-EVIDENCE), so it is published without them, saying so
        Path data = dir.resolve("data");
        VerifyFixture.Run refused = VerifyFixture.run(
                "publish",
                "--data",
                data.toString(),
                "--out",
                dir.resolve("refused").toString());
        assertThat(refused.code()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.err()).contains("PUB-EVIDENCE");
        VerifyFixture.ok(
                "publish",
                "--data",
                data.toString(),
                "--out",
                dir.resolve("pub").toString(),
                "--without-evidence");
        VerifyFixture.Run key = VerifyFixture.run("log-key", "--data", data.toString());
        String vkey = key.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        VerifyFixture.Run v = VerifyFixture.run("verify", dir.resolve("pub").toString(), "--key", vkey);
        assertThat(v.code()).as(v.toString()).isZero();
        assertThat(v.out()).contains("VERIFIED").contains("published WITHOUT evidence");
    }

    /** The problems the verifier's replay finds at entries {@code from} on (none may come earlier). */
    static List<Problem> replay(List<byte[]> log, int from) {
        LogReplay replay = new LogReplay();
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            List<Problem> ps = replay.accept(log.get(i));
            if (i < from)
                assertThat(ps).as("entry %d, before the forced ones", i).isEmpty();
            else out.addAll(ps);
        }
        return out;
    }

    /** The seeded generator of submissions, valid and invalid, and the intake they go through. */
    static final class Gen {
        final Instance in;
        final Definition full;
        final SplittableRandom r;
        final List<Station> stations;
        final List<String> sources = List.of("authority", "party-a", "observer-1");
        final NoteSigner witnessKey;
        final NoteSigner strangerKey;
        int declared;
        boolean partySigns;
        int announcements;
        int evidences;

        Gen(Instance in, Definition full, int declared, SplittableRandom r) {
            this.in = in;
            this.full = full;
            this.r = r;
            this.stations = full.stations();
            this.declared = declared;
            byte[] seed = new byte[32];
            for (int i = 0; i < 32; i++) seed[i] = (byte) r.nextInt(256);
            witnessKey = NoteSigner.of("wit-a", VerifierKey.TYPE_ED25519, seed);
            for (int i = 0; i < 32; i++) seed[i] = (byte) r.nextInt(256);
            strangerKey = NoteSigner.of("wit-a", VerifierKey.TYPE_ED25519, seed);
            in.accounts().create("wit-a", Role.WITNESS, "party-a", Optional.empty());
            in.accounts().create("wit-b", Role.WITNESS, "party-a", Optional.empty());
            in.accounts().create("ghost", Role.WITNESS, "ghost-party", Optional.empty());
        }

        Said next(int step) {
            if (step == STEPS / 2 && !partySigns)
                return key("wit-a", "party-a", witnessKey.verifierKey().encode(), "key");
            // the operator's swap (issue 16): its own key for the signing party's witness, then for a second account
            if (step == STEPS / 2 + 1 && partySigns)
                return key("wit-a", "party-a", strangerKey.verifierKey().encode(), "KEY-ROTATE");
            if (step == STEPS / 2 + 2 && partySigns)
                return key("wit-b", "party-a", strangerKey.verifierKey().encode(), "KEY-ROTATE");
            if (step == STEPS / 3 && declared < stations.size()) return laterStations();
            int k = r.nextInt(100);
            if (k < 40) return sheet(validSheet(), "valid sheet");
            if (k < 46) return repeat();
            if (k < 52) return conflict();
            if (k < 58) return correction(true);
            if (k < 61) return correction(false);
            if (k < 75) return brokenSheet();
            if (k < 82) return signed();
            if (k < 86) return announcement();
            if (k < 93) return evidence();
            if (k < 96) return badKey();
            return badDefinition();
        }

        Station station() {
            return stations.get(r.nextInt(declared));
        }

        String contest() {
            return "C" + (1 + r.nextInt(2));
        }

        TallySheet sheet(Station st, String contest, String source, Optional<Correction> corr) {
            long[] votes = new long[3];
            long valid = 0;
            for (int i = 0; i < 3; i++) valid += votes[i] = r.nextInt(60);
            long nulls = r.nextInt(5);
            return new TallySheet(
                    st.id(),
                    contest,
                    source,
                    new SummaryCounts(SummaryCounts.ABSENT, valid + nulls, valid, nulls, SummaryCounts.ABSENT),
                    votes,
                    corr);
        }

        TallySheet validSheet() {
            String src = partySigns ? (r.nextBoolean() ? "authority" : "observer-1") : sources.get(r.nextInt(3));
            return sheet(station(), contest(), src, Optional.empty());
        }

        /** A current copy of a source that does not sign, if the generator finds one. */
        Optional<LogReplay.CurrentSheet> current() {
            for (int tries = 0; tries < 20; tries++) {
                int src = r.nextInt(3);
                if (partySigns && src == 1) continue;
                var st = station();
                int s = in.state().catalogue().stationIndex(st.id());
                int c = r.nextInt(2);
                long idx = in.state().sheets().get(org.veritally.core.reconcile.CopyKey.of(s, c, src));
                if (idx >= 0) {
                    var entry = (SheetEntry) in.state()
                            .codec()
                            .decode(in.store().readLog(idx, 1).get(0).body(), "x", new ArrayList<>())
                            .orElseThrow();
                    return Optional.of(new LogReplay.CurrentSheet(idx, entry.sheet()));
                }
            }
            return Optional.empty();
        }

        Said repeat() {
            return current().map(c -> sheet(c.sheet(), "repeat")).orElseGet(() -> sheet(validSheet(), "valid sheet"));
        }

        Said conflict() {
            return current()
                    .map(c -> {
                        TallySheet s = c.sheet();
                        long[] v = s.votes();
                        v[0]++;
                        var k = s.counts();
                        TallySheet other = new TallySheet(
                                s.stationId(),
                                s.contestId(),
                                s.sourceId(),
                                new SummaryCounts(
                                        k.registered(), k.ballotsCast() + 1, k.valid() + 1, k.nulls(), k.blank()),
                                v,
                                Optional.empty());
                        return sheet(other, "conflict");
                    })
                    .orElseGet(() -> sheet(validSheet(), "valid sheet"));
        }

        Said correction(boolean right) {
            return current()
                    .map(c -> {
                        TallySheet s = c.sheet();
                        long sup = right ? c.index() : c.index() + 1 + r.nextInt(3);
                        Station st = stations.get(in.state().catalogue().stationIndex(s.stationId()));
                        return sheet(
                                sheet(
                                        st,
                                        s.contestId(),
                                        s.sourceId(),
                                        Optional.of(new Correction(sup, "recount of the table"))),
                                right ? "correction" : "correction with wrong supersedes");
                    })
                    .orElseGet(() -> sheet(validSheet(), "valid sheet"));
        }

        Said brokenSheet() {
            TallySheet s = validSheet();
            var k = s.counts();
            long[] v = s.votes();
            return switch (r.nextInt(8)) {
                case 0 ->
                    sheet(
                            new TallySheet(
                                    s.stationId(),
                                    s.contestId(),
                                    s.sourceId(),
                                    new SummaryCounts(
                                            k.registered(), k.ballotsCast() + 1, k.valid() + 1, k.nulls(), k.blank()),
                                    v,
                                    Optional.empty()),
                            "TS-SUM");
                case 1 ->
                    sheet(
                            new TallySheet(
                                    s.stationId(),
                                    s.contestId(),
                                    s.sourceId(),
                                    new SummaryCounts(
                                            k.registered(), k.ballotsCast() + 3, k.valid(), k.nulls(), k.blank()),
                                    v,
                                    Optional.empty()),
                            "TS-BALLOTS");
                case 2 -> {
                    long huge = 5_000;
                    long[] w = {huge, 0, 0};
                    yield sheet(
                            new TallySheet(
                                    s.stationId(),
                                    s.contestId(),
                                    s.sourceId(),
                                    new SummaryCounts(SummaryCounts.ABSENT, huge, huge, 0, SummaryCounts.ABSENT),
                                    w,
                                    Optional.empty()),
                            "TS-REG");
                }
                case 3 ->
                    sheet(
                            new TallySheet("NO-SUCH-STATION", s.contestId(), s.sourceId(), k, v, Optional.empty()),
                            "TS-STATION");
                case 4 ->
                    sheet(new TallySheet(s.stationId(), "C9", s.sourceId(), k, v, Optional.empty()), "TS-CONTEST");
                case 5 ->
                    sheet(
                            new TallySheet(
                                    s.stationId(),
                                    s.contestId(),
                                    s.sourceId(),
                                    new SummaryCounts(
                                            k.registered(),
                                            k.ballotsCast() - v[2],
                                            k.valid() - v[2],
                                            k.nulls(),
                                            k.blank()),
                                    new long[] {v[0], v[1]},
                                    Optional.empty()),
                            "TS-CHOICE");
                case 6 -> sheet(s.citing(hash()), "EV-CITE"); // a photo never filed for this station
                default ->
                    sheet(
                            new TallySheet(s.stationId(), s.contestId(), "no-such-source", k, v, Optional.empty()),
                            "TS-SOURCE");
            };
        }

        Said signed() {
            TallySheet s = sheet(station(), contest(), "party-a", Optional.empty());
            byte[] message = in.state().codec().signedMessage(s, "wit-a");
            return switch (r.nextInt(4)) {
                case 0 ->
                    sheet(s, Optional.of(new SheetSignature("wit-a", witnessKey.signBytes(message))), "signed sheet");
                case 1 ->
                    sheet(
                            s,
                            Optional.of(new SheetSignature("wit-a", strangerKey.signBytes(message))),
                            "forged signature");
                case 2 ->
                    sheet(
                            s,
                            Optional.of(new SheetSignature(
                                    "wit-b",
                                    witnessKey.signBytes(in.state().codec().signedMessage(s, "wit-b")))),
                            "signer without a key");
                default -> sheet(s, "unsigned party sheet");
            };
        }

        Said announcement() {
            String contest = contest();
            int kind = r.nextInt(6);
            String id = kind == 3 && announcements > 0
                    ? "bulletin-" + r.nextInt(announcements)
                    : "bulletin-" + announcements++;
            Map<String, Long> candidates = new TreeMap<>(
                    Map.of(contest + "-K1", (long) r.nextInt(1000), contest + "-K2", (long) r.nextInt(1000)));
            if (kind == 1) candidates.put(contest + "-K9", 5L);
            Announcement a = new Announcement(
                    id,
                    "Bulletin",
                    "2026-12-07T20:00:00Z",
                    kind == 2 ? "C9" : contest,
                    OptionalLong.of(8_000),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    candidates,
                    OptionalLong.empty());
            if (kind == 4 && announcements > 1) {
                var existing = in.state().announcements();
                if (!existing.isEmpty())
                    a = existing.get(r.nextInt(existing.size())).announcement(); // the same again: idempotent
            }
            return entry(new AnnouncementEntry(a), "announcement");
        }

        /** Evidence: fresh, the same again, the same bytes with other details or for another station, or broken. */
        Said evidence() {
            var filed = new ArrayList<org.veritally.core.rulebook.LedgerView.Filed>();
            for (var row : in.store().readLog(0, Integer.MAX_VALUE)) {
                if (row.kind().equals("evidence")) {
                    var e = in.state()
                            .codec()
                            .decode(row.body(), "x", new ArrayList<>())
                            .orElseThrow();
                    filed.add(new org.veritally.core.rulebook.LedgerView.Filed(
                            row.idx(), (org.veritally.core.entry.EvidenceEntry) e));
                }
            }
            int kind = evidences++ % 8; // each variant in turn, so every rule is reached whatever the seed
            String src = partySigns ? (r.nextBoolean() ? "authority" : "observer-1") : sources.get(r.nextInt(3));
            var fresh = evidence(hash(), station().id(), Optional.of(contest()), src, List.of());
            if (kind == 1 && !filed.isEmpty()) {
                var again = filed.get(r.nextInt(filed.size())).entry();
                if (again.signature().isEmpty()) return entry(again, "evidence again");
            }
            if (kind == 2 && !filed.isEmpty()) {
                var before = filed.get(r.nextInt(filed.size())).entry().evidence();
                if (before.sourceId().equals("party-a") && partySigns) return entry(fresh, "evidence");
                var other = evidence(
                        before.original().sha256(),
                        before.stationId(),
                        before.contestId(),
                        before.sourceId(),
                        List.of(new org.veritally.core.evidence.MachineRead("qr", "other " + r.nextInt(1000))));
                return entry(other, "EV-DUP");
            }
            if (kind == 3 && !filed.isEmpty()) {
                var before = filed.get(r.nextInt(filed.size())).entry().evidence();
                return entry(
                        evidence(before.original().sha256(), station().id(), Optional.empty(), src, List.of()),
                        "EV-SAME (a flag)");
            }
            if (kind == 4)
                return entry(evidence(hash(), "NO-SUCH-STATION", Optional.empty(), src, List.of()), "EV-STATION");
            if (kind == 5)
                return entry(evidence(hash(), station().id(), Optional.of("C9"), src, List.of()), "EV-CONTEST");
            if (kind == 6)
                return entry(evidence(hash(), station().id(), Optional.empty(), "ghost-party", List.of()), "EV-SOURCE");
            if (kind == 7) {
                var ev = evidence(hash(), station().id(), Optional.empty(), "party-a", List.of())
                        .evidence();
                byte[] message = org.veritally.formats.entry.EvidenceJson.signedMessage(ev, "wit-a");
                return r.nextBoolean()
                        ? entry(
                                new org.veritally.core.entry.EvidenceEntry(
                                        ev, Optional.of(new SheetSignature("wit-a", witnessKey.signBytes(message)))),
                                "signed evidence")
                        : entry(
                                new org.veritally.core.entry.EvidenceEntry(
                                        ev, Optional.of(new SheetSignature("wit-a", strangerKey.signBytes(message)))),
                                "forged evidence signature");
            }
            return entry(fresh, "evidence");
        }

        String hash() {
            var sb = new StringBuilder();
            for (int i = 0; i < 64; i++) sb.append(Character.forDigit(r.nextInt(16), 16));
            return sb.toString();
        }

        org.veritally.core.entry.EvidenceEntry evidence(
                String sha,
                String station,
                Optional<String> contest,
                String source,
                List<org.veritally.core.evidence.MachineRead> reads) {
            var original = new org.veritally.core.evidence.Blob(sha, 1 + r.nextInt(3_000_000), "image/jpeg");
            var publicCopy = new org.veritally.core.evidence.Blob(hash(), 1 + r.nextInt(1_000_000), "image/jpeg");
            return new org.veritally.core.entry.EvidenceEntry(new org.veritally.core.evidence.Evidence(
                    original,
                    Optional.of(publicCopy),
                    station,
                    contest,
                    source,
                    "admin",
                    Optional.empty(),
                    OptionalLong.of(r.nextLong()),
                    reads));
        }

        Said badKey() {
            return r.nextBoolean()
                    ? key("wit-b", "party-a", "not-a-key", "KEY-FORMAT")
                    : key("ghost", "ghost-party", strangerKey.verifierKey().encode(), "KEY-SOURCE");
        }

        Said key(String account, String source, String vkey, String kind) {
            Said s = entry(new KeyEntry(account, source, vkey), kind);
            if (s.appended() && source.equals("party-a")) partySigns = true;
            return s;
        }

        Said laterStations() {
            List<Station> more = stations.subList(declared, stations.size());
            Definition d = new Definition(full.election(), List.of(), more, List.of());
            var res = in.define().define(d, "cli", "later stations");
            assertThat(res.problems()).isEmpty();
            declared = stations.size();
            return new Said("later stations", List.of(), List.of(), false, true);
        }

        Said badDefinition() {
            Station st = station();
            Unit leaf = in.state().catalogue().unit(st.unitId()).orElseThrow();
            return switch (r.nextInt(4)) {
                case 0 -> {
                    Station changed =
                            new Station(st.id(), st.name() + " (renamed)", st.unitId(), st.registeredVoters());
                    yield define(
                            new Definition(full.election(), List.of(), List.of(changed), List.of()),
                            new CatalogueEntry(List.of(), List.of(changed)),
                            "CAT-STATION");
                }
                case 1 -> {
                    Unit orphan = new Unit("ORPHAN-" + r.nextInt(1000), "Orphan", leaf.level() + 1, "NO-SUCH-UNIT");
                    yield define(
                            new Definition(full.election(), List.of(orphan), List.of(), List.of()),
                            new CatalogueEntry(List.of(orphan), List.of()),
                            "CAT-UNIT");
                }
                case 2 -> {
                    Source again = new Source("party-a", "Another name", SourceKind.WITNESS);
                    yield define(
                            new Definition(full.election(), List.of(), List.of(), List.of(again)),
                            new SourceEntry(again),
                            "SRC-KIND");
                }
                default -> {
                    Source second = new Source("authority-2", "A second authority", SourceKind.AUTHORITY);
                    yield define(
                            new Definition(full.election(), List.of(), List.of(), List.of(second)),
                            new SourceEntry(second),
                            "SRC-KIND");
                }
            };
        }

        Said define(Definition d, Entry forced, String kind) {
            var res = in.define().define(d, "cli", "definition");
            return new Said(kind, List.of(forced), ids(res.problems()), false, res.entriesAppended() > 0);
        }

        Said sheet(TallySheet s, String kind) {
            return sheet(s, Optional.empty(), kind);
        }

        Said sheet(TallySheet s, Optional<SheetSignature> sig, String kind) {
            Outcome o = in.sequencer()
                    .submit(
                            List.of(new SheetRow("row", Optional.of(s), List.of(), sig)),
                            "cli",
                            DuplicateRows.none(),
                            true);
            boolean repeat = !o.accepted().isEmpty() && o.accepted().get(0).idempotent();
            return new Said(kind, List.of(new SheetEntry(s, sig)), ids(o.rejected()), repeat, o.written());
        }

        Said entry(Entry e, String kind) {
            Outcome o = in.submitEntry(e, "admin", "entry");
            boolean repeat = !o.accepted().isEmpty() && o.accepted().get(0).idempotent();
            return new Said(kind, List.of(e), ids(o.rejected()), repeat, o.written());
        }

        static List<String> ids(List<Problem> ps) {
            return ps.stream().map(p -> p.rule().id()).distinct().toList();
        }
    }
}
