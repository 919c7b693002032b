package org.veritally.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.veritally.server.log.PublishProblem;
import org.veritally.server.read.UsageProblem;
import org.veritally.server.stats.StatsParameterProblem;
import org.veritally.store.DiskFull;
import org.veritally.store.StoreException;

/**
 * The exceptions that end a command, sorted into the kinds of failure of docs/cli.md: a usage error
 * (exit 2), an environment failure (disk, database, network, I/O; exit 2), or a bug (anything else,
 * exit 3, {@code internal error: ...}). Rejected records are no exception: the command itself
 * returns exit 1. Each is one line on stderr; the stack trace only with {@code VERITALLY_DEBUG} set.
 */
final class Failures {
    private Failures() {}

    /** Prints the one line for {@code ex} (and its stack trace when {@code debug}) and returns the exit code. */
    static int report(Throwable ex, PrintWriter err, boolean debug) {
        if (debug) ex.printStackTrace(err);
        int code;
        var full = DiskFull.find(ex);
        if (full.isPresent()) {
            err.println("error: " + full.get().getMessage());
            code = Main.USAGE;
        } else if (ex instanceof UsageProblem u) {
            err.println("error: " + u.rule().id() + ": " + u.getMessage());
            code = Main.USAGE;
        } else if (ex instanceof PublishProblem p) {
            err.println("error: " + p.rule().id() + ": " + p.getMessage());
            code = Main.USAGE;
        } else if (ex instanceof UsageError || ex instanceof StatsParameterProblem) {
            err.println("error: " + ex.getMessage());
            code = Main.USAGE;
        } else if (environment(ex)) {
            err.println("error: I/O: " + oneLine(fileProblem(ex).orElse(ex.getMessage())));
            code = Main.USAGE;
        } else {
            err.println("internal error: " + oneLine(String.valueOf(ex))
                    + (debug ? "" : " (a bug; VERITALLY_DEBUG=1 shows the stack trace)"));
            code = Main.INTERNAL;
        }
        err.flush();
        return code;
    }

    /** A failure of the disk, the database or the network, however a library wrapped it. */
    static boolean environment(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreException || t instanceof UncheckedIOException || t instanceof IOException)
                return true;
        }
        return false;
    }

    /** A missing or forbidden file, whose exception's message is the bare path, said in words. */
    private static Optional<String> fileProblem(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NoSuchFileException f) return Optional.of("no such file or directory: " + f.getFile());
            if (t instanceof AccessDeniedException f) return Optional.of("permission denied: " + f.getFile());
            if (t instanceof FileAlreadyExistsException f) return Optional.of("already exists: " + f.getFile());
            if (t instanceof FileSystemException f && f.getReason() == null)
                return Optional.of(f.getFile() + ": " + f.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
