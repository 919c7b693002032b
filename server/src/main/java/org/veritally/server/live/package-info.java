/**
 * Live push of new checkpoints (docs/api.md, "Live events"): {@link org.veritally.server.live.LiveFeed} hears of
 * every committed batch from the sequencer's {@code LogAppender.CommitListener} without doing I/O on that thread,
 * coalesces batches into {@link org.veritally.server.live.LiveEvent}s on a broadcaster thread of its own and wakes
 * each {@link org.veritally.server.live.LiveFeed.Subscriber}; the HTTP edge ({@code server.http.EventStream})
 * writes them as Server-Sent Events with non-blocking servlet I/O. No servlet type appears here.
 */
package org.veritally.server.live;
