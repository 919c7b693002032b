package org.veritally.core.entry;

import org.veritally.core.model.Announcement;

/** An announcement of the authority, recorded in the log so everyone sees it against the sheets. */
public record AnnouncementEntry(Announcement announcement) implements Entry {
    public String kind() {
        return "announcement";
    }

    @Override
    public <R> R accept(EntryVisitor<R> v) {
        return v.announcement(this);
    }
}
