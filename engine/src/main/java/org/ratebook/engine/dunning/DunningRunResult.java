package org.ratebook.engine.dunning;

import org.ratebook.rules.fact.DunningState;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.List;

/**
 * What re-evaluating a tenant's accounts did over the days {@code from}–{@code to}: how many decisions the
 * rules made, the standings that changed, and what could not be decided (each with a reason).
 */
public record DunningRunResult(TenantId tenantId, LocalDate from, LocalDate to, int decisions,
                               List<Change> changes, List<String> problems) {

    /** One account's standing changed on {@code on}. */
    public record Change(String accountId, LocalDate on, DunningState from, DunningState to) {
    }

    public DunningRunResult {
        changes = List.copyOf(changes);
        problems = List.copyOf(problems);
    }
}
