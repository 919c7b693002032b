package org.veritally.web.page;

import org.veritally.web.html.Html;
import org.veritally.web.link.PageRef;

/**
 * Friendly pages for what went wrong: not found (what was asked for, in the reader's language),
 * no election yet, or a temporary failure. Never a stack trace.
 */
public final class ErrorHtml {
    private ErrorHtml() {}

    /** A page with a title, one sentence, and links back to the overview and to search. */
    public static String render(PageContext c, String titleKey, String message, long logSize) {
        Html h = new Html(3_072);
        Layout.open(h, c, c.t(titleKey), false);
        h.element("h1", c.t(titleKey)).element("p", message);
        h.raw("<ul><li>").link(c.href(PageRef.home()), c.t("error.home")).raw("</li>");
        if (c.links().hasSearch())
            h.raw("<li>").link(c.href(PageRef.search("")), c.t("search.title")).raw("</li>");
        h.raw("</ul>");
        Layout.close(h, c, logSize);
        return h.toString();
    }
}
