package org.veritally.server.live;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One Server-Sent Event of {@code /api/events}: the checkpoint the log has reached (its size, which is also the
 * event's {@code id}, its root hash in base64 and its time) and the units whose totals changed since the event
 * {@code previous} (the size of the checkpoint before; -1 when unknown). {@code units} empty with
 * {@code allUnits} means any unit may have changed (a client whose last event is unknown or too old). The wire
 * text is built once ({@link #bytes}) and shared by every stream it goes to. Immutable.
 */
public record LiveEvent(long size, String root, long ms, long previous, List<String> units, boolean allUnits) {
    public LiveEvent {
        units = List.copyOf(units);
        if (allUnits && !units.isEmpty()) throw new IllegalArgumentException("all units, or a list of them");
    }

    /** The event as {@code text/event-stream} lines (WHATWG HTML §9.2.5): id, event name and one JSON data line. */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }

    private String text() {
        StringBuilder b = new StringBuilder(96 + 16 * units.size());
        b.append("id: ")
                .append(size)
                .append("\nevent: checkpoint\ndata: {\"size\":")
                .append(size);
        b.append(",\"root\":\"").append(root).append("\",\"time\":\"").append(Instant.ofEpochMilli(ms));
        b.append("\",\"previous\":").append(previous < 0 ? "null" : Long.toString(previous));
        b.append(",\"allUnits\":").append(allUnits).append(",\"units\":[");
        for (int i = 0; i < units.size(); i++) {
            if (i > 0) b.append(',');
            quote(b, units.get(i));
        }
        return b.append("]}\n\n").toString();
    }

    /** A JSON string (RFC 8259 §7); the result has no line break, which would end an SSE data line. */
    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c == 0x2028 || c == 0x2029) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        b.append('"');
    }

    /** The {@code id} a client sends back as {@code Last-Event-ID}, if it is a log size. */
    public static Optional<Long> parseId(String s) {
        if (s == null || s.isEmpty() || s.length() > 19) return Optional.empty();
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return Optional.empty();
        return Optional.of(Long.parseLong(s));
    }
}
