package org.veritally.web.model;

import java.util.List;

/** Every announcement in the log, newest first, each judged against the sheets. */
public record AnnouncementsPage(ElectionInfo election, List<AnnouncementReport> announcements, LogStatus log) {
    public AnnouncementsPage {
        announcements = List.copyOf(announcements);
    }
}
