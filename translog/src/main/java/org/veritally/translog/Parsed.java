package org.veritally.translog;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.veritally.core.validation.Problem;

/**
 * The result of parsing external input: the value, or every problem found.
 *
 * <p>Parsers in this package are strict: they never repair input, and they report each problem
 * with its rule ID. Invariant: {@link Invalid} holds at least one problem. Immutable and
 * thread-safe when {@code T} is.
 *
 * @param <T> the parsed type
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Invalid {

    /**
     * The input was valid.
     *
     * @param value the parsed value
     */
    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The input was invalid.
     *
     * @param problems every problem found, never empty
     */
    record Invalid<T>(List<Problem> problems) implements Parsed<T> {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid parse names at least one problem");
            }
        }
    }

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> invalid(Rule rule, String location, String message) {
        return new Invalid<>(List.of(new Problem(rule, location, message)));
    }

    static <T> Parsed<T> invalid(List<Problem> problems) {
        return new Invalid<>(problems);
    }

    /** Whether the input was valid. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** The problems; empty when valid. */
    default List<Problem> problems() {
        return this instanceof Invalid<T> i ? i.problems() : List.of();
    }

    /**
     * The value, for callers that have already checked {@link #isOk()} or that treat invalid input
     * as a programming error (for example a key from their own configuration).
     *
     * @throws IllegalStateException if the input was invalid; the message lists the problems
     */
    default T orElseThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("invalid input: " + problems());
    }

    /** Applies {@code f} to a valid value and keeps the problems of an invalid one. */
    default <U> Parsed<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return new Invalid<>(problems());
    }
}
