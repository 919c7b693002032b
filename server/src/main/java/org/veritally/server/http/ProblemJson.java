package org.veritally.server.http;

import java.util.List;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.RuleId;

/**
 * RFC 9457 problem details, with Veritally's extension member {@code problems}: every rule broken,
 * each with its ID and location. Served as {@code application/problem+json}.
 */
public record ProblemJson(String type, String title, int status, String detail, List<Item> problems) {
    public record Item(String rule, String location, String message) {}

    public static ProblemJson of(int status, String title, String detail, List<Problem> ps) {
        String type = ps.isEmpty()
                ? "about:blank"
                : "https://veritally.org/rules#" + ps.get(0).rule().id();
        return new ProblemJson(
                type,
                title,
                status,
                detail,
                ps.stream()
                        .map(p -> new Item(p.rule().id(), p.location(), p.message()))
                        .toList());
    }

    /** A problem of one rule with no location: its ID is the {@code title} and the one item's {@code rule}. */
    public static ProblemJson rule(int status, RuleId rule, String detail) {
        String id = rule.id();
        return new ProblemJson(
                "https://veritally.org/rules#" + id, id, status, detail, List.of(new Item(id, "", detail)));
    }
}
