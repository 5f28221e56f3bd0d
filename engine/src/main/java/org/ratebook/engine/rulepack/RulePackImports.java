package org.ratebook.engine.rulepack;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.rulepack.api.ImportRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.LocalDate;

/** The operator's way to install a pack kept as files: a folder on disk or one shipped on the classpath. */
@Component
public class RulePackImports {

    public static final String OPERATOR = "operator";

    private final CommandGateway commands;
    private final RulePackCompiler compiler;

    public RulePackImports(CommandGateway commands, RulePackCompiler compiler) {
        this.commands = commands;
        this.compiler = compiler;
    }

    /** Imports the pack in classpath folder {@code folder} (e.g. {@link RulePackLoader#DEFAULT_PACK}); returns its version. */
    public int importShipped(TenantId tenant, String folder, LocalDate effectiveFrom) {
        return send(tenant, RulePackContent.of(RulePackLoader.fromClasspath(folder, 0)), effectiveFrom);
    }

    public int importDirectory(TenantId tenant, Path folder, LocalDate effectiveFrom) {
        return send(tenant, RulePackContent.of(RulePackLoader.fromDirectory(folder, 0)), effectiveFrom);
    }

    /** Imports content built elsewhere (a catalog table in a scenario, an upload). */
    public int importContent(TenantId tenant, RulePackContent content, LocalDate effectiveFrom) {
        return send(tenant, content, effectiveFrom);
    }

    private int send(TenantId tenant, RulePackContent content, LocalDate effectiveFrom) {
        precompile(content);
        return commands.sendAndWait(new ImportRulePackCommand(new RulePackId(tenant), content, effectiveFrom, OPERATOR));
    }

    /**
     * Compiles the pack before the command is sent, outside any unit of work: the handler then finds it in the
     * compiler's cache (by content hash, whatever the version). Compiling inside the handler held the command's
     * transaction and the aggregate's lock for the whole Drools compile; on a cold, busy JVM (first start in a
     * small container, beside the start-up warm-up) that took over 10 s, so Axon logged a "UnitOfWork is taking
     * a long time" warning with a full stack trace every second, and at 30 s interrupted the handler and the
     * start failed. A pack that does not compile is left to the handler, which reports it as it always has.
     */
    private void precompile(RulePackContent content) {
        try {
            compiler.compiled(content.asVersion(1));
        } catch (RuntimeException refusedByTheHandlerToo) {
            // the handler compiles again and refuses it with the violations
        }
    }
}
