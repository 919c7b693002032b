/**
 * The public results website (issue 5): server-rendered HTML for voters, journalists and observers,
 * in English, Spanish, Indonesian and Portuguese, readable on a cheap phone on 3G with scripts off.
 *
 * <p>Layers: {@link org.veritally.web.query} reads the live state into view models ({@link
 * org.veritally.web.model}, records); {@link org.veritally.web.page} renders a model to an HTML
 * string with pure functions; {@link org.veritally.web.SiteRenderer} ties both together for a
 * (language, page) without HTTP, so a static mirror can write every page to files with {@link
 * org.veritally.web.link.MirrorLinks}; {@link org.veritally.web.WebSite} is the thin HTTP edge.
 *
 * <p>Why plain Java and not a template engine (jte): the pages are few and small, and a ~100-line
 * escaping writer ({@link org.veritally.web.html.Html}) makes every value go through escaping by
 * construction (there is no "raw value" method), with no code generator in the build, no plugin to
 * pin, and nothing between a view model and its HTML that a reviewer has to learn. Rendering a
 * unit with 1,000 children is a single StringBuilder pass (see the render bench). A template engine
 * becomes worth it if designers who do not write Java take the pages over.
 */
package org.veritally.web;
