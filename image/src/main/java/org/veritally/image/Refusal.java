package org.veritally.image;

import org.veritally.core.validation.Problem;

/**
 * Internal control flow: a check found the file unacceptable. {@link Photo#examine} turns it into a
 * {@link Examination.Refused}; it never leaves this package.
 */
final class Refusal extends Exception {
    private final transient Problem problem;

    Refusal(ImageRule rule, String message) {
        super(message, null, false, false);
        this.problem = new Problem(rule, Photo.LOCATION, message);
    }

    Problem problem() {
        return problem;
    }
}
