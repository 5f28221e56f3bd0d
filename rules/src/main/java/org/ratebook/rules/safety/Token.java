package org.ratebook.rules.safety;

/** One word, number, quoted text or symbol of rule code; {@code line} counts from 0 within the code. */
record Token(Kind kind, String text, int line) {

    enum Kind { WORD, NUMBER, TEXT, SYMBOL }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }
}
