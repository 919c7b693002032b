package org.veritally.web.link;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.veritally.web.i18n.Lang;

/**
 * The live site's permanent URLs: {@code /{lang}/}, {@code /{lang}/unit/{id}?contest=&view=},
 * {@code /{lang}/station/{id}}, {@code /{lang}/search?q=}, {@code /{lang}/downloads}. Unit links
 * always carry their contest and view, so a link copied today shows the same figures a year later
 * even if the default view changes. Immutable.
 */
public final class HttpLinks implements Links {
  @Override
  public String page(Lang lang, PageRef t) {
    StringBuilder b = new StringBuilder(64).append('/').append(lang.code()).append('/');
    switch (t.kind()) {
      case OVERVIEW -> {}
      case UNIT -> b.append("unit/").append(enc(t.id()));
      case STATION -> b.append("station/").append(enc(t.id()));
      case SEARCH -> b.append("search");
      case DOWNLOADS -> b.append("downloads");
    }
    char sep = '?';
    sep = param(b, sep, "contest", t.contest());
    sep = param(b, sep, "view", t.view());
    sep = param(b, sep, "sort", t.sort());
    param(b, sep, "q", t.query());
    return b.toString();
  }

  private static char param(StringBuilder b, char sep, String name, Optional<String> value) {
    if (value.isEmpty()) return sep;
    b.append(sep).append(name).append('=').append(URLEncoder.encode(value.get(), StandardCharsets.UTF_8));
    return '&';
  }

  /** A path segment: ids are [A-Za-z0-9._:-], but encode anyway so no value can break out of the URL. */
  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String asset(String fileName) {
    return "/static/" + fileName;
  }

  @Override
  public String database() {
    return "/downloads/veritally.db";
  }

  @Override
  public Optional<String> liveResults(String unitId, String contestId, String view) {
    return Optional.of("/api/results?unit=" + enc(unitId) + "&contest=" + enc(contestId) + "&view=" + enc(view));
  }

  @Override
  public boolean hasSearch() {
    return true;
  }
}
