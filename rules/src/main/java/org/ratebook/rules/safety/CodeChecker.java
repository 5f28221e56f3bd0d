package org.ratebook.rules.safety;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ratebook.rules.decision.Outputs;
import org.ratebook.rules.pack.RuleCategory;

/**
 * Checks every word and symbol of one piece of rule code against the {@link AllowList}. Without types, a word
 * is judged by where it stands: after a class name it must be one of that class's permitted members, after
 * its category's output ({@code tax.}, {@code pricing.}, …) one of that output's methods, after any other dot a permitted method of some fact or value, and
 * anywhere else a binding, a local variable, a permitted class or keyword.
 */
final class CodeChecker {

    /** Conditions only test facts; actions may also declare locals, branch and call {@code decisions}. */
    enum Mode { CONDITION, ACTION }

    /** Stands in for a token before the first or after the last, so look-arounds need no bounds checks. */
    private static final Token NOTHING = new Token(Token.Kind.TEXT, "", 0);

    private static final Pattern LOCAL_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

    /** Java and MVEL words that must not become variable names, so they never change meaning. */
    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "sealed", "permits", "true", "false", "null",
            "def", "function", "foreach", "with", "until", "isdef", "empty", "nil", "in", "not");

    /**
     * At most this many operations that can double a value's size ({@code +} and {@code *}, their compound
     * assignments, {@code multiply}) in one rule, conditions and actions together. Without loops, a rule's
     * values can then grow at most 2^8 = 256 times beyond its inputs (a text of 1,000 characters to 256,000; a
     * 20-digit amount to 5,120 digits), so the cost of any accepted rule is bounded by its input. Forty
     * {@code s = s + s} would otherwise need 2^40 characters, and squaring an amount forty times 2^40 digits,
     * which no time-out can stop once the JDK is inside the arithmetic. The shipped packs use at most one.
     */
    static final int MAX_GROWTH_OPERATIONS = 8;

    private final DrlFile file;
    private final Set<String> bindings;
    private int growthOperations;

    CodeChecker(DrlFile file, Set<String> bindings) {
        this.file = file;
        this.bindings = Set.copyOf(bindings);
    }

    void check(String code, int firstLine, Mode mode) {
        CodeLexer.Result lexed = CodeLexer.lex(code);
        lexed.problem().ifPresentOrElse(
                p -> file.reject(firstLine + p.line(), p.message()),
                () -> new Pass(lexed.tokens(), firstLine, mode).run());
    }

    /** The names a condition binds with {@code $name :}, for the whole rule to use. */
    static Set<String> bindingsIn(String condition) {
        List<Token> tokens = CodeLexer.lex(condition).tokens();
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord() && tokens.get(i).text().startsWith("$") && tokens.get(i + 1).isSymbol(":")) {
                names.add(tokens.get(i).text());
            }
        }
        return names;
    }

    /** One walk over one piece of code. */
    private final class Pass {
        private final List<Token> tokens;
        private final int firstLine;
        private final Mode mode;
        private final Set<String> locals = new HashSet<>();
        private final Deque<String> open = new ArrayDeque<>();
        private int i;

        Pass(List<Token> tokens, int firstLine, Mode mode) {
            this.tokens = tokens;
            this.firstLine = firstLine;
            this.mode = mode;
        }

        void run() {
            for (i = 0; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                switch (token.kind()) {
                    case SYMBOL -> symbol(token);
                    case WORD -> word(token);
                    case NUMBER, TEXT -> {
                    }
                }
            }
            if (!open.isEmpty()) {
                reject(tokens.getLast(), "a '" + open.peek() + "' is never closed");
            }
        }

        private void symbol(Token token) {
            String s = token.text();
            Set<String> allowed = mode == Mode.CONDITION ? AllowList.CONDITION_SYMBOLS : AllowList.ACTION_SYMBOLS;
            if (!allowed.contains(s)) {
                reject(token, symbolMessage(s));
                return;
            }
            if (s.equals("+") || s.equals("*") || s.equals("+=") || s.equals("*=")) {
                grows(token);
            }
            switch (s) {
                case "(", "{" -> open.push(s);
                case ")" -> close(token, "(", "");
                case "}" -> close(token, "{", ": the actions must stay inside their rule");
                case "." -> {
                    if (!next(1).isWord()) {
                        reject(token, "a dot must be followed by the name of a method or field");
                    }
                }
                default -> {
                }
            }
        }

        private void close(Token token, String opener, String why) {
            if (opener.equals(open.peek())) {
                open.pop();
            } else {
                reject(token, "'" + token.text() + "' has no matching '" + opener + "'" + why);
            }
        }

        private String symbolMessage(String s) {
            return switch (s) {
                case "->", "::" -> "lambdas and method references (-> and ::) are not allowed in rules";
                case "[", "]" -> "arrays, lists and square brackets are not allowed in rules";
                case "=" -> "'=' is not allowed in a condition: compare with ==";
                default -> AllowList.ACTION_SYMBOLS.contains(s)
                        ? "'" + s + "' is not allowed in a condition"
                        : "'" + s + "' is not allowed in rules";
            };
        }

        private void word(Token token) {
            String w = token.text();
            if (previous(1).isSymbol(".")) {
                member(token);
            } else if (w.equals("new")) {
                construction(token);
            } else if (w.startsWith("$")) {
                if (!bindings.contains(w)) {
                    reject(token, w + " is not bound in this rule: bind it in a condition first, "
                            + "e.g. $charge : Charge()");
                }
            } else if (AllowList.GLOBAL_NAMES.contains(w)
                    && !(mode == Mode.CONDITION && AllowList.isInstanceMember(w))) {
                if (mode == Mode.CONDITION) {
                    reject(token, w + " may only be used in the actions after then: conditions only test facts");
                } else if (!isOwnGlobal(w) && !(next(1).isSymbol(".") && next(2).isWord())) {
                    reject(token, category().aRule() + " cannot use " + w + ": " + ownOutputHint());
                }
            } else if (!(mode == Mode.ACTION && declaresLocal(token)) && !isKnown(w)) {
                unknown(token);
            }
        }

        private boolean isKnown(String w) {
            if (AllowList.isClassName(w)) {
                return true;
            }
            return mode == Mode.CONDITION
                    ? AllowList.CONDITION_WORDS.contains(w) || AllowList.isInstanceMember(w) // a field of the fact
                    : AllowList.ACTION_WORDS.contains(w) || locals.contains(w);
        }

        /** {@code BigDecimal rate = …} or {@code int days;}: the name becomes usable, once checked. */
        private boolean declaresLocal(Token type) {
            boolean isType = AllowList.isClassName(type.text()) || AllowList.PRIMITIVE_TYPES.contains(type.text());
            Token name = next(1);
            if (!isType || !name.isWord() || !(next(2).isSymbol("=") || next(2).isSymbol(";"))) {
                return false;
            }
            String n = name.text();
            if (!LOCAL_NAME.matcher(n).matches() || RESERVED.contains(n) || AllowList.GLOBAL_NAMES.contains(n)
                    || AllowList.FORBIDDEN_WORDS.containsKey(n)) {
                reject(name, n + " cannot name a variable: use a name such as rate or label");
            }
            locals.add(n);
            i++;
            return true;
        }

        private void grows(Token token) {
            if (++growthOperations == MAX_GROWTH_OPERATIONS + 1) {
                reject(token, "more than " + MAX_GROWTH_OPERATIONS + " additions and multiplications in one rule: "
                        + "each can double a value, so together they could build enormous numbers or texts; "
                        + "split the calculation over rules or use a price table");
            }
        }

        private void member(Token token) {
            String name = token.text();
            if (name.equals("multiply")) {
                grows(token);
            }
            Token owner = previous(2);
            boolean ownerIsName = owner.isWord() && !previous(3).isSymbol(".");
            if (ownerIsName && AllowList.isClassName(owner.text())) {
                staticMember(owner.text(), token);
            } else if (ownerIsName && AllowList.GLOBAL_NAMES.contains(owner.text())
                    && !(mode == Mode.CONDITION && AllowList.isInstanceMember(owner.text()))) {
                outputMethod(owner.text(), token);
            } else if (AllowList.deniedMember(name).isPresent()) {
                reject(token, "." + name + " is not allowed: " + AllowList.deniedMember(name).get());
            } else if (!AllowList.isInstanceMember(name)) {
                reject(token, "." + name + " is not allowed: " + AllowList.MEMBERS_HINT);
            }
            checkArguments(token);
        }

        private RuleCategory category() {
            return file.category();
        }

        private boolean isOwnGlobal(String global) {
            return global.equals(Outputs.LEGACY_GLOBAL) || global.equals(Outputs.of(category()).global());
        }

        private String ownOutputHint() {
            Outputs.Output own = Outputs.of(category());
            return category().word() + " rules record their results through " + own.global() + "."
                    + String.join("/", own.methods()) + "(...)";
        }

        /** {@code tax.rate}, {@code decisions.tax}: a method of the file's own output, or why not. */
        private void outputMethod(String global, Token token) {
            String name = token.text();
            RuleCategory mine = category();
            if (global.equals(Outputs.LEGACY_GLOBAL)) {
                if (Outputs.legacyAllowed(mine, name)) {
                    return;
                }
                Outputs.legacyCategory(name).ifPresentOrElse(
                        owner -> reject(token, mine.aRule() + " cannot " + Outputs.whatItDecides(name) + ": "
                                + global + "." + name + " belongs to " + owner.word() + " rules; " + ownOutputHint()),
                        () -> reject(token, global + "." + name + " is not allowed: " + ownOutputHint()));
                return;
            }
            Outputs.Output output = Outputs.byGlobal(global).orElseThrow();
            if (output.category() == mine) {
                if (!output.methods().contains(name)) {
                    reject(token, global + "." + name + " is not allowed: " + global + " offers "
                            + output.methods().stream().map(m -> m + "(...)").collect(Collectors.joining(" and ")));
                }
            } else if (output.methods().contains(name)) {
                reject(token, mine.aRule() + " cannot " + Outputs.whatItDecides(output, name) + ": " + global + "."
                        + name + " belongs to " + output.category().word() + " rules; " + ownOutputHint());
            } else {
                reject(token, mine.aRule() + " cannot use " + global + ": " + ownOutputHint());
            }
        }

        private void staticMember(String className, Token token) {
            String name = token.text();
            String what = className + "." + name + " is not allowed: ";
            if (AllowList.deniedMember(name).isPresent()) {
                reject(token, what + AllowList.deniedMember(name).get());
            } else if (!AllowList.staticMembers(className).contains(name)) {
                reject(token, what + switch (className) {
                    case "String" -> "String may only be the type of a variable, e.g. String label = \"VAT\"";
                    case "Math" -> "Math may only be used for min, max and abs";
                    default -> "it is not one of the constants and factory methods rules may use "
                            + "(such as BigDecimal.ZERO or LocalDate.of)";
                });
            }
        }

        private void checkArguments(Token method) {
            AllowList.ArgumentLimit limit = AllowList.ARGUMENT_LIMITS.get(method.text());
            if (limit == null || !next(1).isSymbol("(")) {
                return;
            }
            int depth = 0;
            int arguments = next(2).isSymbol(")") ? 0 : 1;
            for (int j = i + 1; j < tokens.size(); j++) {
                Token t = tokens.get(j);
                if (t.isSymbol("(")) {
                    depth++;
                } else if (t.isSymbol(")") && --depth == 0) {
                    break;
                } else if (t.isSymbol(",") && depth == 1) {
                    arguments++;
                }
            }
            if (arguments > limit.max()) {
                reject(method, method.text() + " with " + arguments + " arguments is not allowed: " + limit.instead());
            }
        }

        /** Only {@code new BigDecimal("19.5")}; the tokens it covers are consumed here. */
        private void construction(Token token) {
            boolean plainBigDecimal = next(1).isWord() && next(1).text().equals("BigDecimal")
                    && next(2).isSymbol("(") && next(3).kind() == Token.Kind.TEXT
                    && AllowList.PLAIN_DECIMAL.matcher(next(3).text()).matches() && next(4).isSymbol(")");
            if (plainBigDecimal) {
                i += 4;
            } else {
                reject(token, "new is only allowed as new BigDecimal(\"19.5\"), with a plain decimal number in "
                        + "quotes");
            }
        }

        /** An unknown word, reported once together with the dotted names that follow it. */
        private void unknown(Token token) {
            String w = token.text();
            if (mode == Mode.CONDITION && next(1).isSymbol(":")) {
                reject(token, "bind values with a leading $, e.g. $" + w + " : " + w);
                return;
            }
            List<String> chain = new ArrayList<>(List.of(w));
            while (next(1).isSymbol(".") && next(2).isWord()) {
                chain.add(next(2).text());
                i += 2;
            }
            String reason = AllowList.FORBIDDEN_WORDS.get(w);
            if (reason != null) {
                reject(token, w + " is not allowed: " + reason);
            } else if (isQualifiedName(chain)) {
                reject(token, String.join(".", chain) + " is not allowed: rules may not name Java packages or "
                        + "classes; " + AllowList.NAMES_HINT);
            } else {
                reject(token, w + " is not allowed: " + AllowList.NAMES_HINT);
            }
        }

        private Token previous(int back) {
            return i - back >= 0 ? tokens.get(i - back) : NOTHING;
        }

        private Token next(int ahead) {
            return i + ahead < tokens.size() ? tokens.get(i + ahead) : NOTHING;
        }

        private void reject(Token token, String message) {
            file.reject(firstLine + token.line(), message);
        }
    }

    /** {@code java.io.File}, {@code java.nio.file.Files.writeString}: a package, then a class. */
    private static boolean isQualifiedName(List<String> chain) {
        return Character.isLowerCase(chain.getFirst().charAt(0))
                && chain.stream().skip(1).anyMatch(part -> Character.isUpperCase(part.charAt(0)));
    }
}
