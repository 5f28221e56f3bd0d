package org.ratebook.console.api.limits;

/** An input beyond one of the {@link InputLimits}: a 400 problem whose detail names the limit. */
public class InputLimitException extends IllegalArgumentException {
    public InputLimitException(String message) {
        super(message);
    }
}
