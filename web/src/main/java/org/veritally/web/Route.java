package org.veritally.web;

import java.util.Map;
import java.util.Optional;
import org.veritally.web.link.PageRef;

/**
 * Parses the part of a site URL after {@code /{lang}/} and its query into a {@link PageRef}: the
 * inverse of {@link org.veritally.web.link.HttpLinks}. Empty parameters count as absent. Stateless.
 */
final class Route {
  private Route() {}

  static Optional<PageRef> parse(String path, Map<String, String> query) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    Optional<String> contest = param(query, "contest");
    Optional<String> view = param(query, "view");
    Optional<String> sort = param(query, "sort");
    if (p.isEmpty()) return Optional.of(new PageRef(PageRef.Kind.OVERVIEW, "", Optional.empty(), view, Optional.empty(), Optional.empty()));
    if (p.equals("search")) return Optional.of(PageRef.search(param(query, "q").orElse("")));
    if (p.equals("downloads")) return Optional.of(PageRef.downloads());
    String id = "";
    if (p.startsWith("unit/")) id = p.substring(5);
    else if (p.startsWith("station/")) id = p.substring(8);
    if (id.isEmpty() || id.contains("/")) return Optional.empty();
    if (p.startsWith("unit/")) return Optional.of(new PageRef(PageRef.Kind.UNIT, id, contest, view, sort, Optional.empty()));
    return Optional.of(PageRef.station(id));
  }

  private static Optional<String> param(Map<String, String> query, String name) {
    return Optional.ofNullable(query.get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
