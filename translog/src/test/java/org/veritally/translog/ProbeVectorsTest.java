package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.translog.Trees.hex;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The 98 inclusion and 98 consistency probes of shared/vectors/merkle/probes.json
 * (transparency-dev/merkle testdata, Apache-2.0): each must verify or fail exactly as its {@code
 * wantErr} says. The happy paths are also written here, and must equal the proofs this package
 * builds over the RFC 6962 reference tree.
 */
class ProbeVectorsTest {

    static final String LEAF0 = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";
    static final String LEAF1 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7";
    static final String LEAF4 = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
    static final String N23 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e";
    static final String N4567 = "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";
    static final String N67 = "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0";
    static final String N0123 = "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
    static final String N45 = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a";
    static final String LEAF6 = "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f";

    /** {index, size, proof...} of the inclusion happy paths. */
    static final Object[][] INCLUSION_HAPPY = {
        {0L, 8L, List.of(LEAF1, N23, N4567)},
        {5L, 8L, List.of(LEAF4, N67, N0123)},
        {2L, 3L, List.of(RfcReferenceVectorsTest.ROOTS[2])},
        {1L, 5L, List.of(LEAF0, N23, LEAF4)},
    };

    /** {m, n, proof...} of the consistency happy paths. */
    static final Object[][] CONSISTENCY_HAPPY = {
        {1L, 8L, List.of(LEAF1, N23, N4567)},
        {6L, 8L, List.of(N45, N67, N0123)},
        {2L, 5L, List.of(N23, LEAF4)},
        {6L, 7L, List.of(N45, LEAF6, N0123)},
    };

    @Test
    @DisplayName("happy-path probes equal the proofs built over the reference tree, and verify")
    void happyPathsAsConstants() {
        List<byte[]> leaves = RfcReferenceVectorsTest.referenceLeaves();
        MapHashReader store = Trees.store(leaves);
        for (Object[] p : INCLUSION_HAPPY) {
            long index = (Long) p[0];
            long size = (Long) p[1];
            InclusionProof proof = InclusionProof.build(index, size, store);
            assertThat(proof.hashes()).map(Trees::hex).isEqualTo(p[2]);
            byte[] root = hex(RfcReferenceVectorsTest.ROOTS[(int) size]);
            assertThat(proof.verify(leaves.get((int) index), root).isVerified()).isTrue();
        }
        for (Object[] p : CONSISTENCY_HAPPY) {
            long m = (Long) p[0];
            long n = (Long) p[1];
            ConsistencyProof proof = ConsistencyProof.build(m, n, store);
            assertThat(proof.hashes()).map(Trees::hex).isEqualTo(p[2]);
            byte[] oldRoot = hex(RfcReferenceVectorsTest.ROOTS[(int) m]);
            byte[] newRoot = hex(RfcReferenceVectorsTest.ROOTS[(int) n]);
            assertThat(proof.verify(oldRoot, newRoot).isVerified()).isTrue();
        }
    }

    @TestFactory
    @DisplayName("shared file: all 98 inclusion probes verify or fail as wantErr says")
    Stream<DynamicTest> inclusionProbes() {
        List<Object> probes =
                Json.array(SharedVectors.load("vectors/merkle/probes.json").get("inclusion"));
        assertThat(probes).hasSize(98);
        return probes.stream()
                .map(Json::object)
                .map(p -> DynamicTest.dynamicTest(name(p), () -> {
                    Verification v = InclusionVerifier.verify(
                            ((BigInteger) p.get("leafIdx")).longValue(),
                            ((BigInteger) p.get("treeSize")).longValue(),
                            hex((String) p.get("leafHash")),
                            hashes(p.get("proof")),
                            hex((String) p.get("root")));
                    assertThat(v.isVerified()).as("%s: %s", p.get("file"), v).isEqualTo(!wantErr(p));
                }));
    }

    @TestFactory
    @DisplayName("shared file: all 98 consistency probes verify or fail as wantErr says")
    Stream<DynamicTest> consistencyProbes() {
        List<Object> probes =
                Json.array(SharedVectors.load("vectors/merkle/probes.json").get("consistency"));
        assertThat(probes).hasSize(98);
        return probes.stream()
                .map(Json::object)
                .map(p -> DynamicTest.dynamicTest(name(p), () -> {
                    Verification v = ConsistencyVerifier.verify(
                            ((BigInteger) p.get("size1")).longValue(),
                            ((BigInteger) p.get("size2")).longValue(),
                            hex((String) p.get("root1")),
                            hex((String) p.get("root2")),
                            hashes(p.get("proof")));
                    assertThat(v.isVerified()).as("%s: %s", p.get("file"), v).isEqualTo(!wantErr(p));
                }));
    }

    private static String name(Map<String, Object> p) {
        String file = (String) p.get("file");
        return file.substring("testdata/".length()) + (wantErr(p) ? " (must fail)" : " (must verify)");
    }

    private static boolean wantErr(Map<String, Object> p) {
        return (Boolean) p.get("wantErr");
    }

    private static List<byte[]> hashes(Object proof) {
        List<byte[]> out = new ArrayList<>();
        if (proof != null) {
            Json.array(proof).forEach(h -> out.add(hex((String) h)));
        }
        return out;
    }
}
