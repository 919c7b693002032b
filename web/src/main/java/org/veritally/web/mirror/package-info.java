/**
 * The static mirror ({@code publish --site}): the whole website for one moment of the count, with
 * the log, the exports and a manifest of every file, written incrementally for any static web
 * server, and checkable with {@code bin/veritally verify} (VFY-MANIFEST, VFY-PAGES, VFY-EXPORTS).
 */
package org.veritally.web.mirror;
