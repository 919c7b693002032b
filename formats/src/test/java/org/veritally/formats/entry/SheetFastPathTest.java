package org.veritally.formats.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.veritally.core.entry.Entry;
import org.veritally.core.entry.SheetEntry;
import org.veritally.core.entry.SheetSignature;
import org.veritally.core.model.Correction;
import org.veritally.core.model.Election;
import org.veritally.core.model.SummaryCounts;
import org.veritally.core.model.TallySheet;
import org.veritally.core.validation.Problem;
import org.veritally.formats.export.SmallElection;
import org.veritally.testkit.Seeds;

/**
 * The fast paths for sheet entries ({@link CanonicalSheetScan}, then the streaming parser) against the strict reader,
 * the reference: on seeded random sheets they read the same entry; on a canonical entry changed so that it is no
 * longer canonical (a space, a leading zero, an escaped letter, two members swapped) they read nothing, so the strict
 * reader and LOG-CANON decide. (A sheet citing a photo takes the strict reader.)
 * Backs the LOG-CANON check of {@code verify} (docs/verify.md, issue 15).
 */
class SheetFastPathTest {
    private static final Election ELECTION = SmallElection.DEFINITION.election();
    private static final EntryCodec CODEC = new EntryCodec(Optional.of(ELECTION));

    @Test
    void fastPathReadsWhatTheStrictReaderReadsOnSeededRandomSheets() {
        Random r = new Random(Seeds.seed("SheetFastPathTest", 15));
        for (int n = 0; n < 3_000; n++) {
            SheetEntry e = randomSheet(r);
            byte[] bytes = CODEC.encode(e);
            Optional<SheetEntry> fast = CODEC.decodeCanonicalSheet(bytes);
            List<Problem> problems = new ArrayList<>();
            Optional<Entry> strict = CODEC.decode(bytes, "entry", problems);
            assertThat(problems).as(new String(bytes, StandardCharsets.UTF_8)).isEmpty();
            assertThat(fast).as(new String(bytes, StandardCharsets.UTF_8)).isPresent();
            assertSame(fast.get(), (SheetEntry) strict.orElseThrow());
            assertSame(fast.get(), e);
            if (e.sheet().correction().isEmpty()) { // the scan itself reads every sheet without a correction
                var scanned = new FastSheetDecoder(ELECTION, new SheetJson(ELECTION)).decodeByScan(bytes);
                assertThat(scanned)
                        .as(new String(bytes, StandardCharsets.UTF_8))
                        .isPresent();
                assertSame(scanned.get(), e);
            }
        }
    }

    @Test
    void fastPathReadsNothingFromANonCanonicalVariantOfACanonicalSheet() {
        Random r = new Random(Seeds.seed("SheetFastPathTest.variants", 16));
        for (int n = 0; n < 500; n++) {
            String canonical = new String(CODEC.encode(randomSheet(r)), StandardCharsets.UTF_8);
            List<String> variants = List.of(
                    "{ " + canonical.substring(1),
                    canonical.replace("\"valid\":", "\"valid\":0"),
                    canonical.replace("\"kind\":\"sheet\"", "\"kind\":\"\\u0073heet\""),
                    canonical.replace("\"v\":1,", "\"v\":1.0,"),
                    canonical.substring(0, canonical.length() - 1) + " }",
                    swapContestAndCounts(canonical));
            for (String v : variants) {
                if (v.equals(canonical)) continue;
                assertThat(CODEC.decodeCanonicalSheet(v.getBytes(StandardCharsets.UTF_8)))
                        .as(v)
                        .isEmpty();
            }
        }
    }

    private static String swapContestAndCounts(String c) {
        int counts = c.indexOf(",\"counts\":");
        int end = c.indexOf('}', counts) + 1;
        return "{" + c.substring(counts + 1, end) + "," + c.substring(1, counts) + c.substring(end);
    }

    private static void assertSame(SheetEntry got, SheetEntry want) {
        TallySheet a = got.sheet(), b = want.sheet();
        assertThat(a.stationId()).isEqualTo(b.stationId());
        assertThat(a.contestId()).isEqualTo(b.contestId());
        assertThat(a.sourceId()).isEqualTo(b.sourceId());
        assertThat(a.counts()).isEqualTo(b.counts());
        assertThat(a.votes()).isEqualTo(b.votes());
        assertThat(a.correction()).isEqualTo(b.correction());
        assertThat(a.evidence()).isEqualTo(b.evidence());
        assertThat(got.signature().map(SheetSignature::signer))
                .isEqualTo(want.signature().map(SheetSignature::signer));
        assertThat(got.signature().map(SheetSignature::signature).orElse(new byte[0]))
                .isEqualTo(want.signature().map(SheetSignature::signature).orElse(new byte[0]));
    }

    private static SheetEntry randomSheet(Random r) {
        var contest = ELECTION.contests().get(r.nextInt(ELECTION.contests().size()));
        long[] votes = new long[contest.choices().size()];
        for (int i = 0; i < votes.length; i++) votes[i] = r.nextInt(10) == 0 ? r.nextLong(1L << 53) : r.nextInt(1000);
        long valid = r.nextInt(100_000);
        var counts = new SummaryCounts(
                absentOr(r, r.nextInt(5000)), absentOr(r, r.nextInt(5000)), valid, r.nextInt(50), absentOr(r, 7));
        Optional<Correction> correction = r.nextInt(4) == 0
                ? Optional.of(new Correction(r.nextInt(1_000_000), r.nextBoolean() ? "typo" : "erreur \"é\" ✓\n"))
                : Optional.empty();
        TallySheet s = new TallySheet(
                "T" + r.nextInt(100_000), contest.id(), r.nextBoolean() ? "auth" : "wit", counts, votes, correction);
        Optional<SheetSignature> sig = Optional.empty();
        if (r.nextBoolean()) {
            byte[] b = new byte[64];
            r.nextBytes(b);
            sig = Optional.of(new SheetSignature("acct-" + r.nextInt(9), b));
        }
        return new SheetEntry(s, sig);
    }

    private static long absentOr(Random r, long n) {
        return r.nextInt(3) == 0 ? SummaryCounts.ABSENT : n;
    }
}
