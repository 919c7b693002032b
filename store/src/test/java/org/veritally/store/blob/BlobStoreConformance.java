package org.veritally.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veritally.store.StoreException;
import org.veritally.store.StoreRule;
import org.veritally.testkit.Seeds;

/**
 * The blob storage conformance suite: what every adapter of {@link BlobStore} must do alike. Written once and run
 * against a real directory ({@link DirectoryBlobStoreTest}), a real PostgreSQL server ({@link PostgresBlobStoreTest})
 * and a real S3 server in the test JVM ({@link S3BlobStoreTest}).
 */
abstract class BlobStoreConformance {
    /** SHA-256("abc"), FIPS 180-2 Appendix B.1. */
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** SHA-256 of no bytes. */
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** A new, empty store for one test. */
    abstract BlobStore freshStore() throws Exception;

    /** Replaces the stored bytes of {@code name} with {@code other}, behind the store's back (damage at rest). */
    abstract void tamper(String name, byte[] other) throws Exception;

    BlobStore store;

    @BeforeEach
    void open() throws Exception {
        store = freshStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static byte[] random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    static List<String> listed(BlobStore s) {
        List<String> out = new ArrayList<>();
        s.forEachHash(out::add);
        return out;
    }

    @Test
    void putThenGetReturnsTheBytesUnderTheirSha256() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertThat(store.put(abc)).isEqualTo(ABC);
        assertThat(store.put(new byte[0])).isEqualTo(EMPTY);
        assertThat(store.get(ABC)).hasValueSatisfying(b -> assertThat(b).isEqualTo(abc));
        assertThat(store.get(EMPTY)).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(store.has(ABC)).isTrue();
        assertThat(store.size(ABC)).hasValue(3);
        assertThat(store.size(EMPTY)).hasValue(0);
        assertThat(store.location()).isNotBlank();
    }

    /** A second put of the same bytes writes nothing: bytes altered at rest stay altered, and are still reported. */
    @Test
    void theSameBytesAreStoredOnceAndASecondPutWritesNothing() throws Exception {
        byte[] photo = random(new Random(Seeds.seed("theSameBytesAreStoredOnce", 11)), 300_000);
        String name = store.put(photo);
        assertThat(store.put(photo.clone())).isEqualTo(name);
        assertThat(listed(store)).containsExactly(name);
        tamper(name, "not the photo".getBytes(StandardCharsets.US_ASCII));
        assertThat(store.put(photo)).isEqualTo(name);
        assertThatThrownBy(() -> store.get(name)).hasMessageStartingWith("STORE-BLOB-HASH");
    }

    @Test
    void anAbsentBlobIsNeitherHadNorGot() {
        assertThat(store.has(ABC)).isFalse();
        assertThat(store.get(ABC)).isEmpty();
        assertThat(store.size(ABC)).isEmpty();
        assertThat(listed(store)).isEmpty();
    }

    @Test
    void storeBlobNameAnythingButSixtyFourLowerCaseHexDigitsIsRefused() {
        List<String> bad = new ArrayList<>(List.of(
                "",
                "..",
                "../../../../etc/passwd",
                "ba/78/" + ABC,
                ABC.toUpperCase(java.util.Locale.ROOT),
                ABC.substring(1),
                ABC + "0",
                ABC.substring(0, 63) + "g",
                ABC.substring(0, 60) + "/../",
                "../" + ABC.substring(3),
                ABC.substring(0, 63) + "\0"));
        bad.add(null);
        for (String name : bad) {
            assertThatThrownBy(() -> store.get(name))
                    .as("get %s", name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("STORE-BLOB-NAME");
            assertThatThrownBy(() -> store.has(name)).as("has %s", name).hasMessageStartingWith("STORE-BLOB-NAME");
            assertThatThrownBy(() -> store.size(name)).as("size %s", name).hasMessageStartingWith("STORE-BLOB-NAME");
        }
        assertThat(BlobHash.valid(ABC)).isTrue();
    }

    @Test
    void aTwentyMegabyteBlobRoundTrips() {
        byte[] big = random(new Random(Seeds.seed("aTwentyMegabyteBlobRoundTrips", 20)), 20 << 20);
        String name = store.put(big);
        assertThat(name).isEqualTo(BlobHash.of(big));
        assertThat(store.size(name)).hasValue(20 << 20);
        assertThat(store.get(name)).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
    }

    /** Several threads put the same photo at once: one blob, every put returns its name, and it reads back whole. */
    @Test
    void concurrentPutsOfTheSameBytesStoreItOnce() throws Exception {
        byte[] photo = random(new Random(Seeds.seed("concurrentPutsOfTheSameBytes", 8)), 3 << 20);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> names = new ArrayList<>();
            for (int i = 0; i < threads; i++)
                names.add(pool.submit(() -> {
                    start.await();
                    return store.put(photo.clone());
                }));
            start.countDown();
            for (Future<String> f : names)
                assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(BlobHash.of(photo));
        } finally {
            pool.shutdownNow();
        }
        assertThat(listed(store)).containsExactly(BlobHash.of(photo));
        assertThat(store.get(BlobHash.of(photo)))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(photo));
    }

    /** STORE-BLOB-HASH: bytes changed at rest are reported, naming the blob and the hash they have now. */
    @Test
    void storeBlobHashTamperedBytesAtRestAreReportedNotServed() throws Exception {
        byte[] photo = random(new Random(Seeds.seed("storeBlobHashTampered", 13)), 100_000);
        String name = store.put(photo);
        byte[] altered = photo.clone();
        altered[50_000] ^= 1; // one bit, as a disk or an editor might
        tamper(name, altered);
        assertThatThrownBy(() -> store.get(name))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("STORE-BLOB-HASH")
                .hasMessageContaining(name)
                .hasMessageContaining(BlobHash.of(altered))
                .satisfies(e -> assertThat(((StoreException) e).rule()).contains(StoreRule.STORE_BLOB_HASH));
        assertThat(store.has(name)).as("still there, to be restored").isTrue();
    }

    @Test
    void everyHashIsListedOnceInAscendingOrder() {
        Random rnd = new Random(Seeds.seed("everyHashIsListed", 17));
        List<String> names = new ArrayList<>();
        byte[] first = random(rnd, 1 + rnd.nextInt(5_000));
        names.add(store.put(first));
        for (int i = 0; i < 30; i++) names.add(store.put(random(rnd, 1 + rnd.nextInt(5_000))));
        names.add(store.put(first));
        assertThat(listed(store))
                .containsExactlyElementsOf(names.stream().distinct().sorted().toList());
    }
}
