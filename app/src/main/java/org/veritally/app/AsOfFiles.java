package org.veritally.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.verify.AsOfFile;

/** Reads the results files {@code verify --results} checks, holding them to {@code --at} when it is given. */
final class AsOfFiles {
    private AsOfFiles() {}

    static AsOfFile read(Path p, Long at) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UsageError("cannot read --results " + p + ": " + e.getMessage());
        }
        if (at != null) {
            Object size;
            try {
                size = JsonTree.asObject(JsonTree.parse(bytes)).get("logSize");
            } catch (JsonTree.JsonError | IllegalArgumentException e) {
                size = null; // VFY-ASOF reports a file that is not a results file
            }
            if (size instanceof Number n && n.longValue() != at)
                throw new UsageError(p + " is the results as of log size " + n + ", not --at " + at);
        }
        return new AsOfFile(p.toString(), bytes);
    }
}
