package org.veritally.translog;

import java.util.Objects;

/**
 * Thrown by {@link TileHashReader} when a published tile is malformed (for example the wrong
 * length, rule {@code TILE-FMT-1}), because a {@link HashReader} can only answer with a hash.
 *
 * <p>Verifiers that must report rather than throw ({@link TileVerifier}) check tiles before reading
 * through them, or catch this and turn its rule into a {@link FailedCheck}. Immutable.
 */
public final class InvalidTileException extends RuntimeException {

    private final transient Rule rule;

    /** A failure of {@code rule}, described by {@code message}. */
    public InvalidTileException(Rule rule, String message) {
        super(rule.id() + ": " + message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** The rule the tile breaks. */
    public Rule rule() {
        return rule;
    }
}
