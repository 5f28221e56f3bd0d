package org.ratebook.engine.rulepack.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.rulepack.api.ApproveRulePackCommand;
import org.ratebook.engine.rulepack.api.ImportRulePackCommand;
import org.ratebook.engine.rulepack.api.PublishRulePackCommand;
import org.ratebook.engine.rulepack.api.RollBackRulePackCommand;
import org.ratebook.engine.rulepack.api.RecordRulePackTestCommand;
import org.ratebook.engine.rulepack.api.RulePackApprovedEvent;
import org.ratebook.engine.rulepack.api.RulePackTestedEvent;
import org.ratebook.engine.rulepack.api.RulePackRolledBackEvent;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackDraftSavedEvent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.rulepack.api.RulePackPublishedEvent;
import org.ratebook.engine.rulepack.api.SaveRulePackDraftCommand;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompilationException;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackFormatException;
import org.ratebook.tenants.TenantClocks;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A tenant's rule pack and its versions. Decides what may become a version (it must compile and validate),
 * who may approve it (not its author) and from when it may price (not retroactively, except by operator
 * import). Compiling on save also warms the compiled-pack cache, so publishing is live at once.
 */
@Aggregate
public class TenantRulePack {

    enum Status { DRAFT, APPROVED, PUBLISHED }

    private record Version(String author, String contentHash, Status status) {
        Version with(Status next) {
            return new Version(author, contentHash, next);
        }
    }

    @AggregateIdentifier
    private RulePackId packId;
    private int lastVersion;
    private final Map<Integer, Version> versions = new HashMap<>();

    protected TenantRulePack() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SaveRulePackDraftCommand command, RulePackCompiler compiler, Clock clock) {
        requireName(command.author(), "author");
        int version = lastVersion + 1;
        String hash = compile(command.content(), version, compiler);
        apply(new RulePackDraftSavedEvent(command.packId().tenantId(), version, hash, command.content(),
                command.author(), clock.instant()));
        return version;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(ImportRulePackCommand command, RulePackCompiler compiler, Clock clock) {
        requireName(command.operator(), "operator");
        int version = lastVersion + 1;
        String hash = compile(command.content(), version, compiler);
        apply(new RulePackDraftSavedEvent(command.packId().tenantId(), version, hash, command.content(),
                command.operator(), clock.instant()));
        apply(new RulePackApprovedEvent(command.packId().tenantId(), version, command.operator(), clock.instant()));
        apply(new RulePackPublishedEvent(command.packId().tenantId(), version, hash, command.effectiveFrom(),
                command.operator(), clock.instant()));
        return version;
    }

    /** The content must be the one recorded for that version, which must have been published. */
    @CommandHandler
    public int handle(RollBackRulePackCommand command, RulePackCompiler compiler, Clock clock) {
        requireName(command.author(), "author");
        Version target = existing(command.toVersion());
        if (target.status() != Status.PUBLISHED) {
            throw new InvalidRulePackException("version " + command.toVersion() + " was never published; only a "
                    + "published version can be rolled back to");
        }
        int version = lastVersion + 1;
        String hash = compile(command.content(), version, compiler);
        if (!hash.equals(target.contentHash())) {
            throw new InvalidRulePackException("the content given is not version " + command.toVersion()
                    + "'s (content hash " + hash + ", recorded " + target.contentHash() + ")");
        }
        apply(new RulePackDraftSavedEvent(packId.tenantId(), version, hash, command.content(), command.author(),
                clock.instant()));
        apply(new RulePackRolledBackEvent(packId.tenantId(), version, command.toVersion(), hash, command.author(),
                clock.instant()));
        return version;
    }

    @CommandHandler
    public void handle(ApproveRulePackCommand command, Clock clock) {
        requireName(command.approver(), "approver");
        Version version = existing(command.version());
        if (version.status() != Status.DRAFT) {
            throw new InvalidRulePackException("version " + command.version() + " is " + version.status()
                    + ", only a draft can be approved");
        }
        if (version.author().equals(command.approver())) {
            throw new InvalidRulePackException("version " + command.version() + " was written by "
                    + command.approver() + "; a second person must approve it");
        }
        apply(new RulePackApprovedEvent(packId.tenantId(), command.version(), command.approver(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordRulePackTestCommand command, Clock clock) {
        requireName(command.tester(), "tester");
        Version version = existing(command.version());
        if (version.status() == Status.PUBLISHED) {
            throw new InvalidRulePackException("version " + command.version()
                    + " is already published; tests are kept for versions before they are published");
        }
        apply(new RulePackTestedEvent(packId.tenantId(), command.version(), command.tester(), clock.instant(),
                command.sample(), command.versionTotal(), command.inEffectTotal(), command.problem()));
    }

    @CommandHandler
    public void handle(PublishRulePackCommand command, TenantClocks clocks, Clock clock) {
        requireName(command.publisher(), "publisher");
        Version version = existing(command.version());
        if (version.status() != Status.APPROVED) {
            throw new InvalidRulePackException("version " + command.version() + " is " + version.status()
                    + "; it must be approved before it is published");
        }
        LocalDate today = LocalDate.now(clocks.of(packId.tenantId()));
        if (command.effectiveFrom() == null || command.effectiveFrom().isBefore(today)) {
            throw new InvalidRulePackException("effectiveFrom must be today (" + today + ") or later; periods "
                    + "already due are priced by the version that was in effect for them");
        }
        apply(new RulePackPublishedEvent(packId.tenantId(), command.version(), version.contentHash(),
                command.effectiveFrom(),
                command.publisher(), clock.instant()));
    }

    private Version existing(int number) {
        Version version = versions.get(number);
        if (version == null) {
            throw new InvalidRulePackException("rule pack of " + packId.tenantId() + " has no version " + number);
        }
        return version;
    }

    private static String compile(RulePackContent content, int version, RulePackCompiler compiler) {
        if (content == null || content.name() == null || content.name().isBlank()) {
            throw new InvalidRulePackException("a rule pack needs a name");
        }
        try {
            RulePack pack = content.asVersion(version);
            return compiler.compiled(pack).contentHash();
        } catch (RulePackCompilationException e) {
            throw new InvalidRulePackException("the rule pack does not validate", e.problems());
        } catch (RulePackFormatException e) {
            throw new InvalidRulePackException(e.getMessage());
        } catch (IllegalArgumentException e) {
            // content checks of the pack itself: a plan the billing alignment cannot bill, a usage table mismatch
            throw new InvalidRulePackException(e.getMessage());
        }
    }

    private static void requireName(String who, String role) {
        if (who == null || who.isBlank()) {
            throw new InvalidRulePackException("the " + role + " must be named");
        }
    }

    @EventSourcingHandler
    void on(RulePackDraftSavedEvent event) {
        packId = new RulePackId(event.tenantId());
        lastVersion = event.version();
        versions.put(event.version(), new Version(event.author(), event.contentHash(), Status.DRAFT));
    }

    @EventSourcingHandler
    void on(RulePackApprovedEvent event) {
        versions.computeIfPresent(event.version(), (n, v) -> v.with(Status.APPROVED));
    }

    @EventSourcingHandler
    void on(RulePackPublishedEvent event) {
        versions.computeIfPresent(event.version(), (n, v) -> v.with(Status.PUBLISHED));
    }
}
