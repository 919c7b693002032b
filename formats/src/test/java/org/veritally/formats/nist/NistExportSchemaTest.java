package org.veritally.formats.nist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.veritally.core.model.Source;
import org.veritally.core.model.TallySheet;
import org.veritally.core.tabulate.View;
import org.veritally.formats.export.ExportData;
import org.veritally.formats.export.MemoryExportData;
import org.veritally.formats.export.SmallElection;
import org.veritally.formats.generate.SyntheticElection;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every NIST export validates against the official schemas (JSON Schema draft-04 and the XSD), its
 * references resolve, and the JSON and XML encodings carry the same counts, for every view of a
 * synthetic election with a disputed station and of the hand-made one (ids with {@code :} and
 * {@code _}, quotes in names, absent counts).
 */
class NistExportSchemaTest {
    static final long SEED = 11;
    static ExportData synthetic;

    @BeforeAll
    static void data() {
        System.out.println("NistExportSchemaTest seed " + SEED);
        var gen = new SyntheticElection(300, 2, 5, 3, SEED);
        var d = gen.definition();
        List<TallySheet> sheets = new ArrayList<>();
        gen.sheets(d, sheets::add);
        TallySheet t = sheets.get(4);
        long[] v = t.votes();
        v[0] += 2;
        v[2] -= 2;
        sheets.set(4, new TallySheet(t.stationId(), t.contestId(), t.sourceId(), t.counts(), v));
        sheets.remove(sheets.size() - 1);
        synthetic = new MemoryExportData(d, sheets);
    }

    static List<View> views(ExportData d) {
        List<View> out = new ArrayList<>();
        for (Source s : d.snapshot().sources()) out.add(new View.OfSource(s.id()));
        out.add(new View.Consensus());
        return out;
    }

    @Test
    void jsonValidatesAgainstTheOfficialSchemaForEveryView() throws Exception {
        NistSchemas.assumePresent();
        for (ExportData d : List.of(synthetic, SmallElection.data())) {
            for (View v : views(d)) {
                byte[] json = NistReports.json(d, v);
                assertThat(NistSchemas.jsonSchemaErrors(json))
                        .as("%s %s", d.snapshot().election().id(), v.wire())
                        .isEmpty();
                assertThat(NistSchemas.jsonReferenceErrors(json))
                        .as("%s %s", d.snapshot().election().id(), v.wire())
                        .isEmpty();
            }
        }
    }

    @Test
    void xmlValidatesAgainstTheOfficialXsdForEveryView() throws Exception {
        NistSchemas.assumePresent();
        for (ExportData d : List.of(synthetic, SmallElection.data())) {
            for (View v : views(d)) {
                byte[] xml = NistReports.xml(d, v);
                assertThat(NistSchemas.xsdErrors(xml))
                        .as("%s %s", d.snapshot().election().id(), v.wire())
                        .isEmpty();
                assertThat(NistSchemas.xmlReferenceErrors(xml))
                        .as("%s %s", d.snapshot().election().id(), v.wire())
                        .isEmpty();
            }
        }
    }

    @Test
    void aBrokenReferenceIsCaughtByTheChecks() throws Exception {
        NistSchemas.assumePresent();
        String json =
                new String(NistReports.json(SmallElection.data(), new View.OfSource("auth")), StandardCharsets.UTF_8);
        String broken = json.replaceFirst("\"GpUnitId\":\"station-T1-1\"", "\"GpUnitId\":\"station-T1-404\"");
        assertThat(NistSchemas.jsonReferenceErrors(broken.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .asString()
                .contains("station-T1-404");
        String xml =
                new String(NistReports.xml(SmallElection.data(), new View.OfSource("auth")), StandardCharsets.UTF_8);
        String brokenXml = xml.replaceFirst("<GpUnitId>station-T1-1</GpUnitId>", "<GpUnitId>station-T1-404</GpUnitId>");
        assertThat(NistSchemas.xsdErrors(brokenXml.getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        assertThat(NistSchemas.xmlReferenceErrors(brokenXml.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .asString()
                .contains("station-T1-404");
    }

    @Test
    void theSchemasRejectAReportMissingARequiredField() throws Exception {
        NistSchemas.assumePresent();
        String json =
                new String(NistReports.json(SmallElection.data(), new View.OfSource("auth")), StandardCharsets.UTF_8);
        assertThat(NistSchemas.jsonSchemaErrors(
                        json.replace(",\"VotesAllowed\":1", "").getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
        String xml =
                new String(NistReports.xml(SmallElection.data(), new View.OfSource("auth")), StandardCharsets.UTF_8);
        assertThat(NistSchemas.xsdErrors(
                        xml.replace("<VotesAllowed>1</VotesAllowed>", "").getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }

    @Test
    void jsonAndXmlCarryTheSameVoteCounts() throws Exception {
        for (View v : views(synthetic)) {
            assertThat(xmlCounts(NistReports.xml(synthetic, v)))
                    .as(v.wire())
                    .isEqualTo(jsonCounts(NistReports.json(synthetic, v)))
                    .isNotEmpty();
        }
    }

    @Test
    void stationCountsAreTheViewsSheetsAndStatusSaysPartial() throws Exception {
        JsonNode r = new ObjectMapper().readTree(NistReports.json(SmallElection.data(), new View.OfSource("wit")));
        assertThat(r.get("Status").asString()).isEqualTo("unofficial-partial");
        Set<String> counts = jsonCounts(NistReports.json(SmallElection.data(), new View.OfSource("wit")));
        assertThat(counts)
                .contains(
                        "selection-P_-A-1 station-T1-1 100",
                        "selection-P_-A-2 station-T1-2 50",
                        "selection-P_-B unit-N 190");
        JsonNode contest = r.get("Election").get(0).get("Contest").get(0);
        assertThat(contest.get("SubUnitsReported").asLong()).isEqualTo(2);
        assertThat(contest.get("TotalSubUnits").asLong()).isEqualTo(3);
        assertThat(r.get("Election").get(0).get("Contest").get(1).get("@id").asString())
                .isEqualTo("contest-Q_c1");
    }

    static Set<String> jsonCounts(byte[] json) throws Exception {
        Set<String> out = new HashSet<>();
        for (JsonNode c :
                new ObjectMapper().readTree(json).get("Election").get(0).get("Contest")) {
            for (JsonNode s : c.get("ContestSelection")) {
                for (JsonNode vc : s.get("VoteCounts"))
                    out.add(s.get("@id").asString() + " " + vc.get("GpUnitId").asString() + " "
                            + vc.get("Count").asLong());
            }
        }
        return out;
    }

    static Set<String> xmlCounts(byte[] xml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList sels = f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml))
                .getElementsByTagNameNS(NistXmlSink.NS, "ContestSelection");
        Set<String> out = new HashSet<>();
        for (int i = 0; i < sels.getLength(); i++) {
            Element s = (Element) sels.item(i);
            NodeList vcs = s.getElementsByTagNameNS(NistXmlSink.NS, "VoteCounts");
            for (int j = 0; j < vcs.getLength(); j++) {
                Element vc = (Element) vcs.item(j);
                out.add(s.getAttribute("ObjectId") + " "
                        + vc.getElementsByTagNameNS(NistXmlSink.NS, "GpUnitId")
                                .item(0)
                                .getTextContent() + " "
                        + vc.getElementsByTagNameNS(NistXmlSink.NS, "Count")
                                .item(0)
                                .getTextContent());
            }
        }
        return out;
    }
}
