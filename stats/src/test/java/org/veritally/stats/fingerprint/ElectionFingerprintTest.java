package org.veritally.stats.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.veritally.stats.CandidateSet;
import org.veritally.stats.RuleId;
import org.veritally.stats.StationCounts;
import org.w3c.dom.Document;

class ElectionFingerprintTest {
    private static final CandidateSet AB = CandidateSet.ofIds("A", "B");

    private static StationCounts station(String id, long registered, long cast, long a, long b) {
        return new StationCounts(id, "c", "", registered, cast, new long[] {a, b});
    }

    @Test
    void ST_FP_binsTurnoutAgainstWinnerShareAndCountsExclusions() {
        List<StationCounts> stations = List.of(
                station("half", 100, 50, 25, 25),
                station("full", 100, 100, 100, 0),
                station("over", 100, 120, 60, 60),
                station("empty", 0, 0, 0, 0),
                station("novalid", 100, 10, 0, 0));
        Fingerprint fp = ElectionFingerprint.of(stations, AB, 0, 10);
        assertThat(fp.rule()).isEqualTo(RuleId.ST_FP);
        assertThat(fp.count(5, 5)).isEqualTo(1);
        assertThat(fp.count(9, 9)).isEqualTo(1);
        assertThat(fp.stations()).isEqualTo(2);
        assertThat(fp.excludedOver100()).isEqualTo(1);
        assertThat(fp.excludedNoVotes()).isEqualTo(2);
        assertThat(fp.table()).hasSize(2);
        assertThat(fp.table().get(1).turnoutLow()).isEqualTo(0.9);
        assertThat(fp.caveat()).isNotBlank();
    }

    @Test
    void ST_FP_tableAddsUpToStationsAndSvgIsWellFormedXml() throws Exception {
        long seed = 13L;
        System.out.println("ST-FP seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        List<StationCounts> stations = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long reg = 200 + random.nextInt(600);
            long cast = (long) (reg * (0.4 + 0.5 * random.nextDouble()));
            long a = (long) (cast * random.nextDouble());
            stations.add(station("s" + i, reg, cast, a, cast - a));
        }
        Fingerprint fp = ElectionFingerprint.of(stations, AB, 0, ElectionFingerprint.DEFAULT_BINS);
        assertThat(fp.table().stream().mapToLong(FingerprintCell::stations).sum())
                .isEqualTo(5000);
        String svg = FingerprintSvg.render(fp, "Test <A & B>");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Test <A & B>");
        assertThat(doc.getElementsByTagName("rect").getLength())
                .isEqualTo(fp.table().size() + 1 + 20);
    }
}
