package org.veritally.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.veritally.core.model.Election;
import org.veritally.core.model.TallySheet;
import org.veritally.core.transcribe.PhotoKey;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.transcribe.FiguresBody;

/**
 * The figures of a transcription or settle form ({@code v.<choice>}, {@code valid}, {@code null}) read as the
 * API reads them: turned into the API's JSON and decoded by {@link FiguresBody}, so the sheet rules are the
 * rulebook's and no other. Every field typed goes into {@code typed} (to show the form again). Stateless.
 */
final class FormFigures {
    private static final Pattern COUNT = Pattern.compile("\\d{1,15}");

    private FormFigures() {}

    /** The sheet typed for {@code key} in {@code contestId}, or empty with every problem (IN-COUNT, …). */
    static Optional<TallySheet> read(
            Election el,
            Context ctx,
            PhotoKey key,
            String contestId,
            Map<String, String> typed,
            List<Problem> problems) {
        var c = el.contest(contestId);
        if (c.isEmpty()) {
            problems.add(new Problem(Rule.IN_FIELD, "contest", "no contest '" + contestId + "'"));
            return Optional.empty();
        }
        StringBuilder votes = new StringBuilder();
        for (var ch : c.get().choices()) {
            String v = count(ctx, "v." + ch.id(), typed, problems);
            votes.append(votes.isEmpty() ? "" : ",")
                    .append(json(ch.id()))
                    .append(':')
                    .append(v);
        }
        String valid = count(ctx, "valid", typed, problems);
        String nulls = count(ctx, "null", typed, problems);
        if (!problems.isEmpty()) return Optional.empty();
        String body = "{\"station\":" + json(key.stationId()) + ",\"contest\":" + json(contestId) + ",\"source\":"
                + json(key.sourceId()) + ",\"evidence\":" + json(key.sha256()) + ",\"counts\":{\"valid\":" + valid
                + ",\"null\":" + nulls + "},\"votes\":{" + votes + "}}";
        return FiguresBody.read(el, body.getBytes(StandardCharsets.UTF_8), new ArrayList<>(), problems);
    }

    static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static String count(Context ctx, String name, Map<String, String> typed, List<Problem> problems) {
        String v = param(ctx, name).strip();
        typed.put(name, v);
        if (COUNT.matcher(v).matches()) return Long.toString(Long.parseLong(v));
        problems.add(new Problem(Rule.IN_COUNT, name, "a whole number of votes, 0 or more"));
        return "0";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }
}
