package org.ratebook.engine.usage;

/** More events in one request than a batch may hold; nothing of it was stored. */
public class BatchTooLargeException extends RuntimeException {
    public BatchTooLargeException(String message) {
        super(message);
    }
}
