package org.ratebook.rules.safety;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratebook.rules.TestPacks;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompilationException;
import org.ratebook.rules.pack.RulePackCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * DRL an attacker or a careless analyst might publish. Each must be rejected, naming the problem and its line,
 * before Drools compiles anything. The validator is asked first, so a case it wrongly let through would fail
 * here without ever reaching the compiler; these packs are never compiled unchecked, let alone run.
 */
class MaliciousPackCatalogueTest {

    /** What the file-writing cases would create if they ever ran. */
    private static final Path PWNED = Path.of("/tmp/ratebook-pwned");

    private static final String HEADER = """
            package ratebook.tax;
            import java.math.BigDecimal;
            import org.ratebook.rules.fact.Charge;
            global org.ratebook.rules.decision.TaxOutput tax;
            """;

    @BeforeAll
    static void noLeftoversFromEarlierRuns() throws IOException {
        Files.deleteIfExists(PWNED);
    }

    @ParameterizedTest
    @MethodSource("maliciousPacks")
    void isRejectedBeforeCompilingWithTheProblemAndItsLine(String drl, String culprit, String problem) {
        int line = lineOf(culprit, drl);
        String expected = "rules/tax.drl line " + line + ": " + problem;
        RulePack pack = TestPacks.withTax(drl);

        assertThat(new DrlValidator().validate(pack.sources(RuleCategory.TAX).getFirst()))
                .extracting(Violation::toString)
                .anySatisfy(v -> assertThat(v).startsWith(expected));
        assertThatThrownBy(() -> RulePackCompiler.compile(pack))
                .isInstanceOf(RulePackCompilationException.class)
                .satisfies(e -> assertThat(((RulePackCompilationException) e).problems())
                        .anySatisfy(p -> assertThat(p).startsWith(expected)));
    }

    @AfterAll
    static void nothingRan() {
        assertThat(ProcessHandle.current().isAlive()).isTrue();
        assertThat(PWNED).doesNotExist();
    }

    /** Each case: the DRL, text on the line that must be blamed, and the start of the message. */
    static Stream<Arguments> maliciousPacks() {
        return Stream.of(
                argumentSet("System.exit in the actions", rule("""
                        then
                            System.exit(0);
                        """), "System.exit", "System is not allowed: rules may only use"),
                argumentSet("Runtime.getRuntime().exec", rule("""
                        then
                            Runtime.getRuntime().exec("touch /tmp/ratebook-pwned");
                        """), "Runtime", "Runtime is not allowed"),
                argumentSet("fully qualified java.nio.file.Files.writeString", rule("""
                        then
                            java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/ratebook-pwned"), "x");
                        """), "java.nio", "java.nio.file.Files.writeString is not allowed: rules may not name Java "
                        + "packages or classes"),
                argumentSet("new java.io.File(..).createNewFile()", rule("""
                        then
                            new java.io.File("/tmp/ratebook-pwned").createNewFile();
                        """), "java.io", "new is only allowed as new BigDecimal(\"19.5\")"),
                argumentSet("import java.io.File", HEADER + """
                        import java.io.File;
                        rule "Touch"
                        when
                            $c : Charge()
                        then
                            new File("/tmp/ratebook-pwned").createNewFile();
                        end
                        """, "import java.io.File", "import java.io.File is not allowed: rules may only import"),
                argumentSet("reflection via getClass().getClassLoader()", rule("""
                        then
                            $c.getClass().getClassLoader().loadClass("java.lang.Runtime");
                        """), "getClass", ".getClass is not allowed: rules may not inspect Java classes"),
                argumentSet("Class.forName", rule("""
                        then
                            Class.forName("java.lang.Runtime");
                        """), "Class.forName", "Class is not allowed"),
                argumentSet("new Thread(...)", rule("""
                        then
                            new Thread(() -> System.exit(0)).start();
                        """), "new Thread", "new is only allowed as new BigDecimal"),
                argumentSet("a function with arbitrary code", HEADER + """
                        function void boom() {
                            System.exit(1);
                        }
                        """, "function", "function boom is not allowed"),
                argumentSet("a foreign global", HEADER + """
                        global java.util.List leaks;
                        """, "leaks", "global java.util.List leaks is not allowed: the rules of a tax file record their results through "
                        + "'global TaxOutput tax;'"),
                argumentSet("while (true) {}", rule("""
                        then
                            while (true) { }
                        """), "while", "while is not allowed: loops are not allowed in rules"),
                argumentSet("an update loop", rule("""
                        then
                            update($c);
                        """), "update", "update is not allowed: rules must not change the facts"),
                argumentSet("a modify loop", rule("""
                        then
                            modify($c) { };
                        """), "modify", "modify is not allowed: rules must not change the facts"),
                argumentSet("endless insert", rule("""
                        then
                            insert(new BigDecimal("1"));
                        """), "insert", "insert is not allowed: rules must not change the facts"),
                argumentSet("new byte[Integer.MAX_VALUE]", rule("""
                        then
                            byte[] memory = new byte[Integer.MAX_VALUE];
                        """), "byte[]", "byte is not allowed"),
                argumentSet("a huge text with repeat", rule("""
                        then
                            tax.rate($c, BigDecimal.ONE, "x".repeat(2000000000));
                        """), "repeat", ".repeat is not allowed: it can build enormous texts"),
                argumentSet("a huge number with BigDecimal.pow", rule("""
                        then
                            tax.rate($c, $c.amount().pow(999999999), "VAT");
                        """), "pow", ".pow is not allowed: it can build enormous numbers"),
                argumentSet("a huge number from an exponent", rule("""
                        then
                            tax.rate($c, new BigDecimal("1E999999999"), "VAT");
                        """), "1E9", "new is only allowed as new BigDecimal(\"19.5\"), with a plain decimal"),
                argumentSet("a huge scale through divide", rule("""
                        then
                            tax.rate($c, $c.amount().divide(BigDecimal.TEN, 999999999, null), "VAT");
                        """), "divide", "divide with 3 arguments is not allowed"),
                argumentSet("a huge text through String.format on an instance", rule("""
                        then
                            tax.rate($c, BigDecimal.ONE, "%0999999999d".format("%0999999999d", 1));
                        """), "format", ".format is not allowed: it can build enormous texts"),
                argumentSet("from java.lang.System.getenv()", HEADER + """
                        rule "Environment"
                        when
                            $env : Object() from java.lang.System.getenv()
                        then
                        end
                        """, "getenv", "from is not allowed"),
                argumentSet("eval calling System", HEADER + """
                        rule "Exit while matching"
                        when
                            $c : Charge()
                            eval( System.exit(0) == null )
                        then
                        end
                        """, "eval", "System is not allowed"),
                argumentSet("accumulate with inline code", HEADER + """
                        rule "Own accumulate"
                        when
                            $n : Number() from accumulate( Charge( $x : amount ),
                                init( int i = 0; ) action( System.exit(0); ) reverse( ) result( i ) )
                        then
                        end
                        """, "from accumulate", "accumulate with its own code (init, action, reverse, result) is not "
                        + "allowed"),
                argumentSet("a pattern on java.io.File()", HEADER + """
                        rule "Files"
                        when
                            $f : java.io.File()
                        then
                        end
                        """, "java.io.File()", "a pattern on java.io.File is not allowed: rules may only match"),
                argumentSet("a pattern on Object()", HEADER + """
                        rule "Anything"
                        when
                            $o : Object()
                        then
                        end
                        """, "Object()", "a pattern on Object is not allowed"),
                argumentSet("drools.getKieRuntime()", rule("""
                        then
                            drools.getKieRuntime().halt();
                        """), "drools", "drools is not allowed: rules may not reach into the rule engine"),
                argumentSet("kcontext", rule("""
                        then
                            kcontext.getKieRuntime().halt();
                        """), "kcontext", "kcontext is not allowed"),
                argumentSet("a declared type", HEADER + """
                        declare Evil
                            name : String
                        end
                        """, "declare", "declare Evil is not allowed"),
                argumentSet("a unicode escape in java actions", HEADER + """
                        rule "Escaped" dialect "java"
                        when
                            $c : Charge()
                        then
                            \\u0053ystem.exit(0);
                        end
                        """, "ystem.exit", "unicode escapes such as \\u0041 are not allowed"),
                argumentSet("a unicode line break hiding code in a comment", rule("""
                        then
                            // \\u000a java.lang.System.exit(0);
                        """), "java.lang", "unicode escapes such as \\u0041 are not allowed"),
                argumentSet("System.exit in mvel actions", HEADER + """
                        rule "Exit in mvel" dialect "mvel"
                        when
                            $c : Charge()
                        then
                            System.exit(0);
                        end
                        """, "System", "System is not allowed"),
                argumentSet("a lambda", rule("""
                        then
                            tax.rate($c, BigDecimal.ONE, "x"); Runnable exit = () -> {};
                        """), "->", "Runnable is not allowed"),
                argumentSet("a method reference", rule("""
                        then
                            tax.rate($c, BigDecimal.ONE, "x"); $c.amount()::toString;
                        """), "::", "lambdas and method references (-> and ::) are not allowed"),
                argumentSet("try and catch", rule("""
                        then
                            try { tax.rate($c, BigDecimal.ONE, "x"); } catch (RuntimeException e) { }
                        """), "try", "try is not allowed: rules may not throw or catch exceptions"),
                argumentSet("actions that close their method", rule("""
                        then
                            tax.rate($c, BigDecimal.ONE, "x"); } static { System.exit(0); } void more() {
                        """), "static", "'}' has no matching '{': the actions must stay inside their rule"),
                argumentSet("a calculated salience", HEADER + """
                        rule "Salience" salience ( System.exit(0) )
                        when
                            $c : Charge()
                        then
                        end
                        """, "salience", "salience must be a whole number"),
                argumentSet("extra actions with then[...]", HEADER + """
                        rule "Named"
                        when
                            $c : Charge()
                            do[extra]
                        then
                        then[extra]
                            System.exit(0);
                        end
                        """, "rule \"Named\"", "extra action blocks (then[...]) are not allowed"),
                argumentSet("a decision while matching", HEADER + """
                        rule "Decides in a condition"
                        when
                            $c : Charge( tax.rate($c, BigDecimal.ONE, "x") == null )
                        then
                        end
                        """, "tax.rate", "tax may only be used in the actions after then"),
                argumentSet("the clock instead of the billing date", rule("""
                        then
                            tax.rate($c, BigDecimal.ONE, LocalDate.now().toString());
                        """), "now", "LocalDate.now is not allowed: rules read the billing date"),
                argumentSet("a package that is a Java package", """
                        package java.lang;
                        import org.ratebook.rules.fact.Charge;
                        """, "package", "package java.lang is not allowed: it is a Java package"),
                argumentSet("a rule name that could break out of generated code", HEADER + """
                        rule "x\\" + System.exit(0) + \\""
                        when
                        then
                        end
                        """, "rule \"x", "the rule name may only contain"),
                argumentSet("forty string doublings (2^40 characters)", RunawayPackTest.FORTY_STRING_DOUBLINGS,
                        "v9 = v8 + v8", GROWTH),
                argumentSet("squaring an amount forty times (2^40 digits)", RunawayPackTest.FORTY_SQUARINGS,
                        "v9 = v8.multiply", GROWTH),
                argumentSet("squaring with * in mvel", RunawayPackTest.FORTY_MVEL_SQUARINGS, "v9 = v8 * v8", GROWTH),
                argumentSet("twelve multiplications while matching", RunawayPackTest.SQUARING_IN_CONDITIONS,
                        "$d : Charge", GROWTH),
                argumentSet("a look-alike letter in a name", rule("""
                        then
                            Sуstem.exit(0);
                        """), "exit", "the character 'у' (U+0443) is only allowed in text in quotes"));
    }

    private static final String GROWTH = "more than " + CodeChecker.MAX_GROWTH_OPERATIONS
            + " additions and multiplications in one rule";

    /** A rule matching one charge, with the given {@code then} block. */
    private static String rule(String then) {
        return HEADER + """
                rule "Malicious"
                when
                    $c : Charge()
                """ + then + "end\n";
    }

    private static int lineOf(String culprit, String drl) {
        int at = drl.indexOf(culprit);
        assertThat(at).as("the case names text of its own DRL").isNotNegative();
        return (int) drl.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
