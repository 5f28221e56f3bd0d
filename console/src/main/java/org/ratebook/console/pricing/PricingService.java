package org.ratebook.console.pricing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.console.security.CurrentTenant;
import org.ratebook.engine.rulepack.api.RecordRulePackTestCommand;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.rulepack.RulePackAuthoring;
import org.ratebook.engine.rulepack.domain.InvalidRulePackException;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the pricing console may do, for the signed-in user's tenant, with the role checked here as well as on the
 * route: reading needs any pricing role, editing needs the analyst (or tenant admin), approving and publishing
 * need the approver. Every change goes through {@link RulePackAuthoring}, so each is an event naming who did it
 * and the four-eyes rule of the aggregate holds; this class adds the seller's own scenarios as a gate before
 * approval.
 */
@Service
public class PricingService {

    static final Set<String> READERS = Set.of(Role.Names.ANALYST, Role.Names.APPROVER, Role.Names.AUDITOR,
            Role.Names.TENANT_ADMIN);
    static final Set<String> EDITORS = Set.of(Role.Names.ANALYST, Role.Names.TENANT_ADMIN);
    static final Set<String> APPROVERS = Set.of(Role.Names.APPROVER);

    /** A version as listed, with what changed from the version before it. */
    public record VersionRow(RulePackVersionView view, String changes) {
    }

    /** A problem the validator or the compiler found, with where it is and, for rules, the words of the check. */
    public record Problem(String file, int line, int column, String message) {
        private static final Pattern FORM = Pattern.compile("(?s)(.+?) line (-?\\d+): (.*)");
        private static final Pattern COLUMN = Pattern.compile("\\[(\\d+),(\\d+)]|column (\\d+)");

        static Problem of(String problem) {
            Matcher m = FORM.matcher(problem);
            if (!m.matches()) {
                return new Problem(null, 0, 0, problem);
            }
            String message = m.group(3);
            int column = 0;
            Matcher c = COLUMN.matcher(message);
            if (c.find()) {
                column = Integer.parseInt(c.group(2) != null ? c.group(2) : c.group(3));
            }
            return new Problem(m.group(1).strip(), Integer.parseInt(m.group(2)), column, message);
        }

        String describe() {
            return (file == null ? "" : file + (line > 0 ? ", line " + line + (column > 0 ? ", column " + column : "")
                    : "") + ": ") + message;
        }
    }

    /** A refusal the console shows in words; nothing was recorded. */
    public static class Refused extends RuntimeException {
        private final List<Problem> problems;

        Refused(String message, List<Problem> problems) {
            super(message);
            this.problems = List.copyOf(problems);
        }

        Refused(String message) {
            this(message, List.of());
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private final RulePackAuthoring authoring;
    private final RulePackVersionsProjection versions;
    private final CurrentTenant currentTenant;
    private final PackTests tests;
    private final TenantRegistry tenants;
    private final PackScenarios scenarios;
    private final Map<String, String> changes = new ConcurrentHashMap<>();
    private final CommandGateway commands;
    private final SubscriptionProjection subscriptions;

    public PricingService(RulePackAuthoring authoring, RulePackVersionsProjection versions, CurrentTenant currentTenant,
                          PackTests tests, TenantRegistry tenants, DecisionService decisions, CommandGateway commands,
                          SubscriptionProjection subscriptions) {
        this.commands = commands;
        this.subscriptions = subscriptions;
        this.authoring = authoring;
        this.versions = versions;
        this.currentTenant = currentTenant;
        this.tests = tests;
        this.tenants = tenants;
        this.scenarios = new PackScenarios(decisions);
    }

    // ---- who

    static Set<String> roles() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Set.of();
        }
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
    }

    static String caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getName() == null) {
            throw new Refused("sign in first");
        }
        return auth.getName();
    }

    static boolean mayEdit() {
        return roles().stream().anyMatch(EDITORS::contains);
    }

    static boolean mayApprove() {
        return roles().stream().anyMatch(APPROVERS::contains);
    }

    private TenantId tenant(Set<String> allowed, String action) {
        if (roles().stream().noneMatch(allowed::contains)) {
            throw new Refused(action + " needs the role " + allowed.stream().sorted().map(PricingService::roleWord)
                    .collect(Collectors.joining(" or ")) + "; you are signed in as " + roles().stream().sorted()
                    .map(PricingService::roleWord).collect(Collectors.joining(", ")));
        }
        return currentTenant.require();
    }

    static String roleWord(String role) {
        return switch (role) {
            case Role.Names.ANALYST -> "Analyst";
            case Role.Names.APPROVER -> "Approver";
            case Role.Names.AUDITOR -> "Auditor";
            case Role.Names.TENANT_ADMIN -> "Tenant admin";
            case Role.Names.OPERATOR -> "Operator";
            default -> role;
        };
    }

    // ---- reading

    /** Every version, newest first, with what changed from the version before it. */
    public List<VersionRow> versions() {
        TenantId tenant = tenant(READERS, "Seeing the rule packs");
        List<RulePackVersionView> all = versions.versions(tenant);
        return all.stream().map(v -> new VersionRow(v, changes.computeIfAbsent(tenant.value() + "|" + v.version(),
                k -> v.version() == 1 ? "first version" : summary(tenant, v.version() - 1, v.version())))).toList();
    }

    private String summary(TenantId tenant, int older, int newer) {
        try {
            return PackDiff.summary(authoring.files(tenant, older), authoring.files(tenant, newer));
        } catch (RuntimeException e) {
            return "";
        }
    }

    public Optional<RulePackVersionView> version(int version) {
        TenantId tenant = tenant(READERS, "Seeing a rule pack");
        return versions.versions(tenant).stream().filter(v -> v.version() == version).findFirst();
    }

    /** The version's files by path, as the pack folder holds them. */
    public Map<String, String> files(int version) {
        return new TreeMap<>(authoring.files(tenant(READERS, "Seeing a rule pack"), version));
    }

    public List<PackDiff.FileDiff> diff(int older, int newer) {
        TenantId tenant = tenant(READERS, "Comparing versions");
        return PackDiff.of(authoring.files(tenant, older), authoring.files(tenant, newer));
    }

    public LocalDate today() {
        return authoring.today(tenant(READERS, "Seeing a rule pack"));
    }

    // ---- changing

    /**
     * Saves {@code files} (the whole folder, edited) as the next version, a draft authored by the caller. Tables
     * are checked cell by cell first; then the loader, the safety validator and the compiler check the whole pack,
     * and a refusal lists every problem with its file and line. Nothing is saved unless all of it is accepted.
     */
    public int save(Map<String, String> edited) {
        TenantId tenant = tenant(EDITORS, "Saving a change");
        List<Problem> cells = edited.entrySet().stream().filter(e -> PackTable.isTable(e.getKey()))
                .flatMap(e -> PackTable.parse(e.getKey(), e.getValue()).problems().stream())
                .map(p -> new Problem(null, 0, 0, p)).toList();
        if (!cells.isEmpty()) {
            throw new Refused("Nothing was saved: " + cells.size() + " cell(s) need a change", cells);
        }
        try {
            return authoring.draftFromFiles(tenant, edited, caller());
        } catch (InvalidRulePackException e) {
            throw refusal("Nothing was saved", e);
        }
    }

    /** What the validator and the compiler say about edited files, without saving them. */
    public List<Problem> check(Map<String, String> edited) {
        tenant(READERS, "Checking a change");
        byte[] zip;
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
                for (Map.Entry<String, String> f : edited.entrySet()) {
                    out.putNextEntry(new java.util.zip.ZipEntry(f.getKey()));
                    out.write(f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            zip = bytes.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            return authoring.validateZip(zip).stream().map(Problem::of).toList();
        } catch (InvalidRulePackException e) {
            return refusal("", e).problems().isEmpty() ? List.of(new Problem(null, 0, 0, e.getMessage()))
                    : refusal("", e).problems();
        }
    }

    private static Refused refusal(String prefix, InvalidRulePackException e) {
        List<Problem> problems = e.problems().stream().map(Problem::of).toList();
        String message = problems.isEmpty() ? e.getMessage() : "the pack has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s");
        return new Refused(prefix.isEmpty() ? message : prefix + ": " + message, problems);
    }

    /**
     * Approves draft {@code version}. Refused with the reason when the caller saved it last (four eyes: the
     * aggregate's rule, checked here first to say it in words), when the caller is not an approver, or when the
     * seller's scenarios do not all pass against it.
     */
    public void approve(int version) {
        TenantId tenant = currentTenant.require();
        RulePackVersionView view = version(version).orElseThrow(() -> new Refused("version " + version
                + " does not exist"));
        String me = caller();
        if (me.equals(view.author())) {
            throw new Refused("You cannot approve version " + version + ": you saved it last, and a change needs a "
                    + "second person (four eyes). Ask someone with the Approver role to approve it.");
        }
        tenant(APPROVERS, "Approving a version");
        if (!"DRAFT".equals(view.status())) {
            throw new Refused("version " + version + " is " + view.status().toLowerCase() + "; only a draft can "
                    + "be approved");
        }
        PackScenarios.Suite suite = runTests(version);
        if (!suite.passed()) {
            throw new Refused("You cannot approve version " + version + ": " + suite.failed() + " of the seller's "
                    + "scenarios fail against it (" + suite.summary() + "). Fix the pack or the scenario first.");
        }
        try {
            authoring.approve(tenant, version, me);
        } catch (InvalidRulePackException e) {
            throw refusal("Not approved", e);
        }
    }

    public void publish(int version, LocalDate effectiveFrom) {
        TenantId tenant = tenant(APPROVERS, "Publishing a version");
        if (effectiveFrom == null) {
            throw new Refused("choose the first day the version prices");
        }
        try {
            authoring.publish(tenant, version, effectiveFrom, caller());
        } catch (InvalidRulePackException e) {
            throw refusal("Not published", e);
        }
    }

    /** A new draft with the content of {@code version}; approved and published like any other. */
    public int rollBack(int version) {
        TenantId tenant = tenant(EDITORS, "Rolling back");
        try {
            return authoring.rollBack(tenant, version, caller());
        } catch (InvalidRulePackException e) {
            throw refusal("Not rolled back", e);
        }
    }

    /** A draft copy of {@code version} to edit (published versions never change). */
    public int draftFrom(int version) {
        TenantId tenant = tenant(EDITORS, "Starting a draft");
        try {
            return authoring.draftFromVersion(tenant, version, caller());
        } catch (InvalidRulePackException e) {
            throw refusal("No draft made", e);
        }
    }

    // ---- the seller's scenarios

    public Map<String, String> tests() {
        return tests.all(tenant(READERS, "Seeing the scenarios"));
    }

    public void saveTests(String name, String text) {
        TenantId tenant = tenant(EDITORS, "Saving scenarios");
        if (name == null || !name.matches("[A-Za-z0-9_-]+\\.feature")) {
            throw new Refused("a scenario file is named like pricing.feature (letters, digits, - and _)");
        }
        tests.save(tenant, name, text == null ? "" : text, caller());
    }

    /** Runs the seller's scenarios against {@code version} in a sandbox: nothing is recorded. */
    public PackScenarios.Suite runTests(int version) {
        TenantId tenant = tenant(READERS, "Running the scenarios");
        return runTests(tenant, version, tests.all(tenant));
    }

    /** Runs given scenario files (as edited, not yet saved) against {@code version}. */
    public PackScenarios.Suite runTests(int version, Map<String, String> files) {
        return runTests(tenant(READERS, "Running the scenarios"), version, files);
    }

    private PackScenarios.Suite runTests(TenantId tenant, int version, Map<String, String> files) {
        RulePack pack = versions.version(tenant, version).orElseThrow(() -> new Refused("version " + version
                + " does not exist"));
        Tenant t = tenants.find(tenant).orElseThrow();
        return scenarios.run(files, pack, new Seller(t.taxCountry(), t.taxId()));
    }

    /**
     * Submits draft {@code version} for approval: runs the seller's scenarios against it and against the version
     * in effect, and keeps the outcome as the version's test (an event naming the caller, shown in the version
     * list). A failing scenario is kept too, and refuses the submission with the reason.
     */
    public PackScenarios.Suite submit(int version) {
        TenantId tenant = tenant(EDITORS, "Submitting a version");
        RulePackVersionView view = version(version).orElseThrow(() -> new Refused("version " + version
                + " does not exist"));
        if (!"DRAFT".equals(view.status())) {
            throw new Refused("version " + version + " is " + view.status().toLowerCase() + "; only a draft is "
                    + "submitted for approval");
        }
        Map<String, String> files = tests.all(tenant);
        PackScenarios.Suite suite = runTests(tenant, version, files);
        String inEffect;
        try {
            RulePack current = versions.inEffect(tenant, authoring.today(tenant));
            inEffect = runTests(tenant, current.version(), files).summary() + " with version " + current.version();
        } catch (RuntimeException e) {
            inEffect = null;
        }
        String sample = "the seller's " + suite.scenarios().size() + " scenario" + (suite.scenarios().size() == 1
                ? "" : "s");
        String failure = suite.passed() ? null : suite.summary() + "; " + suite.scenarios().stream()
                .filter(s -> !s.passed()).findFirst().map(s -> s.name() + ": " + s.verdict())
                .orElse(String.join("; ", suite.problems()));
        commands.sendAndWait(new RecordRulePackTestCommand(new RulePackId(tenant), version, caller(), sample,
                suite.summary(), inEffect, failure));
        if (!suite.passed()) {
            throw new Refused("Version " + version + " is not submitted: " + failure);
        }
        return suite;
    }

    /** How many accounts have a subscription active on {@code day}: those a version published from then prices. */
    public int accountsPricedOn(LocalDate day) {
        TenantId tenant = tenant(READERS, "Seeing a rule pack");
        return (int) subscriptions.activeOn(tenant, day).stream().map(s -> s.accountId()).distinct().count();
    }

    TenantId tenantFor(String action, String... roles) {
        return tenant(Set.copyOf(Arrays.asList(roles)), action);
    }

    RulePack pack(TenantId tenant, int version) {
        return versions.version(tenant, version).orElseThrow(() -> new Refused("version " + version
                + " does not exist"));
    }
}
