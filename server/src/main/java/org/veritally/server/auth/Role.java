package org.veritally.server.auth;

import java.util.Locale;

/**
 * What an account may do. {@code ADMIN} manages the election and may submit as any source;
 * {@code AUTHORITY} submits the authority's sheets and records announcements; {@code WITNESS} (bound
 * to a party or alliance source) and {@code OBSERVER} (bound to an organisation source) submit their
 * own source's sheets only. {@code TRANSCRIBER} (a volunteer, bound to no source) transcribes and
 * flags photos; {@code MODERATOR} (bound to no source) also settles escalated photos and pauses
 * volunteers (docs/transcription.md).
 * {@code AUDITOR} (issue 19) belongs to an audit board of a risk-limiting
 * audit and enters hand counts only ({@link Action#RECORD_HAND_COUNT}); it is bound to no source. The public
 * needs no account: every read is open.
 */
public enum Role {
    ADMIN,
    AUTHORITY,
    WITNESS,
    OBSERVER,
    TRANSCRIBER,
    MODERATOR,
    AUDITOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
