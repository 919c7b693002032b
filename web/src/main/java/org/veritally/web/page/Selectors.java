package org.veritally.web.page;

import java.util.List;
import java.util.function.Function;
import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;
import org.veritally.web.model.Crumb;
import org.veritally.web.model.Option;

/**
 * Navigation shared by pages: option lists (views, contests) as plain links, so they work without
 * scripts and every choice has its own permanent URL; and the breadcrumb trail of units.
 */
public final class Selectors {
    private Selectors() {}

    /** A labelled list of links; the chosen option is marked with {@code aria-current}. */
    public static void options(
            Html h, PageContext c, String labelKey, List<Option> options, Function<String, PageRef> target) {
        if (options.isEmpty()) return;
        h.open("nav", "class", "pick", "aria-label", c.t(labelKey))
                .raw("<span class=\"lbl\" aria-hidden=\"true\">")
                .text(c.t(labelKey))
                .raw("</span><ul>");
        for (Option o : options) {
            String label = o.translated() ? c.t(o.label()) : o.label();
            h.raw("<li>");
            if (o.selected())
                h.open("a", "href", c.href(target.apply(o.value())), "aria-current", "page")
                        .text(label)
                        .close("a");
            else h.link(c.href(target.apply(o.value())), label);
            h.raw("</li>");
        }
        h.raw("</ul></nav>");
    }

    /** The trail of units from the root, each linked to its page in the given contest and view. */
    public static void crumbs(Html h, PageContext c, List<Crumb> trail, String contest, String view) {
        if (trail.isEmpty()) return;
        h.open("nav", "class", "crumbs", "aria-label", c.t("nav.breadcrumb")).raw("<ol>");
        for (Crumb k : trail) {
            h.raw("<li>")
                    .link(c.href(PageRef.unit(k.unitId(), contest, view)), k.name())
                    .raw("</li>");
        }
        h.raw("</ol></nav>");
    }
}
