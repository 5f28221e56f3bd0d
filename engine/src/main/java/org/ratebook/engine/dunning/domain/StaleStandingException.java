package org.ratebook.engine.dunning.domain;

/**
 * A standing was decided on a state the account has left meanwhile (another evaluation got there first); the
 * caller decides again on fresh figures.
 */
public class StaleStandingException extends RuntimeException {
    public StaleStandingException(String message) {
        super(message);
    }
}
