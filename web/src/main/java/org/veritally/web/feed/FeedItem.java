package org.veritally.web.feed;

import java.time.Instant;

/**
 * One entry of the Atom feed (RFC 4287 §4.1.2), already in the feed's language. Immutable.
 *
 * @param key what the entry is about, stable across renderings and languages ({@code checkpoint/1200},
 *     {@code announcement/cne-1}, {@code disputed/P3/C1/812}); the entry's {@code atom:id} derives from it
 * @param kind {@code checkpoint}, {@code announcement} or {@code disputed}: the entry's {@code atom:category}
 * @param updated {@code atom:updated}: the time of the signed checkpoint the entry rests on
 * @param published {@code atom:published}: the time of the first checkpoint holding the entry's log entry
 * @param title {@code atom:title}, plain text
 * @param summary {@code atom:summary}, plain text
 * @param href the {@code atom:link rel="alternate"}: the page that shows it
 */
public record FeedItem(
        String key, String kind, Instant updated, Instant published, String title, String summary, String href) {
    public FeedItem {
        if (key == null || kind == null || updated == null || published == null)
            throw new IllegalArgumentException("feed item: a required member is null");
        if (title == null || summary == null || href == null)
            throw new IllegalArgumentException("feed item " + key + ": a text is null");
    }
}
