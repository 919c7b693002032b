package org.veritally.server.ops;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler with the {@link SecurityHeaders}: the answers Jetty gives itself, before any
 * route runs (400 for a malformed request line, 414 for an over-long URI, 431 for over-long headers,
 * 505 for an unknown HTTP version), carry the same headers as every other answer (docs/security.md).
 * Thread-safe.
 */
final class HeadedErrorHandler extends ErrorHandler {
    private final SecurityHeaders headers;

    HeadedErrorHandler(SecurityHeaders headers) {
        this.headers = headers;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.apply((name, value) -> response.getHeaders().put(name, value));
        return super.handle(request, response, callback);
    }
}
