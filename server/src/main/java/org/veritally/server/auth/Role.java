package org.veritally.server.auth;

import java.util.Locale;

/**
 * What an account may do. {@code ADMIN} manages the election and may submit as any source;
 * {@code AUTHORITY} submits the authority's sheets and records announcements; {@code WITNESS} (bound
 * to a party or alliance source) and {@code OBSERVER} (bound to an organisation source) submit their
 * own source's sheets only. {@code TRANSCRIBER} (a volunteer, bound to no source) transcribes and
 * flags photos; {@code MODERATOR} (bound to no source) also settles escalated photos and pauses
 * volunteers (docs/transcription.md). The public needs no account: every read is open.
 */
public enum Role {
    ADMIN,
    AUTHORITY,
    WITNESS,
    OBSERVER,
    TRANSCRIBER,
    MODERATOR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
