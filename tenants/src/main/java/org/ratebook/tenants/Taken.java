package org.ratebook.tenants;

/** A name (tenant id, username) that someone has already: a conflict, not bad input. */
public class Taken extends RuntimeException {
    public Taken(String message) {
        super(message);
    }
}
