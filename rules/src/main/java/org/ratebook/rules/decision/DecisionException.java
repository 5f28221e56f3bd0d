package org.ratebook.rules.decision;

/** A pack misbehaved while deciding (e.g. fired without end); the message is for the pack's author. */
public class DecisionException extends RuntimeException {
    public DecisionException(String message) {
        super(message);
    }
}
