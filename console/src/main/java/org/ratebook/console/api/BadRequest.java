package org.ratebook.console.api;

/** Input that is well-formed JSON but does not mean anything valid (e.g. an unparseable date): a 400 problem. */
class BadRequest extends RuntimeException {
    BadRequest(String message) {
        super(message);
    }
}
