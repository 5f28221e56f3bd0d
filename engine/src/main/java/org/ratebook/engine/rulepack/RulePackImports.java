package org.ratebook.engine.rulepack;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.rulepack.api.ImportRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackId;
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

    public RulePackImports(CommandGateway commands) {
        this.commands = commands;
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
        return commands.sendAndWait(new ImportRulePackCommand(new RulePackId(tenant), content, effectiveFrom, OPERATOR));
    }
}
