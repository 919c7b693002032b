package org.veritally.server.ops;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token-bucket limit: {@code count} requests per {@code seconds}, sustained, with bursts of up to
 * {@code burst}. Written {@code N/s}, {@code N/m} or {@code N/h}, optionally {@code :BURST} (the
 * burst defaults to N), or {@code off}. Immutable.
 *
 * @param count requests allowed per period; 0 means no limit
 * @param seconds the period in seconds
 * @param burst the bucket's capacity
 */
public record RateLimit(long count, long seconds, long burst) {
    private static final Pattern SPEC = Pattern.compile("([1-9][0-9]{0,8})/([smh])(?::([1-9][0-9]{0,8}))?");

    /** No limit. */
    public static final RateLimit OFF = new RateLimit(0, 1, 0);

    public RateLimit {
        if (count < 0 || seconds <= 0 || burst < 0)
            throw new IllegalArgumentException("bad rate limit " + count + "/" + seconds + "s:" + burst);
        if (count > 0 && burst == 0) throw new IllegalArgumentException("a rate limit needs a burst of at least 1");
    }

    /**
     * Parses {@code N/s[:B]}, {@code N/m[:B]}, {@code N/h[:B]} or {@code off}.
     *
     * @throws IllegalArgumentException on anything else (the CLI reports it as a usage error)
     */
    public static RateLimit parse(String spec) {
        if (spec.equals("off")) return OFF;
        Matcher m = SPEC.matcher(spec);
        if (!m.matches())
            throw new IllegalArgumentException(
                    "rate limit must be N/s, N/m or N/h, optionally :BURST, or off: '" + spec + "'");
        long n = Long.parseLong(m.group(1));
        long per = switch (m.group(2)) {
            case "s" -> 1;
            case "m" -> 60;
            default -> 3600;
        };
        return new RateLimit(n, per, m.group(3) == null ? n : Long.parseLong(m.group(3)));
    }

    public boolean enabled() {
        return count > 0;
    }

    /** Tokens added per second. */
    public double perSecond() {
        return (double) count / seconds;
    }

    @Override
    public String toString() {
        if (!enabled()) return "off";
        String unit = seconds == 1 ? "s" : seconds == 60 ? "m" : seconds == 3600 ? "h" : seconds + "s";
        return count + "/" + unit + (burst == count ? "" : ":" + burst);
    }
}
