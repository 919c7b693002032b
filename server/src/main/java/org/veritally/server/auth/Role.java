package org.veritally.server.auth;

import java.util.Locale;

/**
 * What an account may do. {@code ADMIN} manages the election and may submit as any source;
 * {@code AUTHORITY} submits the authority's sheets and records announcements; {@code WITNESS} (bound
 * to a party or alliance source) and {@code OBSERVER} (bound to an organisation source) submit their
 * own source's sheets only. The public needs no account: every read is open.
 */
public enum Role {
    ADMIN,
    AUTHORITY,
    WITNESS,
    OBSERVER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
