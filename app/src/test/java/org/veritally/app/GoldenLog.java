package org.veritally.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.model.Announcement;
import org.veritally.core.model.Correction;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.formats.Definition;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.csv.SheetRow;
import org.veritally.formats.election.DefinitionJson;
import org.veritally.formats.entry.AnnouncementJson;
import org.veritally.server.Instance;
import org.veritally.server.auth.Role;
import org.veritally.server.intake.DuplicateRows;
import org.veritally.server.intake.Outcome;
import org.veritally.server.log.EvidenceCopies;
import org.veritally.server.log.LogKeys;
import org.veritally.server.log.LogView;
import org.veritally.server.log.Publisher;
import org.veritally.translog.Cosignature;
import org.veritally.translog.NoteSigner;
import org.veritally.translog.VerifierKey;

/**
 * Builds the golden published log (app/src/test/resources/golden-log, README.md there)
 * deterministically: a small election (7 stations in 6 units, 2 contests) with every kind of entry,
 * appended through the real intake use cases into a scratch SQLite data directory, cosigned by two
 * witnesses and written by the real {@code publish} ({@link Publisher}). Every key is derived from a
 * fixed seed (Ed25519 signatures are deterministic), the cosignatures carry a fixed time, and no
 * published byte depends on the clock (the entries' arrival times stay in the database), so two
 * runs give byte-identical files.
 */
public final class GoldenLog {
    /** The log's origin (its key's name). */
    public static final String ORIGIN = "golden.veritally.example/log";
    /** The time the witnesses cosign at (2026-07-29T12:00:00Z). */
    public static final long COSIGNED_AT = 1_785_326_400L;

    public static final String SIGNING_ACCOUNT = "cvzla-scan";

    private GoldenLog() {}

    static byte[] seed(String label) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("veritally golden log: " + label).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NoteSigner logKey() {
        return NoteSigner.of(ORIGIN, VerifierKey.TYPE_ED25519, seed("log key"));
    }

    public static List<NoteSigner> witnessKeys() {
        return List.of(
                NoteSigner.of("witness-a.example/w1", VerifierKey.TYPE_COSIGNATURE, seed("witness a")),
                NoteSigner.of("witness-b.example/w1", VerifierKey.TYPE_COSIGNATURE, seed("witness b")));
    }

    /**
     * The key of the account {@value #SIGNING_ACCOUNT}, which signs the witness source's sheets from its key entry on.
     */
    public static NoteSigner accountKey() {
        return NoteSigner.of(SIGNING_ACCOUNT, VerifierKey.TYPE_ED25519, seed("account cvzla-scan"));
    }

    static final List<String> PRES = List.of("NM", "LM", "JABE", "EM", "JOBR", "AE", "CF", "DC", "BERA", "EG");

    static String definition(boolean late) {
        var sb = new StringBuilder();
        sb.append("{\"id\":\"golden-2026\",\"name\":\"Golden election "
                        + "2026\",\"root\":\"N\",\"levels\":[\"nation\",\"state\",\"municipality\"],")
                .append("\"turnoutAllowance\":0,\"consensusMinSources\":2,\"contests\":[{\"id\":"
                        + "\"PRES\",\"name\":\"President\",\"candidates\":[");
        for (int i = 0; i < PRES.size(); i++)
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(PRES.get(i))
                    .append("\",\"name\":\"Candidate ")
                    .append(PRES.get(i))
                    .append("\"}");
        sb.append("],\"choices\":[");
        for (int i = 0; i < PRES.size(); i++) {
            sb.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(PRES.get(i))
                    .append("\",\"name\":\"Candidate ")
                    .append(PRES.get(i))
                    .append("\",\"candidate\":\"")
                    .append(PRES.get(i))
                    .append("\"}");
        }
        sb.append("]},{\"id\":\"AN\",\"name\":\"Assembly\",\"candidates\":[{\"id\":\"X\",\"name\""
                        + ":\"List X\"},{\"id\":\"Y\",\"name\":\"List Y\"},")
                .append("{\"id\":\"Z\",\"name\":\"List "
                        + "Z\"}],\"choices\":[{\"id\":\"X-A\",\"name\":\"List X, party "
                        + "A\",\"candidate\":\"X\"},")
                .append("{\"id\":\"X-B\",\"name\":\"List X, party "
                        + "B\",\"candidate\":\"X\"},{\"id\":\"Y-A\",\"name\":\"List Y\",\"candidate\":\"Y\"},")
                .append("{\"id\":\"Z-A\",\"name\":\"List Z\",\"candidate\":\"Z\"}]}],");
        sb.append("\"units\":[{\"id\":\"N\",\"name\":\"Nation\"},{\"id\":\"S1\",\"name\":\"State "
                        + "1\",\"parent\":\"N\"},")
                .append("{\"id\":\"S2\",\"name\":\"State "
                        + "2\",\"parent\":\"N\"},{\"id\":\"M11\",\"name\":\"Municipality "
                        + "1.1\",\"parent\":\"S1\"},")
                .append("{\"id\":\"M12\",\"name\":\"Municipality "
                        + "1.2\",\"parent\":\"S1\"},{\"id\":\"M21\",\"name\":\"Municipality "
                        + "2.1\",\"parent\":\"S2\"}");
        if (late) sb.append(",{\"id\":\"M22\",\"name\":\"Municipality 2.2\",\"parent\":\"S2\"}");
        sb.append("],\"stations\":[")
                .append("{\"id\":\"010113042.01\",\"name\":\"School 42, table "
                        + "1\",\"unit\":\"M11\",\"registered\":666},")
                .append("{\"id\":\"010113042.02\",\"name\":\"School 42, table "
                        + "2\",\"unit\":\"M11\",\"registered\":640},")
                .append("{\"id\":\"010113043.01\",\"name\":\"School 43, table "
                        + "1\",\"unit\":\"M12\",\"registered\":512},")
                .append("{\"id\":\"020201001.01\",\"name\":\"Hall 1, table 1\",\"unit\":\"M21\",\"registered\":700},")
                .append("{\"id\":\"020201001.02\",\"name\":\"Hall 1, table 2\",\"unit\":\"M21\",\"registered\":300},")
                .append("{\"id\":\"020201002.01\",\"name\":\"State 2 office, table "
                        + "1\",\"unit\":\"S2\",\"registered\":420}");
        if (late)
            sb.append(
                    ",{\"id\":\"020202001.01\",\"name\":\"Late school, table 1\",\"unit\":\"M22\",\"registered\":250}");
        sb.append("],\"sources\":[{\"id\":\"cne\",\"name\":\"Electoral authority\",\"kind\":\"authority\"},")
                .append("{\"id\":\"cvzla\",\"name\":\"Witness network\",\"kind\":\"witness\"},")
                .append("{\"id\":\"obs\",\"name\":\"Observer mission\",\"kind\":\"observer\"}]}");
        return sb.toString();
    }

    /** PRES votes in ballot order (NM, LM, JABE, EM, JOBR, AE, CF, DC, BERA, EG). */
    static final Map<String, long[]> PRES_VOTES = new LinkedHashMap<>();
    /** AN votes in ballot order (X-A, X-B, Y-A, Z-A). */
    static final Map<String, long[]> AN_VOTES = new LinkedHashMap<>();
    /** Per station: null, blank, ballots for PRES then for AN (the authority's copy). */
    static final Map<String, long[]> SUMMARY = new LinkedHashMap<>();

    static {
        PRES_VOTES.put("010113042.01", new long[] {120, 5, 0, 0, 0, 3, 1, 1, 2, 232});
        PRES_VOTES.put("010113042.02", new long[] {150, 4, 1, 0, 1, 2, 0, 2, 1, 250});
        PRES_VOTES.put("010113043.01", new long[] {200, 2, 0, 1, 0, 1, 1, 0, 0, 150});
        PRES_VOTES.put("020201001.01", new long[] {180, 6, 2, 1, 0, 4, 2, 1, 3, 300});
        PRES_VOTES.put("020201001.02", new long[] {90, 1, 0, 0, 0, 1, 0, 0, 1, 110});
        PRES_VOTES.put("020201002.01", new long[] {140, 3, 1, 0, 1, 2, 1, 1, 0, 160});
        PRES_VOTES.put("020202001.01", new long[] {60, 1, 0, 0, 0, 0, 0, 0, 0, 100});
        AN_VOTES.put("010113042.01", new long[] {150, 30, 160, 20});
        AN_VOTES.put("010113042.02", new long[] {170, 40, 180, 15});
        AN_VOTES.put("010113043.01", new long[] {120, 20, 200, 10});
        AN_VOTES.put("020201001.01", new long[] {200, 50, 220, 25});
        AN_VOTES.put("020201001.02", new long[] {80, 10, 100, 10});
        AN_VOTES.put("020201002.01", new long[] {130, 20, 140, 15});
        SUMMARY.put("010113042.01", new long[] {0, 2, 366, 4, 2, 366});
        SUMMARY.put("010113042.02", new long[] {3, 1, 415, 8, 2, 415});
        SUMMARY.put("010113043.01", new long[] {2, 0, 357, 5, 2, 357});
        SUMMARY.put("020201001.01", new long[] {5, 1, 505, 8, 2, 505});
        SUMMARY.put("020201001.02", new long[] {1, 0, 204, 4, 0, 204});
        SUMMARY.put("020201002.01", new long[] {4, 2, 315, 8, 2, 315});
        SUMMARY.put("020202001.01", new long[] {1, 0, 162, 0, 0, 0});
    }

    static long sum(long[] v) {
        long s = 0;
        for (long x : v) s += x;
        return s;
    }

    /** The authority's copy: every summary count, the sheet's printed registered voters = the catalogue's. */
    static TallySheet authority(String station, String contest, long registered) {
        long[] v = contest.equals("PRES") ? PRES_VOTES.get(station) : AN_VOTES.get(station);
        long[] k = SUMMARY.get(station);
        int o = contest.equals("PRES") ? 0 : 3;
        return new TallySheet(
                station, contest, "cne", new SummaryCounts(registered, k[o + 2], sum(v), k[o], k[o + 1]), v.clone());
    }

    /** A copy that carries only registered (or not), valid, null and the votes. */
    static TallySheet bare(
            String station, String contest, String source, long registered, long[] votes, Optional<Correction> c) {
        long[] k = SUMMARY.get(station);
        long nulls = contest.equals("PRES") ? k[0] : k[3];
        return new TallySheet(
                station,
                contest,
                source,
                new SummaryCounts(registered, SummaryCounts.ABSENT, sum(votes), nulls, SummaryCounts.ABSENT),
                votes,
                c);
    }

    /**
     * Builds the golden log and publishes it into {@code out} (an empty or absent directory); {@code scratch} holds the
     * data directory.
     */
    public static void write(Path scratch, Path out) throws IOException {
        Path data = scratch.resolve("golden-data");
        Files.createDirectories(data);
        try (Instance in = Instance.openCopy(data, new LogKeys(logKey()))) {
            define(in, false);
            Election el = in.state().requireElection();
            List<String> six = List.copyOf(PRES_VOTES.keySet()).subList(0, 6);
            // the authority: every station, both contests, unsigned
            List<TallySheet> cne = new ArrayList<>();
            for (String contest : List.of("PRES", "AN")) {
                for (String s : six)
                    cne.add(authority(
                            s,
                            contest,
                            in.state().catalogue().station(s).orElseThrow().registeredVoters()));
            }
            submit(in, "cne-desk", cne.stream().map(s -> unsigned(s)).toList());
            // the witness network before it registers a key: unsigned (the first is the example of docs/log-format.md
            // §1.4)
            submit(
                    in,
                    "cvzla-desk",
                    List.of(
                            unsigned(bare(
                                    "010113042.01",
                                    "PRES",
                                    "cvzla",
                                    666,
                                    PRES_VOTES.get("010113042.01").clone(),
                                    Optional.empty())),
                            unsigned(bare(
                                    "010113042.02",
                                    "PRES",
                                    "cvzla",
                                    640,
                                    PRES_VOTES.get("010113042.02").clone(),
                                    Optional.empty()))));
            in.accounts().create(SIGNING_ACCOUNT, Role.WITNESS, "cvzla", Optional.empty());
            in.keyRegistry()
                    .register(in.accounts(), SIGNING_ACCOUNT, accountKey().verifierKey());
            // from its key entry on, every sheet of the witness network is signed
            long[] misread = PRES_VOTES.get("020201001.01").clone();
            misread[9] = 290; // EG misread from a blurred photograph
            long[] disputed = PRES_VOTES.get("020201001.02").clone();
            disputed[0] = 95;
            submit(
                    in,
                    SIGNING_ACCOUNT,
                    List.of(
                            signed(
                                    in,
                                    bare(
                                            "010113043.01",
                                            "PRES",
                                            "cvzla",
                                            512,
                                            PRES_VOTES.get("010113043.01").clone(),
                                            Optional.empty())),
                            signed(in, bare("020201001.01", "PRES", "cvzla", 700, misread, Optional.empty())),
                            signed(
                                    in,
                                    bare(
                                            "020201001.02",
                                            "PRES",
                                            "cvzla",
                                            SummaryCounts.ABSENT,
                                            disputed,
                                            Optional.empty())),
                            signed(
                                    in,
                                    bare(
                                            "010113042.01",
                                            "AN",
                                            "cvzla",
                                            666,
                                            AN_VOTES.get("010113042.01").clone(),
                                            Optional.empty()))));
            long wrong = in.state().logSize() - 3;
            submit(
                    in,
                    SIGNING_ACCOUNT,
                    List.of(signed(
                            in,
                            bare(
                                    "020201001.01",
                                    "PRES",
                                    "cvzla",
                                    700,
                                    PRES_VOTES.get("020201001.01").clone(),
                                    Optional.of(new Correction(
                                            wrong,
                                            "EG has 300 votes on the acta; 290 was read "
                                                    + "from a blurred photograph"))))));
            // an observer that carries neither registered nor ballots nor blank, in PRES only
            submit(
                    in,
                    "obs-desk",
                    List.of(unsigned(bare(
                            "010113042.01",
                            "PRES",
                            "obs",
                            SummaryCounts.ABSENT,
                            PRES_VOTES.get("010113042.01").clone(),
                            Optional.empty()))));
            // the catalogue grows after sheets: a new municipality and its station, then the authority's sheet for it
            define(in, true);
            submit(in, "cne-desk", List.of(unsigned(authority("020202001.01", "PRES", 250))));
            announce(
                    in,
                    "{\"id\":\"CNE-B1\",\"title\":\"First "
                            + "bulletin\",\"time\":\"2026-07-29T00:10:00-04:00\",\"contest\":\"PRES\","
                            + "\"candidates\":{\"NM\":880,\"EG\":1202},\"others\":81,\"valid\":2163,"
                            + "\"null\":15,\"registered\":3238,\"stationsTotal\":7,"
                            + "\"coverageStations\":6}");
            announce(
                    in,
                    "{\"id\":\"CNE-B2\",\"title\":\"Second "
                            + "bulletin\",\"time\":\"2026-07-29T18:00:00-04:00\",\"contest\":\"AN\","
                            + "\"candidates\":{\"X\":1030,\"Y\":1000,\"Z\":95},\"coverageHundredthsPercent\":10000}");
            // two witnesses cosign the final checkpoint, at a fixed time
            LogView.SignedNote latest = new LogView(in.store()).latest().orElseThrow();
            String body = latest.note().substring(0, latest.note().indexOf("\n\n") + 1);
            for (NoteSigner w : witnessKeys()) {
                String line =
                        Cosignature.sign(w, body, COSIGNED_AT).toNoteSignature().line();
                in.store().write(tx -> {
                    tx.putCosignature(latest.size(), w.name(), line);
                    return null;
                });
            }
            new Publisher(in.store(), in.keys(), new EvidenceCopies.From(in::blobs)).publish(out);
        }
        for (NoteSigner w : witnessKeys()) {
            String file = w.name().substring(0, w.name().indexOf('.')) + ".vkey";
            Files.writeString(out.resolve(file), w.verifierKey().encode() + "\n");
        }
        Files.writeString(
                out.resolve(SIGNING_ACCOUNT + ".vkey"),
                accountKey().verifierKey().encode() + "\n");
    }

    static void define(Instance in, boolean late) {
        List<Problem> problems = new ArrayList<>();
        Definition d = DefinitionJson.read(definition(late).getBytes(StandardCharsets.UTF_8), "golden.json", problems)
                .orElseThrow(() -> new IllegalStateException(problems.toString()));
        var r = in.define().define(d, "admin", "golden.json");
        if (!r.problems().isEmpty())
            throw new IllegalStateException(r.problems().toString());
    }

    static SheetRow unsigned(TallySheet s) {
        return new SheetRow(
                "golden " + s.stationId() + "/" + s.contestId() + "/" + s.sourceId(), Optional.of(s), List.of());
    }

    static SheetRow signed(Instance in, TallySheet s) {
        byte[] sig = accountKey().signBytes(in.state().codec().signedMessage(s, SIGNING_ACCOUNT));
        return new SheetRow(
                "golden " + s.stationId() + "/" + s.contestId() + "/" + s.sourceId(),
                Optional.of(s),
                List.of(),
                Optional.of(new SheetSignature(SIGNING_ACCOUNT, sig)));
    }

    static void submit(Instance in, String account, List<SheetRow> rows) {
        Outcome o = in.sequencer().submit(rows, account, new DuplicateRows(), true);
        if (!o.rejected().isEmpty() || o.newEntries() != rows.size())
            throw new IllegalStateException("golden sheets refused: " + o);
    }

    static void announce(Instance in, String json) {
        List<Problem> problems = new ArrayList<>();
        Announcement a;
        try {
            Fields f = new Fields(JsonTree.parse(json.getBytes(StandardCharsets.UTF_8)), "golden", problems);
            a = AnnouncementJson.read(f, true, problems)
                    .orElseThrow(() -> new IllegalStateException(problems.toString()));
            f.end();
        } catch (JsonTree.JsonError e) {
            throw new IllegalStateException(e);
        }
        var r = in.announcements().record(a, "cne-desk", "golden");
        if (!r.problems().isEmpty())
            throw new IllegalStateException(r.problems().toString());
    }

    /** Every file under {@code dir} but README.md, by path relative to it ('/' separated), with its bytes. */
    public static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals("README.md")) out.put(rel, Files.readAllBytes(p));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }
}
