package org.veritally.server.ops;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether an internal error's stack trace should be logged: the first time an error of a kind (its
 * class and the frame it was thrown from) is seen, so the operator has the trace once; after that the
 * one log line is enough, and a request repeated in a loop cannot flood the log. Under
 * {@code VERITALLY_DEBUG} every trace is logged. Remembers at most {@value #MAX} kinds. Thread-safe.
 */
public final class TraceOnce {
    static final int MAX = 1024;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final boolean always;

    public TraceOnce(boolean always) {
        this.always = always;
    }

    /** {@code e} when its trace is to be logged now, else null (the argument SLF4J and System.Logger take). */
    public Throwable traceOf(Throwable e) {
        if (always) return e;
        StackTraceElement[] st = e.getStackTrace();
        String kind = e.getClass().getName() + (st.length > 0 ? "@" + st[0] : "");
        if (seen.size() >= MAX) return null;
        return seen.add(kind) ? e : null;
    }
}
