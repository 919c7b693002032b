/**
 * Adapters at the edge of the verifier: {@link org.veritally.verify.io.DirectoryLog} (a published
 * log on disk, such as a mirror), {@link org.veritally.verify.io.HttpLog} (a log over HTTP with the
 * JDK client; also the intake of witness cosignatures), {@link org.veritally.verify.io.Logs} (which
 * of the two a command-line argument names), and the small state files of the watcher and the
 * witness ({@link org.veritally.verify.io.StateFile}, {@link org.veritally.verify.io.WitnessKeyFile}).
 * I/O failures surface as {@link org.veritally.verify.LogUnavailableException}.
 */
package org.veritally.verify.io;
