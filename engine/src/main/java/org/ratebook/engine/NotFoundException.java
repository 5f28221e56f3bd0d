package org.ratebook.engine;

/** The tenant has no such thing (or it belongs to another tenant, which looks the same from outside). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
