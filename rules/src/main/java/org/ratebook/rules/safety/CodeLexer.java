package org.ratebook.rules.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits the code inside DRL (constraints, {@code eval}, accumulate arguments, actions) into tokens so that
 * every word can be checked. It is stricter than Java and MVEL on purpose, because a place where it reads
 * the code differently from the compiler is a place to hide code in:
 * <ul>
 *   <li>no backslash anywhere: Java decodes unicode escapes (backslash, u, four hex digits) before it reads
 *       code, even inside strings and comments, so an escaped quote or line break can end a string or a
 *       comment early and expose what follows;</li>
 *   <li>text in quotes ends on its line and has no escapes, so the two compilers cannot disagree on where it
 *       ends; text blocks are therefore impossible;</li>
 *   <li>a line comment ends at {@code \r} as well as {@code \n}, the earliest either compiler ends it;</li>
 *   <li>only ASCII outside quotes and comments: Java accepts look-alike and invisible letters in names;</li>
 *   <li>numbers are plain: no exponents or suffixes such as MVEL's {@code 1E999999999B}.</li>
 * </ul>
 * It stops at the first problem; code with a problem is never checked further, nor compiled.
 */
final class CodeLexer {

    /** A reason the code cannot be read, at a line counted from 0. */
    record Problem(int line, String message) {
    }

    /** The tokens, or the first problem. */
    record Result(List<Token> tokens, Optional<Problem> problem) {
    }

    private static final List<String> LONG_SYMBOLS = List.of(">>>=", "<<=", ">>=", ">>>", "...", "->", "::",
            "==", "!=", "<=", ">=", "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
            "<<", ">>", "**");
    private static final String SHORT_SYMBOLS = "(){}[];,.@=><!~?:+-*/&|^%#";

    private final String code;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line;
    private Problem problem;

    private CodeLexer(String code) {
        this.code = code;
    }

    static Result lex(String code) {
        CodeLexer lexer = new CodeLexer(code);
        lexer.run();
        return new Result(List.copyOf(lexer.tokens), Optional.ofNullable(lexer.problem));
    }

    private void run() {
        while (pos < code.length() && problem == null) {
            char c = code.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (code.startsWith("//", pos)) {
                lineComment();
            } else if (code.startsWith("/*", pos)) {
                blockComment();
            } else if (c == '"' || c == '\'') {
                text(c);
            } else if (isDigit(c)) {
                number();
            } else if (isWordStart(c)) {
                word();
            } else if (c == '\\') {
                fail(backslash(pos));
            } else {
                symbol(c);
            }
        }
    }

    private void lineComment() {
        while (pos < code.length() && code.charAt(pos) != '\n' && code.charAt(pos) != '\r') {
            if (isUnicodeEscape(pos)) {
                fail(backslash(pos));
                return;
            }
            pos++;
        }
    }

    private void blockComment() {
        int end = code.indexOf("*/", pos + 2);
        if (end < 0) {
            fail("a comment opened with /* is never closed with */");
            return;
        }
        for (; pos < end + 2; pos++) {
            if (isUnicodeEscape(pos)) {
                fail(backslash(pos));
                return;
            }
            if (code.charAt(pos) == '\n') {
                line++;
            }
        }
    }

    private void text(char quote) {
        int start = ++pos;
        while (pos < code.length() && code.charAt(pos) != quote) {
            char c = code.charAt(pos);
            if (c == '\\') {
                fail(backslash(pos));
                return;
            }
            if (c == '\n' || c == '\r') {
                fail("text in quotes must end on the line where it starts");
                return;
            }
            pos++;
        }
        if (pos == code.length()) {
            fail("text in quotes is never closed with " + quote);
            return;
        }
        tokens.add(new Token(Token.Kind.TEXT, code.substring(start, pos), line));
        pos++;
    }

    private void number() {
        int start = pos;
        skipDigits();
        if (pos + 1 < code.length() && code.charAt(pos) == '.' && isDigit(code.charAt(pos + 1))) {
            pos++;
            skipDigits();
        }
        if (pos < code.length() && (code.charAt(pos) == 'L' || code.charAt(pos) == 'l')) {
            pos++;
        }
        if (pos < code.length() && isWordPart(code.charAt(pos))) {
            while (pos < code.length() && isWordPart(code.charAt(pos))) {
                pos++;
            }
            fail("the number " + code.substring(start, pos) + " is not allowed: write plain numbers such as 19 "
                    + "or 0.19, without exponents or suffixes");
            return;
        }
        tokens.add(new Token(Token.Kind.NUMBER, code.substring(start, pos), line));
    }

    private void word() {
        int start = pos;
        while (pos < code.length() && isWordPart(code.charAt(pos))) {
            pos++;
        }
        tokens.add(new Token(Token.Kind.WORD, code.substring(start, pos), line));
    }

    private void symbol(char c) {
        for (String s : LONG_SYMBOLS) {
            if (code.startsWith(s, pos)) {
                tokens.add(new Token(Token.Kind.SYMBOL, s, line));
                pos += s.length();
                return;
            }
        }
        if (SHORT_SYMBOLS.indexOf(c) >= 0) {
            tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), line));
            pos++;
            return;
        }
        fail(c > 127
                ? "the character '" + c + "' (U+" + String.format("%04X", (int) c) + ") is only allowed in text in "
                        + "quotes and in comments"
                : "the character '" + c + "' is not allowed in rules");
    }

    private String backslash(int at) {
        return isUnicodeEscape(at)
                ? "unicode escapes such as \\u0041 are not allowed: Java decodes them before it reads the code, "
                        + "so they can hide forbidden code; type the character itself"
                : "backslashes are not allowed in rule code; write text without escape sequences";
    }

    private boolean isUnicodeEscape(int at) {
        return code.charAt(at) == '\\' && at + 1 < code.length() && code.charAt(at + 1) == 'u';
    }

    private void skipDigits() {
        while (pos < code.length() && isDigit(code.charAt(pos))) {
            pos++;
        }
    }

    private void fail(String message) {
        problem = new Problem(line, message);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c);
    }
}
