package org.veritally.server.ops;

import java.util.OptionalInt;

/**
 * Whether a failure while serving a request is the client's, below the JSON (SRV-BODY): the body
 * ended before its declared length (Jetty's early EOF), or is malformed HTTP (a bad chunk). Such a
 * request is answered 400 and logged by its one request-log line, never as an internal error with a
 * stack trace: a client that hangs up mid-way must not flood the log. Stateless.
 */
public final class CutOffBody {
    private CutOffBody() {}

    /** The 4xx status for {@code e} when its cause is the request's bytes, else empty. */
    public static OptionalInt status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500)
                return OptionalInt.of(h.getCode());
            if (t instanceof org.eclipse.jetty.io.EofException) return OptionalInt.of(400);
        }
        return OptionalInt.empty();
    }
}
