package org.ratebook.engine.pricing;

import org.ratebook.engine.BillingRejection;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.RulePackAssignments;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Tenant packs as assigned in the tenants module. */
@Component
public class AssignedTenantPacks implements TenantPacks {

    private final RulePackAssignments assignments;

    public AssignedTenantPacks(RulePackAssignments assignments) {
        this.assignments = assignments;
    }

    @Override
    public RulePack inEffect(TenantId tenant, LocalDate date) {
        return assignments.inEffect(tenant, date).orElseThrow(() -> new BillingRejection(
                "tenant " + tenant + " has no rule pack in effect on " + date));
    }
}
