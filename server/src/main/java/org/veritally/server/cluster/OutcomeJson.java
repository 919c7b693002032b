package org.veritally.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.server.intake.Accepted;
import org.veritally.server.intake.Outcome;

/**
 * The sequencer's answer to one queued submission, as the JSON text of {@code submission.result}.
 * Locations are kept relative to the submission (the part after its row token), so the instance
 * that queued it can put them back under its own row location. Stateless.
 */
final class OutcomeJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeJson() {}

    /**
     * {@link #slice} for every row of {@code batch} at once, by token (a location up to its first
     * space): one pass over the batch instead of one per row.
     */
    static java.util.Map<String, String> slices(Outcome batch) {
        java.util.Map<String, List<Accepted>> acc = new java.util.HashMap<>();
        java.util.Map<String, List<Problem>> rej = new java.util.HashMap<>();
        for (Accepted a : batch.accepted())
            acc.computeIfAbsent(token(a.location()), k -> new ArrayList<>(1)).add(a);
        for (Problem p : batch.rejected())
            rej.computeIfAbsent(token(p.location()), k -> new ArrayList<>(1)).add(p);
        java.util.Map<String, String> out = new java.util.HashMap<>();
        java.util.Set<String> tokens = new java.util.HashSet<>(acc.keySet());
        tokens.addAll(rej.keySet());
        for (String t : tokens) {
            out.put(
                    t,
                    slice(
                            new Outcome(
                                    acc.getOrDefault(t, List.of()),
                                    rej.getOrDefault(t, List.of()),
                                    batch.logSize(),
                                    batch.written()),
                            t));
        }
        return out;
    }

    private static String token(String location) {
        int space = location.indexOf(' ');
        return space < 0 ? location : location.substring(0, space);
    }

    /** The part of {@code batch} that belongs to the row located at {@code token}, as JSON. */
    static String slice(Outcome batch, String token) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode acc = o.putArray("accepted");
        for (Accepted a : batch.accepted()) {
            if (!a.location().equals(token)) continue;
            ObjectNode n = acc.addObject();
            n.put("index", a.index());
            n.put("leafHash", HexFormat.of().formatHex(a.leafHash()));
            n.put("idempotent", a.idempotent());
            problems(n.putArray("flags"), a.flags(), token);
            a.receipt().ifPresent(r -> n.put("receipt", r));
        }
        problems(o.putArray("rejected"), batch.rejected(), token);
        o.put("logSize", batch.logSize());
        o.put("written", batch.written());
        return o.toString();
    }

    private static void problems(ArrayNode out, List<Problem> ps, String token) {
        for (Problem p : ps) {
            if (!p.location().equals(token) && !p.location().startsWith(token + " ")) continue;
            ObjectNode n = out.addObject();
            n.put("rule", p.rule().id());
            n.put("location", p.location().substring(token.length()));
            n.put("message", p.message());
        }
    }

    /** One submission's outcome, with its locations under {@code location}. */
    static Outcome read(String json, String location) {
        try {
            JsonNode o = JSON.readTree(json);
            List<Accepted> acc = new ArrayList<>();
            for (JsonNode n : o.get("accepted")) {
                acc.add(new Accepted(
                        location,
                        n.get("index").asLong(),
                        HexFormat.of().parseHex(n.get("leafHash").asText()),
                        n.get("idempotent").asBoolean(),
                        problems(n.get("flags"), location),
                        java.util.Optional.ofNullable(n.get("receipt")).map(JsonNode::asText)));
            }
            return new Outcome(
                    acc,
                    problems(o.get("rejected"), location),
                    o.get("logSize").asLong(),
                    o.get("written").asBoolean());
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("the sequencer's answer does not parse: " + e.getMessage(), e);
        }
    }

    private static List<Problem> problems(JsonNode arr, String location) {
        List<Problem> out = new ArrayList<>();
        for (JsonNode n : arr)
            out.add(new Problem(
                    rule(n.get("rule").asText()),
                    location + n.get("location").asText(),
                    n.get("message").asText()));
        return out;
    }

    /** The families of rules the rulebook answers with (a transcription's TR-AGREE, a key's rules, …). */
    private static final List<org.veritally.core.validation.RuleId[]> FAMILIES = List.of(
            Rule.values(),
            org.veritally.core.transcribe.TranscriptionRule.values(),
            org.veritally.core.rulebook.KeyRule.values(),
            org.veritally.core.rulebook.AuditRule.values(),
            org.veritally.image.ImageRule.values());

    /** The rule of ID {@code id} in the families the rulebook answers with. */
    static org.veritally.core.validation.RuleId rule(String id) {
        for (var family : FAMILIES) for (var r : family) if (r.id().equals(id)) return r;
        throw new IllegalArgumentException("no rule " + id);
    }
}
