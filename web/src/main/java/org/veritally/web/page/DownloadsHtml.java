package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.model.DownloadsPage;

/**
 * Renders the downloads page: only what exists now (the SQLite file, the JSON API), and what is
 * coming ({@code bin/veritally verify} with the published log), said plainly as coming.
 */
public final class DownloadsHtml {
  private DownloadsHtml() {}

  public static String render(DownloadsPage p, PageContext c) {
    Html h = new Html(4_096);
    Layout.open(h, c, c.t("downloads.title"), false);
    h.element("h1", c.t("downloads.title"));
    h.element("h2", c.t("downloads.db"));
    h.element("p", c.t("downloads.db.what"));
    if (p.databaseBytes().isPresent()) {
      h.raw("<p>").link(c.links().database(), "veritally.db", "download", "veritally.db").raw(" (")
          .text(c.words().format("downloads.bytes", c.numbers().count(p.databaseBytes().get()))).raw(")</p>");
    } else {
      h.element("p", c.t("downloads.db.none"));
    }
    h.element("h2", c.t("downloads.api"));
    h.element("p", c.t("downloads.api.what"));
    h.raw("<ul class=\"code\"><li><code>/api/election</code></li><li><code>/api/results?unit=&amp;contest=&amp;view=</code></li>")
        .raw("<li><code>/api/units/{id}</code></li><li><code>/api/stations/{id}</code></li></ul>");
    h.element("h2", c.t("downloads.verify"));
    h.element("p", c.t("downloads.verify.what"));
    h.raw("<pre><code>bin/veritally verify</code></pre>");
    Layout.close(h, c, p.election().logSize());
    return h.toString();
  }
}
