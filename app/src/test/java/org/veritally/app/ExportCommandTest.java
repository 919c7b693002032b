package org.veritally.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code veritally export} end to end on a generated election (300 stations, 2 contests, 3 sources,
 * one station disputed): every format through the CLI, checked against the published totals; the
 * NIST XML against the official XSD; usage errors give exit 2 with the cause.
 */
class ExportCommandTest {
    @TempDir
    static Path dir;
    /** Numbers each output directory (a counter, not the clock: two exports in one tick must not share one). */
    static final java.util.concurrent.atomic.AtomicInteger OUTPUTS = new java.util.concurrent.atomic.AtomicInteger();

    static Path gen;
    static String data;

    @BeforeAll
    static void election() throws Exception {
        gen = generate(dir.resolve("gen"));
        data = dir.resolve("data").toString();
        importInto(data, gen);
    }

    /**
     * Generates the election and makes observer-1's copy of P5/C1 differ from the others (votes moved between two
     * lines).
     */
    static Path generate(Path g) throws Exception {
        var r = CliTest.run(
                "generate",
                "--stations",
                "300",
                "--contests",
                "2",
                "--sources",
                "3",
                "--seed",
                "1",
                "--out",
                g.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = new ArrayList<>(Files.readAllLines(g.resolve("sheets.csv")));
        List<String> header = List.of(lines.get(0).split(","));
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",", -1);
            if (c[header.indexOf("station")].equals("P5")
                    && c[header.indexOf("contest")].equals("C1")
                    && c[header.indexOf("source")].equals("observer-1")) {
                int a = header.indexOf("C1-L1");
                int b = header.indexOf("C1-L2");
                c[a] = String.valueOf(Long.parseLong(c[a]) + 1);
                c[b] = String.valueOf(Long.parseLong(c[b]) - 1);
                lines.set(i, String.join(",", c));
            }
        }
        Files.write(g.resolve("sheets.csv"), lines);
        return g;
    }

    static void importInto(String dataDir, Path generated) {
        var e = CliTest.run(
                "import",
                "--data",
                dataDir,
                "--format",
                "election",
                generated.resolve("election.json").toString());
        assertThat(e.code()).as(e.err()).isZero();
        var s = CliTest.run(
                "import",
                "--data",
                dataDir,
                "--format",
                "csv",
                "--quiet",
                generated.resolve("sheets.csv").toString());
        assertThat(s.code()).as(s.err()).isZero();
    }

    static Path export(String dataDir, String format, String... more) {
        return export(dir, dataDir, format, more);
    }

    static Path export(Path outDir, String dataDir, String format, String... more) {
        Path out = outDir.resolve("out-" + format + "-" + OUTPUTS.incrementAndGet());
        List<String> args =
                new ArrayList<>(List.of("export", "--data", dataDir, "--format", format, "--out", out.toString()));
        args.addAll(List.of(more));
        var r = CliTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("wrote " + out);
        return out;
    }

    /** One query's rows, on a SQLite file, as lines of tab-separated cells. */
    static List<String> rows(Path db, String sql, String... args) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                var p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setString(i + 1, args[i]);
            try (ResultSet rs = p.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    var sb = new StringBuilder();
                    for (int i = 1; i <= n; i++) sb.append(i > 1 ? "\t" : "").append(rs.getString(i));
                    out.add(sb.toString());
                }
            }
        }
        return out;
    }

    /** The published totals of one view, every unit and contest. */
    static List<String> totals(Path dataDir, String view) throws Exception {
        return rows(
                dataDir.resolve("veritally.db"),
                "SELECT unit, contest, stations, registered, ballots, valid, nulls, blank, votes FROM "
                        + "unit_total WHERE source = ? ORDER BY unit, contest",
                view);
    }

    static List<String[]> csv(Path f) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) out.add(l.split(",", -1));
        return out;
    }

    @Test
    void stationCsvHoldsEveryCopyInStableOrderAndShowsTheDispute() throws Exception {
        Path out = export(data, "station-csv");
        List<String[]> rows = csv(out);
        List<String> h = List.of(rows.get(0));
        assertThat(rows).hasSize(1 + 1800);
        assertThat(h)
                .startsWith("region_code", "region_name", "district_code")
                .contains("station", "source", "status", "counted", "log_index", "C2-L6");
        int st = h.indexOf("station");
        int ct = h.indexOf("contest");
        int src = h.indexOf("source");
        var keys = rows.subList(1, rows.size()).stream()
                .map(r -> r[st] + "\u0000" + r[ct] + "\u0000" + r[src])
                .toList();
        assertThat(keys).isSortedAccordingTo(Comparator.naturalOrder()).doesNotHaveDuplicates();
        var disputed = rows.stream()
                .filter(r -> r.length > 1 && r[h.indexOf("status")].equals("disputed"))
                .toList();
        assertThat(disputed)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r[st] + "/" + r[ct]).isEqualTo("P5/C1"));
        assertThat(Files.readAllBytes(export(data, "station-csv")))
                .as("a second export is byte-identical")
                .isEqualTo(Files.readAllBytes(out));
    }

    @Test
    void consensusCsvCountedRowsAddUpToTheConsensusTotals() throws Exception {
        List<String[]> rows = csv(export(data, "consensus-csv"));
        List<String> h = List.of(rows.get(0));
        assertThat(rows).hasSize(1 + 600);
        Map<String, Long> valid = new HashMap<>();
        Map<String, Long> stations = new HashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (!r[h.indexOf("counted")].equals("1")) continue;
            valid.merge(r[h.indexOf("contest")], Long.parseLong(r[h.indexOf("valid")]), Long::sum);
            stations.merge(r[h.indexOf("contest")], 1L, Long::sum);
        }
        for (String line : totals(Path.of(data), "consensus")) {
            String[] t = line.split("\t");
            if (!t[0].equals("N")) continue;
            assertThat(valid.get(t[1])).as(t[1]).isEqualTo(Long.parseLong(t[5]));
            assertThat(stations.get(t[1])).as(t[1]).isEqualTo(Long.parseLong(t[2]));
        }
        assertThat(stations.get("C1")).isEqualTo(299);
    }

    @Test
    void openElectionsCandidateRowsAddUpToTheOfficialValidVotes() throws Exception {
        List<String[]> rows = csv(export(data, "openelections"));
        assertThat(rows.get(0))
                .containsExactly("county", "precinct", "office", "district", "party", "candidate", "votes");
        Set<String> summary = Set.of("Over Votes", "Under Votes", "Ballots Cast");
        Map<String, Long> byOffice = new HashMap<>();
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[2].equals("Registered Voters") || summary.contains(r[5])) continue;
            byOffice.merge(r[2], Long.parseLong(r[6]), Long::sum);
        }
        Map<String, Long> official = new HashMap<>();
        for (String line : totals(Path.of(data), "authority")) {
            String[] t = line.split("\t");
            if (t[0].equals("N")) official.put(t[1].equals("C1") ? "President" : "Senate", Long.parseLong(t[5]));
        }
        assertThat(byOffice).isEqualTo(official);
    }

    @Test
    void nistXmlOfEveryViewValidatesAgainstTheOfficialXsd() throws Exception {
        for (String view : List.of("official", "source:party-a", "consensus")) {
            byte[] xml = Files.readAllBytes(export(
                    data, "nist-xml", "--view", view, "--election-date", "2026-05-31", "--election-type", "general"));
            assertThat(xsdErrors(xml)).as(view).isEmpty();
            assertThat(referenceErrors(xml)).as(view).isEmpty();
        }
    }

    @Test
    void sqliteSnapshotHasTheLogAndSheetsButNoAccounts() throws Exception {
        var add = CliTest.run(
                "accounts", "add", "--data", data, "--id", "ana", "--role", "witness", "--source", "party-a");
        assertThat(add.code()).as(add.err()).isZero();
        Path out = export(data, "sqlite");
        assertThat(rows(out, "SELECT COUNT(*) FROM sheet_current")).containsExactly("1800");
        assertThat(rows(out, "SELECT COUNT(*) FROM log_entry"))
                .isEqualTo(rows(Path.of(data, "veritally.db"), "SELECT COUNT(*) FROM log_entry"));
        assertThat(rows(out, "SELECT COUNT(*) FROM account")).containsExactly("0");
        assertThat(rows(Path.of(data, "veritally.db"), "SELECT COUNT(*) FROM account"))
                .containsExactly("1");
        assertThat(new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("ana\u0000", "party-a\u0000witness");
    }

    @Test
    void usageErrorsExitTwoNamingTheCause() {
        String out = dir.resolve("x.csv").toString();
        var unknown = CliTest.run("export", "--data", data, "--format", "pdf", "--out", out);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("unknown --format 'pdf'", "station-csv | consensus-csv")
                .doesNotContain("Exception");
        assertThat(CliTest.run("export", "--data", data, "--format", "station-csv", "--view", "official", "--out", out)
                        .err())
                .contains("--view applies to");
        var view =
                CliTest.run("export", "--data", data, "--format", "nist-json", "--view", "source:nobody", "--out", out);
        assertThat(view.code()).isEqualTo(2);
        assertThat(view.err()).contains("RD-VIEW", "unknown view 'source:nobody'");
        var date = CliTest.run(
                "export", "--data", data, "--format", "nist-json", "--election-date", "28/07/2024", "--out", out);
        assertThat(date.err()).contains("not a date");
        assertThat(CliTest.run("export", "--data", data, "--format", "nist-xml", "--language", "español", "--out", out)
                        .err())
                .contains("not a language tag");
        var none = CliTest.run(
                "export", "--data", dir.resolve("empty").toString(), "--format", "station-csv", "--out", out);
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no database in");
        assertThat(Files.exists(dir.resolve("empty")))
                .as("export never creates a data directory")
                .isFalse();
        assertThat(Files.exists(Path.of(out))).isFalse();
    }

    static Path xsd() {
        return Path.of(
                System.getProperty("veritally.shared", "../../shared"),
                "schemas",
                "nist-1500-100-v2",
                "NIST_V2_election_results_reporting.xsd");
    }

    static List<String> xsdErrors(byte[] xml) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.isRegularFile(xsd()), "SKIPPED: NIST XSD absent at " + xsd().toAbsolutePath());
        List<String> errors = new ArrayList<>();
        var v = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(xsd().toFile())
                .newValidator();
        v.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) {
                if (errors.size() < 20)
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        return errors;
    }

    /** Duplicate ObjectIds and IDREF(S) (elements the XSD types so) that name no ObjectId. */
    static List<String> referenceErrors(byte[] xml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Set<String> refElements = new HashSet<>();
        NodeList decl = f.newDocumentBuilder()
                .parse(xsd().toFile())
                .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
        for (int i = 0; i < decl.getLength(); i++) {
            Element e = (Element) decl.item(i);
            if (e.getAttribute("type").startsWith("xsd:IDREF")) refElements.add(e.getAttribute("name"));
        }
        Set<String> ids = new HashSet<>();
        List<String> refs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        var r = javax.xml.stream.XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        while (r.hasNext()) {
            if (r.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) continue;
            String id = r.getAttributeValue(null, "ObjectId");
            if (id != null && !ids.add(id)) errors.add("duplicate " + id);
            if (refElements.contains(r.getLocalName()))
                refs.addAll(List.of(r.getElementText().trim().split("\\s+")));
        }
        assertThat(refs).isNotEmpty();
        for (String ref : refs) if (!ids.contains(ref)) errors.add("unresolved " + ref);
        return errors;
    }
}
