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
import org.openjdk.jmh.annotations.Warmup;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.CompilerWarmUp;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Publish → live, as an analyst sees it on a server that has been up a while: a fresh JVM warms up by
 * compiling one different pack (and answering one question with it), then new 300-rule content arrives as
 * a folder and the clock runs from reading that folder to the first invoice decided with it (load, content
 * hash, Drools compile of both stages, first decision). One measurement per JVM, so every sample is a
 * first publish; {@code warmUpWith} says whether the earlier pack was another 300-rule pack ({@code generated})
 * or the shipped 2-rule default pack ({@code default}), or the default pack followed by what a server does at
 * start-up ({@code server}: {@link CompilerWarmUp}, a throw-away pack compiled off the request threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 6, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+UseG1GC"})
public class FirstPublishBenchmark {

    @Param({"generated", "default", "server"})
    public String warmUpWith;

    private DecisionService service;
    private Path folder;
    private Machine machine;
    private int variant = 1_000;
    private final InvoiceQuestion question = GeneratedPack.typicalInvoice(0);

    @Setup(Level.Trial)
    public void warmUpWithAnotherPack() {
        service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
        InvoiceDecision warm = switch (warmUpWith) {
            case "generated" -> service.decide(GeneratedPack.pack(999), GeneratedPack.typicalInvoice(1));
            case "default" -> service.decide(RulePackLoader.defaultPack(), defaultPackQuestion());
            case "server" -> {
                InvoiceDecision first = service.decide(RulePackLoader.defaultPack(), defaultPackQuestion());
                CompilerWarmUp.run();
                yield first;
            }
            default -> throw new IllegalArgumentException(warmUpWith);
        };
        if (warm.lines().isEmpty()) {
            throw new IllegalStateException("warm-up pack decided nothing");
        }
    }

    private static InvoiceQuestion defaultPackQuestion() {
        return new InvoiceQuestion(new BillingAccount("acc-warm", "EUR", "DE"), LocalDate.of(2026, 3, 1),
                List.of(new SubscriptionPeriod("sub-warm", "Pro", 1, "EUR", LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 4, 1))));
    }

    @Setup(Level.Iteration)
    public void newContentArrives() throws IOException {
        machine = Machine.watch();
        folder = GeneratedPack.writeTo(Files.createTempDirectory("ratebook-publish-"), variant++);
    }

    @Benchmark
    public InvoiceDecision publishToFirstDecision() {
        RulePack published = GeneratedPack.load(folder, 1);
        return service.decide(published, question);
    }

    @TearDown(Level.Iteration)
    public void cleanUp() throws IOException {
        GeneratedPack.deleteRecursively(folder);
        System.out.print("[" + machine.report() + "] ");
    }
}
