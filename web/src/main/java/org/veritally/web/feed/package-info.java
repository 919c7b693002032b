/**
 * The Atom feed for newsrooms (RFC 4287): signed checkpoints, announcements with their verdicts and
 * newly disputed stations, newest first and bounded ({@code FeedQuery}), written as XML by {@code
 * AtomFeed}. Served at {@code /feed.atom} and {@code /{lang}/feed.atom}, and written into a static
 * mirror by {@code publish --site}. Decisions: docs/api.md, "Atom feed".
 */
package org.veritally.web.feed;
