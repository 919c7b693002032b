package org.veritally.web.link;

import java.util.Optional;

/**
 * A page, independent of how it is addressed: its kind, its subject's id (unit or station), and
 * the parameters that select what it shows. Equal refs are the same page. Immutable.
 */
public record PageRef(Kind kind, String id, Optional<String> contest, Optional<String> view, Optional<String> sort, Optional<String> query) {
  /** The kinds of page the site has. */
  public enum Kind {
    OVERVIEW,
    UNIT,
    STATION,
    SEARCH,
    DOWNLOADS
  }

  public PageRef {
    if ((kind == Kind.UNIT || kind == Kind.STATION) == id.isEmpty()) throw new IllegalArgumentException(kind + " page id '" + id + "'");
  }

  /** The overview in the default view. */
  public static PageRef home() {
    return new PageRef(Kind.OVERVIEW, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static PageRef overview(String view) {
    return new PageRef(Kind.OVERVIEW, "", Optional.empty(), Optional.of(view), Optional.empty(), Optional.empty());
  }

  /** A unit in the default contest and view. */
  public static PageRef unit(String id) {
    return new PageRef(Kind.UNIT, id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static PageRef unit(String id, String contest, String view) {
    return new PageRef(Kind.UNIT, id, Optional.of(contest), Optional.of(view), Optional.empty(), Optional.empty());
  }

  public static PageRef station(String id) {
    return new PageRef(Kind.STATION, id, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static PageRef search(String query) {
    return new PageRef(Kind.SEARCH, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(query).filter(q -> !q.isEmpty()));
  }

  public static PageRef downloads() {
    return new PageRef(Kind.DOWNLOADS, "", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This page sorted by {@code sortWire} (the default sort drops the parameter). */
  public PageRef sorted(String sortWire, boolean isDefault) {
    return new PageRef(kind, id, contest, view, isDefault ? Optional.empty() : Optional.of(sortWire), query);
  }
}
