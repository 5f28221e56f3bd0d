package org.ratebook.rules.safety;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.TestPacks;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompilationException;
import org.ratebook.rules.pack.RulePackCompiler;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wall 1: the runaway packs that the validator used to accept (issue 10) are refused before compiling, and the
 * most a pack may now compute stays bounded by its input, measured in time, memory and threads left behind.
 */
class RunawayPackTest {

    private static final String HEADER = """
            package ratebook.tax;
            import java.math.BigDecimal;
            import org.ratebook.rules.fact.Charge;
            global org.ratebook.rules.decision.Decisions decisions;
            """;

    /** A generous stage limit: on a loaded build machine the cold first decision alone can take seconds. */
    private final DecisionService service = new DecisionService(new RulePackCompiler(Clock.systemUTC()),
            java.time.Duration.ofSeconds(60));

    /** {@code n} lines, each doubling the previous value: {@code a1 = a0 + a0}, or {@code b1 = b0.multiply(b0)}. */
    private static String doublings(String type, String first, String operation, int n) {
        return doublings("v", type, first, operation, n);
    }

    private static String doublings(String name, String type, String first, String operation, int n) {
        return "    " + type + " " + name + "0 = " + first + ";\n" + IntStream.rangeClosed(1, n)
                .mapToObj(k -> "    " + type + " " + name + k + " = " + operation.replace("X", name + (k - 1)) + ";\n")
                .collect(Collectors.joining());
    }

    private static String rule(String then, String use) {
        return HEADER + """
                rule "Runaway"
                when
                    $c : Charge()
                then
                """ + then + "    " + use + "\nend\n";
    }

    static final String FORTY_STRING_DOUBLINGS = rule(doublings("String", "\"tax\"", "X + X", 40),
            "decisions.tax($c, BigDecimal.ONE, v40);");
    static final String FORTY_SQUARINGS = rule(doublings("BigDecimal", "$c.amount()", "X.multiply(X)", 40),
            "decisions.tax($c, v40, \"VAT\");");
    static final String FORTY_MVEL_SQUARINGS = rule(doublings("BigDecimal", "$c.amount()", "X * X", 40),
            "decisions.tax($c, v40, \"VAT\");").replace("rule \"Runaway\"", "rule \"Runaway\" dialect \"mvel\"");
    static final String SELF_APPEND = rule("    String s = \"tax\";\n" + "    s = s + s;\n".repeat(40),
            "decisions.tax($c, BigDecimal.ONE, s);");
    static final String COMPOUND_APPEND = rule("    String s = \"tax\";\n" + "    s += s;\n".repeat(40),
            "decisions.tax($c, BigDecimal.ONE, s);");
    static final String SQUARING_IN_CONDITIONS = HEADER + """
            rule "Runaway"
            when
                $c : Charge($a : amount)
                $d : Charge(amount == $a * $a * $a * $a * $a * $a * $a * $a * $a * $a * $a * $a)
            then
                decisions.tax($c, BigDecimal.ONE, "x");
            end
            """;

    @Test
    void runawayPacksAreRefusedBeforeCompilingNamingTheLimit() {
        for (String drl : List.of(FORTY_STRING_DOUBLINGS, FORTY_SQUARINGS, FORTY_MVEL_SQUARINGS, SELF_APPEND,
                COMPOUND_APPEND, SQUARING_IN_CONDITIONS)) {
            RulePack pack = TestPacks.withTax(drl);
            assertThat(new DrlValidator().validate(pack.sources(RuleCategory.TAX).getFirst()))
                    .extracting(Violation::toString)
                    .anySatisfy(v -> assertThat(v).contains("more than " + CodeChecker.MAX_GROWTH_OPERATIONS
                            + " additions and multiplications in one rule"));
            assertThatThrownBy(() -> RulePackCompiler.compile(pack)).isInstanceOf(RulePackCompilationException.class);
        }
    }

    @Test
    void theLargestAcceptedGrowthIsCheapInTimeMemoryAndThreads() throws Exception {
        // exactly at the limit: four string doublings and four squarings of a 20-digit amount
        String drl = rule(doublings("String", "\"VAT on a long label of twenty\"", "X + X", 4)
                        + doublings("w", "BigDecimal", "$c.amount()", "X.multiply(X)", 4),
                "decisions.tax($c, w4.signum() > 0 ? BigDecimal.ONE : BigDecimal.ONE, v4);");
        RulePack pack = TestPacks.withTax(drl);
        assertThat(new DrlValidator().validate(pack.sources(RuleCategory.TAX).getFirst())).isEmpty();

        InvoiceQuestion question = new InvoiceQuestion(new BillingAccount("acc-1", "EUR", "DE"),
                LocalDate.of(2026, 4, 1), IntStream.range(0, 200).mapToObj(n -> new SubscriptionPeriod("sub-" + n,
                        "Pro", 1, "EUR", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1))).toList(), List.of());
        service.decide(pack, question); // compile and warm up

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        long started = System.nanoTime();
        InvoiceDecision decision = service.decide(pack, question);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocatedMb = (threads.getTotalThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);
        System.out.printf("Wall 1: the largest accepted growth over 200 charges took %d ms and allocated %d MB%n",
                millis, allocatedMb);

        // what starting a platform thread per stage would cost next to a decision (BoundedFiring pools them)
        long threadStarted = System.nanoTime();
        for (int n = 0; n < 200; n++) {
            Thread.ofPlatform().daemon().start(() -> { }).join();
        }
        long microsPerThread = (System.nanoTime() - threadStarted) / 200 / 1_000;
        System.out.printf("Wall 1: a platform thread per stage costs %d µs to start and join (a decision: %d ms)%n",
                microsPerThread, millis);

        assertThat(decision.lines()).hasSize(200);
        assertThat(millis).as("a runaway pack would never end; this one is bounded").isLessThan(10_000);
        assertThat(allocatedMb).isLessThan(256);
        assertThat(service.overdueStages()).isZero();
        // the workers are pooled (reused, ended after a minute idle): none may still be working on a stage
        assertThat(Thread.getAllStackTraces().keySet()).noneSatisfy(t ->
                assertThat(t.getName().startsWith("ratebook-rules-") && t.getState() == Thread.State.RUNNABLE)
                        .isTrue());
    }
}
