package org.veritally.web.link;

import java.util.Optional;
import org.veritally.web.i18n.Lang;

/**
 * Relative links between the files of a static mirror, so the mirror works from any host or from
 * disk. Files: {@code {lang}/index.html} (overview in the default view) or {@code
 * {lang}/overview/{view}.html}, {@code {lang}/unit/{id}/{contest}/{view}.html}, {@code
 * {lang}/station/{id}.html}, {@code {lang}/downloads.html}; assets under {@code static/}. A mirror
 * has one order of children (sort is dropped) and no search, live updates or database download.
 * Ids are file-name safe by the core's id rule; a view's {@code :} becomes {@code -}. Immutable.
 */
public final class MirrorLinks implements Links {
  private final String up;

  /** Links as seen from the page {@code from}. */
  public MirrorLinks(PageRef from) {
    int depth = file(from).split("/").length;
    this.up = "../".repeat(depth - 1);
  }

  /** The file a page is written to, relative to the mirror's root (without the language). */
  public static String file(PageRef t) {
    return switch (t.kind()) {
      case OVERVIEW -> t.view().map(v -> "overview/" + slug(v) + ".html").orElse("index.html");
      case UNIT -> "unit/" + t.id() + "/" + t.contest().orElse("default") + "/" + slug(t.view().orElse("default")) + ".html";
      case STATION -> "station/" + t.id() + ".html";
      case SEARCH -> "index.html";
      case DOWNLOADS -> "downloads.html";
    };
  }

  private static String slug(String view) {
    return view.replace(':', '-');
  }

  @Override
  public String page(Lang lang, PageRef target) {
    return up + "../" + lang.code() + "/" + file(target);
  }

  @Override
  public String asset(String fileName) {
    return up + "../static/" + fileName;
  }

  @Override
  public String database() {
    return up + "../downloads/veritally.db";
  }

  @Override
  public Optional<String> liveResults(String unitId, String contestId, String view) {
    return Optional.empty();
  }

  @Override
  public boolean hasSearch() {
    return false;
  }
}
