package org.veritally.app;

import java.util.function.Supplier;

/**
 * A user's mistake on the command line that no record carries: a bad option value, a missing file,
 * an unknown account. Exit code 2 with one line ({@code error: message}); the message names the
 * option or file at fault. An {@link IllegalArgumentException} that reaches {@link Main} is a bug
 * (exit 3), so a user's error travels as this type, never as that one.
 */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message);
    }

    /**
     * Runs a library call whose {@link IllegalArgumentException} means the user's value was refused
     * (an unknown format, a malformed key, no such account), and reports that as a usage error.
     */
    static <T> T of(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** As {@link #of(Supplier)}, with {@code message} instead of the library's (an enum's "No enum constant ..."). */
    static <T> T of(Supplier<T> call, String message) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(message);
        }
    }
}
