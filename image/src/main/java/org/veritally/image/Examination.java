package org.veritally.image;

import java.util.List;
import java.util.Optional;
import org.veritally.core.validation.Problem;

/** What {@link Photo#examine} found: the file is {@link Examined} evidence, or {@link Refused}. Immutable. */
public sealed interface Examination {
    /**
     * An accepted file: its sniffed media type, its length in bytes, the lowercase hex SHA-256 of its
     * bytes (the original's, which is what is kept privately), its EXIF, and for an image the
     * {@link Picture} (empty for a PDF, which is neither rendered nor published here: docs/evidence.md).
     */
    record Examined(MediaType mediaType, long size, String sha256, Exif exif, Optional<Picture> picture)
            implements Examination {
        public Examined {
            if (mediaType == null || sha256 == null || exif == null || picture == null) {
                throw new NullPointerException("null field of an examined file");
            }
        }
    }

    /** A refused file, with every problem found (EV-SIZE, EV-TYPE, EV-DECODE), at least one. */
    record Refused(List<Problem> problems) implements Examination {
        public Refused {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) throw new IllegalArgumentException("a refusal names at least one problem");
        }
    }
}
