/**
 * Renderers: pure functions from a view model ({@link org.veritally.web.model}) and a {@link
 * org.veritally.web.page.PageContext} to an HTML string. They read nothing else (no state, no
 * clock, no request), so the same call renders a page for HTTP or for a static mirror. All output
 * goes through {@link org.veritally.web.html.Html}, which escapes every value.
 */
package org.veritally.web.page;
