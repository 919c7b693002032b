package org.veritally.verify;

/**
 * A results file published "as of" an earlier log size, for {@code VFY-ASOF}: the canonical results
 * file of one contest × view ({@code ResultsJson}, docs/log-format.md §7), which names its own log size
 * in {@code logSize}. Compared with the file recomputed from the log's first {@code logSize} entries.
 *
 * @param name where the file came from (a path or URL), for the report
 * @param bytes the file as published
 */
public record AsOfFile(String name, byte[] bytes) {
    public AsOfFile {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }
}
