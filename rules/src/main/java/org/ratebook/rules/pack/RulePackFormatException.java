package org.ratebook.rules.pack;

/** A pack's files cannot be read as a pack (missing file, bad table row); the message says where. */
public class RulePackFormatException extends RuntimeException {
    public RulePackFormatException(String message) {
        super(message);
    }
}
