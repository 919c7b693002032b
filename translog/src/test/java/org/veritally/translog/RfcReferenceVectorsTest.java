package org.veritally.translog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veritally.translog.Trees.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The RFC 6962 reference tree (8 leaves) and the byte-leaf tree, from
 * shared/vectors/merkle/rfc6962-reference.json (transparency-dev/merkle testonly, Apache-2.0).
 * The values are facts and are written here; a second test reads the file itself.
 */
class RfcReferenceVectorsTest {

    static final String[] LEAF_INPUTS = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };

    static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    };

    static final Map<Integer, String> BYTE_LEAF_ROOTS = Map.ofEntries(
            Map.entry(1, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
            Map.entry(2, "a20bf9a7cc2dc8a08f5f415a71b19f6ac427bab54d24eec868b5d3103449953a"),
            Map.entry(3, "3b6cccd7e3e023ff393006f030315ee7ad9eb111b022b41fba7e5b7a3973f688"),
            Map.entry(8, "ef7f49b620f6c7ea9b963a214da34b5021c6ded8ed57734380a311ab726aa907"),
            Map.entry(100, "9eccc8f11ab3ecd41cbf41f5045df576dcedc60f44d4a3de5f40b7d4f7e9d7e3"),
            Map.entry(255, "109456304c2c861619b325bb795c95ed9afc6c27bef892d86f2d88356e9f5bcd"));

    static List<byte[]> referenceLeaves() {
        LogHasher hasher = LogHasher.create();
        List<byte[]> leaves = new ArrayList<>();
        for (String in : LEAF_INPUTS) {
            leaves.add(hasher.leafHash(hex(in)));
        }
        return leaves;
    }

    @Test
    @DisplayName("RFC 9162 §2.1.1: the empty root and the leaf hashes of the reference tree")
    void emptyRootAndLeafHashes() {
        assertThat(hex(LogHasher.emptyRoot())).isEqualTo(ROOTS[0]);
        assertThat(hex(referenceLeaves().get(0)))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex(referenceLeaves().get(7)))
                .isEqualTo("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");
    }

    @Test
    @DisplayName("the appender, MerkleRoot and the compact range give the reference roots 0..8")
    void referenceRoots() {
        List<byte[]> leaves = referenceLeaves();
        MapHashReader store = Trees.store(leaves);
        CompactRange range = CompactRange.empty();
        TreeAppender appender = new TreeAppender();
        for (int n = 0; n <= 8; n++) {
            assertThat(hex(MerkleRoot.of(n, store))).as("MerkleRoot size %d", n).isEqualTo(ROOTS[n]);
            assertThat(hex(range.root(LogHasher.create())))
                    .as("range size %d", n)
                    .isEqualTo(ROOTS[n]);
            if (n < 8) {
                AppendResult r = appender.append(range, List.of(leaves.get(n)));
                assertThat(hex(r.root())).isEqualTo(ROOTS[n + 1]);
                range = r.range();
            }
        }
    }

    @Test
    @DisplayName("byte-leaf tree roots (leaf i is the byte i)")
    void byteLeafRoots() {
        MapHashReader store = Trees.store(Trees.byteLeaves(256));
        BYTE_LEAF_ROOTS.forEach((n, root) ->
                assertThat(hex(MerkleRoot.of(n, store))).as("size %d", n).isEqualTo(root));
    }

    @Test
    @DisplayName("shared file: every root of rfc6962-reference.json")
    void sharedFile() {
        Map<String, Object> v = SharedVectors.load("vectors/merkle/rfc6962-reference.json");
        LogHasher hasher = LogHasher.create();
        List<byte[]> leaves = new ArrayList<>();
        List<Object> inputs = Json.array(v.get("leafInputsHex"));
        List<Object> leafHashes = Json.array(v.get("leafHashesHex"));
        for (int i = 0; i < inputs.size(); i++) {
            byte[] leaf = hasher.leafHash(hex((String) inputs.get(i)));
            assertThat(hex(leaf)).isEqualTo(leafHashes.get(i));
            leaves.add(leaf);
        }
        MapHashReader store = Trees.store(leaves);
        Json.object(v.get("rootHexBySize"))
                .forEach((n, root) ->
                        assertThat(hex(MerkleRoot.of(Long.parseLong(n), store))).isEqualTo(root));
        Map<String, Object> byteTree =
                Json.object(Json.object(v.get("byteLeafTree")).get("rootHexBySize"));
        MapHashReader bytes = Trees.store(Trees.byteLeaves(256));
        byteTree.forEach((n, root) -> assertThat(hex(MerkleRoot.of(Long.parseLong(n), bytes)))
                .as("size %s", n)
                .isEqualTo(root));
        assertThat(byteTree).hasSizeGreaterThanOrEqualTo(20);
    }
}
