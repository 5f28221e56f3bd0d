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
import org.openjdk.jmh.annotations.Warmup;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.SubscriptionPeriod;
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
 * Publish → live through the rule-pack lifecycle: the draft was compiled when it was saved (saving validates by
 * compiling, and the compiled form is cached by content hash), so what remains after the publish command is
 * reading the published version as a new pack instance (as the versions projection does), finding its compiled
 * form by its hash and deciding the first invoice. Fresh JVM per sample, warmed with the default pack only (the
 * worst case of {@link FirstPublishBenchmark}); the 300-rule content is saved (compiled) in the iteration set-up,
 * outside the measurement.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 6, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+UseG1GC"})
public class PublishAfterSaveBenchmark {

    private DecisionService service;
    private RulePackCompiler compiler;
    private Path folder;
    private Machine machine;
    private final InvoiceQuestion question = GeneratedPack.typicalInvoice(0);

    @Setup(Level.Trial)
    public void warmUpWithTheDefaultPack() {
        compiler = new RulePackCompiler(Clock.systemUTC());
        service = new DecisionService(compiler);
        service.decide(RulePackLoader.defaultPack(), new InvoiceQuestion(new BillingAccount("acc-warm", "EUR", "DE"),
                LocalDate.of(2026, 3, 1), List.of(new SubscriptionPeriod("sub-warm", "Pro", 1, "EUR",
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 1)))));
    }

    @Setup(Level.Iteration)
    public void draftIsSaved() throws IOException {
        folder = GeneratedPack.writeTo(Files.createTempDirectory("ratebook-saved-"), 2_000);
        compiler.compiled(GeneratedPack.load(folder, 2));
        machine = Machine.watch();
    }

    @Benchmark
    public InvoiceDecision publishedToFirstDecision() {
        return service.decide(GeneratedPack.load(folder, 2), question);
    }

    @TearDown(Level.Iteration)
    public void cleanUp() throws IOException {
        System.out.print("[" + machine.report() + "] ");
        GeneratedPack.deleteRecursively(folder);
    }
}
