package org.veritally.store.blob;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * The port of the evidence storage: immutable blobs, each named by the SHA-256 of its bytes as 64 lower-case hex
 * digits ({@link BlobHash}).
 *
 * <ul>
 *   <li>{@link #put} is durable when it returns, and idempotent: the same bytes are stored once, and a second put of
 *       them writes nothing and returns the same name, also when several threads or instances put them at once.
 *   <li>{@link #get} checks the bytes against their name: a blob damaged or altered at rest fails with {@link
 *       org.veritally.store.StoreException} {@code STORE-BLOB-HASH}; it is reported, never served.
 *   <li>Every name argument is checked first: anything but 64 lower-case hex digits is refused with {@link
 *       IllegalArgumentException} {@code STORE-BLOB-NAME}, so no name can reach outside the store (no path
 *       traversal, no other key or row).
 * </ul>
 *
 * An infrastructure failure (I/O, the database, the S3 service) is an unchecked {@link
 * org.veritally.store.StoreException}; a full disk is {@code STORE-FULL}. Implementations are thread-safe.
 */
public interface BlobStore extends AutoCloseable {
    /**
     * Stores {@code bytes} unless a blob of that name is there already; returns its name (the SHA-256, lower-case
     * hex). Durable when it returns.
     */
    String put(byte[] bytes);

    /**
     * The bytes of the blob {@code sha256hex}, checked against the name; empty if there is none.
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-NAME} for a name that is not 64 lower-case hex digits
     * @throws org.veritally.store.StoreException {@code STORE-BLOB-HASH} if the stored bytes no longer hash to the name
     */
    Optional<byte[]> get(String sha256hex);

    /**
     * Whether a blob of that name is stored (its bytes are not read nor checked).
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-NAME} for a name that is not 64 lower-case hex digits
     */
    boolean has(String sha256hex);

    /**
     * The size in bytes of the blob of that name, as stored; empty if there is none.
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-NAME} for a name that is not 64 lower-case hex digits
     */
    OptionalLong size(String sha256hex);

    /**
     * Gives the name of every stored blob to {@code action}, in ascending order (for a mirror's export); names that a
     * blob store holds but that are not blob names (a temporary file, another object under the prefix) are skipped.
     */
    void forEachHash(Consumer<String> action);

    /** Where the blobs are, for messages (never a secret). */
    String location();

    /** Releases connections and clients; the blobs stay. */
    @Override
    void close();
}
