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
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Publish → live on a busy server: the same measurement as {@link FirstPublishBenchmark}, but after five
 * earlier publishes in the same JVM, so the compiler's own code is JIT-compiled. Every iteration publishes
 * new content (another price variant), so nothing comes from the compiled-pack cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 3, jvmArgs = {"-Xms3g", "-Xmx3g", "-XX:+UseG1GC"})
public class RepublishBenchmark {

    private DecisionService service;
    private Path folder;
    private Machine machine;
    private int variant = 2_000;
    private final InvoiceQuestion question = GeneratedPack.typicalInvoice(0);

    @Setup(Level.Trial)
    public void server() {
        service = new DecisionService(new RulePackCompiler(Clock.systemUTC()));
    }

    @Setup(Level.Iteration)
    public void newContentArrives() throws IOException {
        machine = Machine.watch();
        folder = GeneratedPack.writeTo(Files.createTempDirectory("ratebook-republish-"), variant++);
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
