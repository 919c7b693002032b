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
      n.put("rule", p.rule().name());
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
        acc.add(new Accepted(location, n.get("index").asLong(), HexFormat.of().parseHex(n.get("leafHash").asText()), n.get("idempotent").asBoolean(),
            problems(n.get("flags"), location)));
      }
      return new Outcome(acc, problems(o.get("rejected"), location), o.get("logSize").asLong(), o.get("written").asBoolean());
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalStateException("the sequencer's answer does not parse: " + e.getMessage(), e);
    }
  }

  private static List<Problem> problems(JsonNode arr, String location) {
    List<Problem> out = new ArrayList<>();
    for (JsonNode n : arr) out.add(new Problem(Rule.valueOf(n.get("rule").asText()), location + n.get("location").asText(), n.get("message").asText()));
    return out;
  }
}
