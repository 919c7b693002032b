/**
 * Permanent addresses of pages. A page names the pages it links to as {@link
 * org.veritally.web.link.PageRef}s; a {@link org.veritally.web.link.Links} turns them into hrefs,
 * absolute with query strings for the live site ({@link org.veritally.web.link.HttpLinks}) or
 * relative file paths for a static mirror ({@link org.veritally.web.link.MirrorLinks}).
 */
package org.veritally.web.link;
