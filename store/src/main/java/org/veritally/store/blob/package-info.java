/**
 * Content-addressed storage of the evidence: the photo of each tally sheet (its original and its public copy), each
 * a blob named by the SHA-256 of its bytes. The log holds the hashes; the bytes live behind one port, {@link
 * org.veritally.store.blob.BlobStore}, with three adapters: a directory beside the database (the default), a table
 * of the PostgreSQL database that several instances share, and an S3 bucket. {@link
 * org.veritally.store.blob.BlobStores#open} picks one from an {@code --evidence} location. Every read checks the
 * bytes against their name ({@code STORE-BLOB-HASH}); every name is checked before it is used ({@code
 * STORE-BLOB-NAME}).
 */
package org.veritally.store.blob;
