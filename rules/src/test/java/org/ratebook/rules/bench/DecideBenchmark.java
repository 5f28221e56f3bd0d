package org.ratebook.rules.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
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
 * Decisions per second for a typical invoice on one thread, the 300-rule pack already compiled: one flat
 * subscription, three per-seat subscriptions, the territory's coupon (a negative catalog line: today's
 * API has no discount decision and no usage facts), VAT on every line. The 30 questions rotate through all
 * 30 countries, so every territory's rules are exercised. {@code decide} is throughput, {@code decideLatency}
 * the same call sampled for percentiles, {@code contentHash} the part of every decide() spent re-hashing
 * the pack to find its compiled form.
 */
@State(Scope.Thread)
@Threads(1)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 3, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+UseG1GC"})
public class DecideBenchmark {

    private RulePack pack;
    private DecisionService service;
    private final InvoiceQuestion[] questions = new InvoiceQuestion[30];
    private int next;

    @Setup(Level.Trial)
    public void compileAndCheck() {
        pack = GeneratedPack.pack(0);
        service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
        for (int i = 0; i < questions.length; i++) {
            questions[i] = GeneratedPack.typicalInvoice(i);
            InvoiceDecision decision = service.decide(pack, questions[i]);
            String rate = GeneratedPack.country(questions[i].account().country()).rateOn(questions[i].targetDate());
            if (decision.lines().size() != 5 || decision.lines().stream().map(DecidedLine::taxRate)
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
