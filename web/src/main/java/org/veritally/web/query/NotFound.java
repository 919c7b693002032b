package org.veritally.web.query;

/**
 * A page's subject does not exist (an unknown unit, station, contest or view). Carries the message
 * key and the value the reader asked for, so the 404 page can say what was not found in the
 * reader's language. Never carries a stack trace to the reader.
 */
public final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String messageKey;
    private final String value;

    public NotFound(String messageKey, String value) {
        super(messageKey + ": " + value, null, false, false);
        this.messageKey = messageKey;
        this.value = value;
    }

    public String messageKey() {
        return messageKey;
    }

    public String value() {
        return value;
    }
}
