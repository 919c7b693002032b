package org.veritally.server.auth;

/** The write actions of the HTTP API, for the role × action matrix ({@link Authorization}). */
public enum Action {
    SUBMIT_SHEET,
    RECORD_ANNOUNCEMENT,
    REGISTER_KEY,
    FILE_EVIDENCE,
    /** Take a photo to transcribe, submit its figures or flag it (docs/transcription.md). */
    TRANSCRIBE,
    /** Settle an escalated photo, pause a volunteer. */
    MODERATE,
    /** Report a photo (illegible, wrong station, …): every account (docs/transcription.md#reports-on-photos). */
    REPORT_PHOTO,
    /** Set a transcription campaign's gold photos and rates (administrators). */
    CONFIGURE_CAMPAIGN,
    /** Define a risk-limiting audit and reveal its seed (issue 19). */
    DEFINE_AUDIT,
    /** Enter an audit board's hand count (issue 19). */
    RECORD_HAND_COUNT
}
