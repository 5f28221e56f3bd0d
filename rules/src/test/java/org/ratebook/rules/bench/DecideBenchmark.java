package org.ratebook.rules.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Decisions per second for a typical invoice on one thread, the 300-rule pack already compiled. {@code invoice}
 * chooses which: {@code usage} (the typical invoice: one flat monthly plan, its three meters' usage rated by the
 * usage charge tables — graduated, per unit with free units, packages — the territory's real coupon taking
 * 10 % off each charge in the discount stage, VAT on every line; eight lines) or {@code seats} (the first
 * measurement's stand-in: one flat and three per-seat subscriptions and the coupon as a negative catalog line,
 * five lines). The 30 questions rotate through all 30 countries, so every territory's rules are exercised.
 * {@code decide} is throughput, {@code decideLatency} the same call sampled for percentiles, {@code contentHash}
 * what hashing the pack costs (a decision no longer pays it: the compiler remembers each pack instance's hash).
 */
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 3, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+UseG1GC"})
public class DecideBenchmark {

    @Param({"usage", "seats"})
    public String invoice;

    private RulePack pack;
    private DecisionService service;
    private final InvoiceQuestion[] questions = new InvoiceQuestion[30];
    private int next;

    @Setup(Level.Trial)
    public void compileAndCheck() {
        boolean usage = invoice.equals("usage");
        pack = usage ? GeneratedPack.packWithUsage(0) : GeneratedPack.pack(0);
        service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
        for (int i = 0; i < questions.length; i++) {
            questions[i] = usage ? GeneratedPack.typicalInvoiceWithUsage(i, pack) : GeneratedPack.typicalInvoice(i);
            InvoiceDecision decision = service.decide(pack, questions[i]);
            String rate = GeneratedPack.country(questions[i].account().country()).rateOn(questions[i].targetDate());
            if (decision.lines().size() != (usage ? 8 : 5) || decision.lines().stream().map(DecidedLine::taxRate)
                    .anyMatch(r -> r.compareTo(new BigDecimal(rate)) != 0)) {
                throw new IllegalStateException("question " + i + " decided wrongly: " + decision.lines());
            }
        }
    }

    private InvoiceQuestion nextQuestion() {
        InvoiceQuestion q = questions[next];
        next = next + 1 == questions.length ? 0 : next + 1;
        return q;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public InvoiceDecision decide() {
        return service.decide(pack, nextQuestion());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public InvoiceDecision decideLatency() {
        return service.decide(pack, nextQuestion());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public String contentHash() {
        return pack.contentHash();
    }

    private Machine machine;

    @Setup(Level.Iteration)
    public void watchMachine() {
        machine = Machine.watch();
    }

    @TearDown(Level.Iteration)
    public void reportMachine() {
        System.out.print("[" + machine.report() + "] ");
    }
}
