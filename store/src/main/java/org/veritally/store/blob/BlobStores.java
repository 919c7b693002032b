package org.veritally.store.blob;

import java.nio.file.Path;
import org.veritally.store.Database;

/**
 * Opens the evidence store that an {@code --evidence} location names ({@link BlobLocation}). Where none is given, the
 * evidence goes in {@link #defaultDirectory the directory {@code evidence} beside the database}. Stateless.
 */
public final class BlobStores {
    private BlobStores() {}

    /** The default location: {@code <data>/evidence}. */
    public static Path defaultDirectory(Path dataDirectory) {
        return dataDirectory.resolve("evidence");
    }

    /**
     * Opens the blob store at {@code uri}; {@code database} is the instance's own, used by {@code postgres}.
     *
     * @throws IllegalArgumentException {@code STORE-BLOB-URI} for a location that is not one of the forms, or {@code
     *     postgres} with a SQLite database
     * @throws org.veritally.store.StoreException if the store cannot be reached or created
     */
    public static BlobStore open(String uri, Database database) {
        return open(BlobLocation.parse(uri), database);
    }

    /** Opens the blob store at {@code location}; see {@link #open(String, Database)}. */
    public static BlobStore open(BlobLocation location, Database database) {
        if (location instanceof BlobLocation.Directory d) return new DirectoryBlobStore(d.root());
        if (location instanceof BlobLocation.S3 s) return new S3BlobStore(s);
        return new PostgresBlobStore(database);
    }
}
