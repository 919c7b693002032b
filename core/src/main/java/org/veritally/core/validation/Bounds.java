package org.veritally.core.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.OptionalInt;

/**
 * The bounds every value from outside obeys once it is in the log (docs/validation.md, "Bounds"):
 * counts at most {@link #MAX_COUNT} (IN-MAX), text without control or bidi-override characters
 * (IN-TEXT), times in a strict ISO 8601 form (IN-TIME). Pure and stateless; thread-safe.
 */
public final class Bounds {
    /**
     * The largest count any figure may carry: 10^10, more than the world's population, so no station,
     * unit or country reaches it, while a sum of up to 922 million such figures (more sheets than any
     * election has) and a figure times 10^8 still fit in a {@code long} exactly.
     */
    public static final long MAX_COUNT = 10_000_000_000L;

    /** The longest {@code time} accepted (a full offset date-time with nanoseconds is 35 characters). */
    public static final int MAX_TIME_LENGTH = 64;

    private static final DateTimeFormatter OFFSET_TIME =
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter LOCAL_TIME =
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT);

    private Bounds() {}

    /** Whether {@code n} is a count within bounds: 0 to {@link #MAX_COUNT}. */
    public static boolean count(long n) {
        return n >= 0 && n <= MAX_COUNT;
    }

    /**
     * The index of the first character of {@code s} that no text field may hold, if any: a C0 or C1
     * control character (NUL, line breaks and tabs included), DEL, a bidi embedding, override or
     * isolate (U+202A–U+202E, U+2066–U+2069), or half of a surrogate pair on its own.
     */
    public static OptionalInt badCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
                return OptionalInt.of(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return OptionalInt.of(i);
            } else if (Character.isLowSurrogate(c)) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    /** {@code U+XXXX}, how a refused character is named in a message (never the raw character). */
    public static String codePoint(String s, int i) {
        return String.format("U+%04X", s.codePointAt(i));
    }

    /**
     * Whether {@code t} is a time in one of the strict ISO 8601 forms (RFC 3339 §5.6 and its relatives):
     * {@code 2024-07-29T00:06:00-04:00} (with an offset or {@code Z}, fractions of a second allowed),
     * {@code 2024-07-29T00:06:00} (local time, as the authority stated it) or {@code 2024-07-29} (a
     * date). Calendar fields are checked strictly: no 30 February, no hour 24.
     */
    public static boolean time(String t) {
        if (t.length() > MAX_TIME_LENGTH) return false;
        try {
            if (t.indexOf('T') < 0) LocalDate.parse(t, DATE);
            else if (t.endsWith("Z") || t.lastIndexOf('+') > 0 || t.lastIndexOf('-') > t.indexOf('T'))
                OffsetDateTime.parse(t, OFFSET_TIME);
            else LocalDateTime.parse(t, LOCAL_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
