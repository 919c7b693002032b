package org.veritally.formats.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.CatalogueEntry;
import org.veritally.core.entry.Entry;
import org.veritally.core.model.Election;
import org.veritally.core.model.Station;
import org.veritally.core.model.Unit;
import org.veritally.core.validation.Problem;
import org.veritally.formats.export.SmallElection;
import org.veritally.testkit.Seeds;

/**
 * The fast paths for catalogue entries ({@link CanonicalCatalogueScan}, then the streaming parser) against the
 * strict reader, the reference: on seeded random catalogues (names with quotes, control characters and text beyond
 * ASCII, counts up to 2^53 - 1) they read the same entry, the scan itself whenever no string needs an escape; on a
 * canonical entry changed so that it is no longer canonical (a space, a leading zero, an escaped letter, a count
 * beyond 2^53 - 1, two members swapped, a byte that is not UTF-8) they read nothing, so the strict reader and
 * LOG-CANON decide. Backs the LOG-CANON check of {@code verify} (docs/verify.md, issue 15).
 */
class CatalogueFastPathTest {
    private static final Election ELECTION = SmallElection.DEFINITION.election();
    private static final EntryCodec CODEC = new EntryCodec(Optional.of(ELECTION));
    /** Names the canonical encoding writes as they are, and the first two it escapes. */
    private static final String[] NAMES = {"SD \"Dasar\"", "Mesa\t2", "Escuela", "Łódź ✓", "TPS 1", "", "a/b"};

    @Test
    void fastPathReadsWhatTheStrictReaderReadsOnSeededRandomCatalogues() {
        Random r = new Random(Seeds.seed("CatalogueFastPathTest", 15));
        int scanned = 0;
        for (int n = 0; n < 1_000; n++) {
            CatalogueEntry e = randomCatalogue(r);
            byte[] bytes = CODEC.encode(e);
            String text = new String(bytes, StandardCharsets.UTF_8);
            List<Problem> problems = new ArrayList<>();
            Optional<Entry> strict = CODEC.decode(bytes, "entry", problems);
            assertThat(problems).as(text).isEmpty();
            assertThat(strict).as(text).contains(e);
            assertThat(CODEC.decodeCanonicalCatalogue(bytes)).as(text).contains(e);
            Optional<CatalogueEntry> byScan = FastCatalogueDecoder.decodeByScan(bytes, CODEC::encode);
            if (text.indexOf('\\') < 0) { // no escape: the scan itself reads it
                assertThat(byScan).as(text).contains(e);
                scanned++;
            } else {
                assertThat(byScan).as(text).isEmpty();
            }
        }
        assertThat(scanned).as("catalogues the scan read").isGreaterThan(400);
    }

    /** Every prefix of a canonical catalogue is read by no path and throws nothing: the strict reader decides. */
    @Test
    void everyTruncationOfACatalogueIsReadByNoPathAndThrowsNothing() {
        Random r = new Random(Seeds.seed("CatalogueFastPathTest.truncated", 17));
        for (int n = 0; n < 20; n++) {
            byte[] bytes = CODEC.encode(randomCatalogue(r));
            for (int len = 0; len < bytes.length; len++) {
                byte[] prefix = java.util.Arrays.copyOf(bytes, len);
                assertThat(FastCatalogueDecoder.decode(prefix, CODEC::encode))
                        .as("%d of %d bytes", len, bytes.length)
                        .isEmpty();
            }
        }
    }

    @Test
    void fastPathReadsNothingFromANonCanonicalVariantOfACanonicalCatalogue() {
        Random r = new Random(Seeds.seed("CatalogueFastPathTest.variants", 16));
        for (int n = 0; n < 300; n++) {
            CatalogueEntry e = randomCatalogue(r);
            String c = new String(CODEC.encode(e), StandardCharsets.UTF_8);
            List<String> variants = new ArrayList<>(List.of(
                    "{ " + c.substring(1),
                    c.replace("\"registered\":", "\"registered\":0"),
                    c.replace("\"level\":", "\"level\": "),
                    c.replace("\"kind\":\"catalogue\"", "\"kind\":\"\\u0063atalogue\""),
                    c.replace("\"id\":\"", "\"id\":\"\\u0041"),
                    c.replace("\"v\":1}", "\"v\":1.0}"),
                    c.replace("\"registered\":", "\"registered\":9007199254740992"),
                    c.replace("\"registered\":", "\"registered\":12345678901234567"),
                    c.substring(0, c.length() - 1) + " }",
                    c.replace("\"name\":", "\"nam\\u0065\":"),
                    c.replace("{\"id\":", "{\"name\":\"x\",\"id\":")));
            for (String v : variants) {
                if (v.equals(c)) continue;
                assertThat(CODEC.decodeCanonicalCatalogue(v.getBytes(StandardCharsets.UTF_8)))
                        .as(v)
                        .isEmpty();
            }
            byte[] bytes = CODEC.encode(e);
            int quote = c.indexOf("\"name\":\"");
            if (quote >= 0) { // a byte that is no UTF-8 inside a name: decoded as U+FFFD, so not given back
                byte[] broken = bytes.clone();
                broken[c.substring(0, quote + 8).getBytes(StandardCharsets.UTF_8).length] = (byte) 0xC0;
                assertThat(CODEC.decodeCanonicalCatalogue(broken)).isEmpty();
            }
        }
    }

    private static CatalogueEntry randomCatalogue(Random r) {
        boolean plain = r.nextBoolean(); // then no name needs an escape
        List<Unit> units = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--)
            units.add(new Unit("U" + r.nextInt(1000), name(r, plain), 1 + r.nextInt(4), r.nextBoolean() ? "N" : "R1"));
        if (r.nextInt(5) == 0) units.add(new Unit("N", name(r, plain), 0, ""));
        List<Station> stations = new ArrayList<>();
        for (int i = r.nextInt(30); i > 0; i--) {
            long registered = r.nextInt(20) == 0 ? (1L << 53) - 1 - r.nextInt(3) : r.nextInt(800);
            stations.add(
                    new Station("S" + r.nextInt(1_000_000) + ".0" + i, name(r, plain), "U" + r.nextInt(9), registered));
        }
        return new CatalogueEntry(units, stations);
    }

    private static String name(Random r, boolean plain) {
        return NAMES[plain ? 2 + r.nextInt(NAMES.length - 2) : r.nextInt(NAMES.length)]
                + (r.nextBoolean() ? "" : " " + r.nextInt(100));
    }
}
