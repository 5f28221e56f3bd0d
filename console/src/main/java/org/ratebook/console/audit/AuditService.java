package org.ratebook.console.audit;

import org.ratebook.console.security.CurrentTenant;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.audit.AccountAudit;
import org.ratebook.engine.audit.AccountStateAsOf;
import org.ratebook.engine.audit.AuditBundle;
import org.ratebook.engine.audit.AuditEvent;
import org.ratebook.engine.audit.DocumentRederivation;
import org.ratebook.engine.audit.EventHistory;
import org.ratebook.engine.audit.Rederivation;
import org.ratebook.engine.audit.SelfCheck;
import org.ratebook.engine.audit.TimelinePage;
import org.ratebook.tenants.Role;
import org.ratebook.tenants.TenantClocks;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the console and the API may ask of the audit, for the signed-in tenant only. Every method checks the
 * caller's role itself (auditors, tenant admins and analysts, and API keys), so a view or controller (api.AuditController) that forgot
 * its annotation still cannot leak; nothing here changes anything.
 */
@Service
public class AuditService {

    static final Set<String> READERS = Set.of("ROLE_" + Role.Names.AUDITOR, "ROLE_" + Role.Names.TENANT_ADMIN,
            "ROLE_" + Role.Names.ANALYST, "ROLE_" + Role.Names.APPROVER, "SCOPE_read");

    private final CurrentTenant tenant;
    private final AccountAudit audit;
    private final DocumentRederivation rederivation;
    private final EventHistory history;
    private final TenantClocks clocks;
    private final SelfCheck selfCheck;
    private final AuditBundle bundles;

    public AuditService(CurrentTenant tenant, AccountAudit audit, DocumentRederivation rederivation,
                        EventHistory history, TenantClocks clocks, SelfCheck selfCheck, AuditBundle bundles) {
        this.bundles = bundles;
        this.clocks = clocks;
        this.selfCheck = selfCheck;
        this.tenant = tenant;
        this.audit = audit;
        this.rederivation = rederivation;
        this.history = history;
    }

    public TimelinePage timeline(UUID account, Collection<String> types, LocalDate from, LocalDate to, Long after,
                                 int limit) {
        requireReader();
        return audit.timeline(tenant.require(), new AccountId(account), types, from, to, after, limit);
    }

    public AuditEvent event(UUID account, long globalIndex) {
        requireReader();
        return audit.event(tenant.require(), new AccountId(account), globalIndex);
    }

    public AccountStateAsOf stateAsOf(UUID account, LocalDate asOf) {
        requireReader();
        return audit.stateAsOf(tenant.require(), new AccountId(account), asOf);
    }

    public List<Rederivation> rederive(UUID invoiceId) {
        requireReader();
        return rederivation.invoice(tenant.require(), invoiceId);
    }

    public List<Map.Entry<String, String>> accounts() {
        requireReader();
        return history.accounts(tenant.require());
    }

    /**
     * Starts re-deriving every invoice of the tenant in the background (or returns the run in progress). It
     * changes no billing data; mismatches are recorded for auditors.
     */
    public SelfCheck.Progress startSelfCheck() {
        requireReader();
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return selfCheck.startAll(tenant.require(), auth.getName());
    }

    public Optional<SelfCheck.Progress> selfCheckProgress() {
        requireReader();
        return selfCheck.progress(tenant.require());
    }

    public List<SelfCheck.Mismatch> mismatches(int limit) {
        requireReader();
        return selfCheck.mismatches(tenant.require(), limit);
    }

    /** The audit bundle of the account's invoices dated within [from, to] (either null: open). */
    public byte[] bundle(UUID account, LocalDate from, LocalDate to) {
        requireReader();
        return bundles.export(tenant.require(), new AccountId(account), from, to);
    }

    /** Today by the tenant's clock (a sandbox's test clock too). */
    public LocalDate today() {
        return LocalDate.now(clocks.of(tenant.require()));
    }

    static void requireReader() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .noneMatch(READERS::contains)) {
            throw new AccessDeniedException("the audit is for auditors, tenant admins and analysts");
        }
    }
}
