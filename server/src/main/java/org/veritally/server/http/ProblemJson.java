package org.veritally.server.http;

import java.util.List;
import org.veritally.core.validation.Problem;

/**
 * RFC 9457 problem details, with Veritally's extension member {@code problems}: every rule broken,
 * each with its ID and location. Served as {@code application/problem+json}.
 */
public record ProblemJson(String type, String title, int status, String detail, List<Item> problems) {
  public record Item(String rule, String location, String message) {}

  public static ProblemJson of(int status, String title, String detail, List<Problem> ps) {
    String type = ps.isEmpty() ? "about:blank" : "https://veritally.org/rules#" + ps.get(0).rule().id();
    return new ProblemJson(type, title, status, detail, ps.stream().map(p -> new Item(p.rule().id(), p.location(), p.message())).toList());
  }

  public static ProblemJson rule(int status, String rule, String detail) {
    return new ProblemJson("https://veritally.org/rules#" + rule, rule, status, detail, List.of(new Item(rule, "", detail)));
  }
}
