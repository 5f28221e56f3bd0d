package org.ratebook.rules.safety;

/** Something a DRL file may not do, where it does it, and what to do instead; worded for a finance analyst. */
public record Violation(String file, int line, String message) {

    @Override
    public String toString() {
        return file + " line " + line + ": " + message;
    }
}
