package org.ratebook.engine.pricing;

import org.ratebook.engine.BillingRejection;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.tenants.TenantId;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The packs in effect as one run sees them: each (tenant, date) is asked once, and the answer, a rejection included,
 * is kept for the rest of the run. A billing run asked the same question for every subscription and invoice (20,610
 * times in one run, issue 14). Not thread-safe: one per run, dropped with it; a pack published during a run applies
 * from the next run.
 */
public final class RunPacks implements TenantPacks {

    private record Key(TenantId tenant, LocalDate date) {
    }

    private final TenantPacks packs;
    private final Map<Key, Object> inEffect = new HashMap<>();

    public RunPacks(TenantPacks packs) {
        this.packs = packs;
    }

    @Override
    public RulePack inEffect(TenantId tenant, LocalDate date) {
        Object answer = inEffect.computeIfAbsent(new Key(tenant, date), k -> {
            try {
                return packs.inEffect(tenant, date);
            } catch (BillingRejection none) {
                return none;
            }
        });
        if (answer instanceof BillingRejection none) {
            throw new BillingRejection(none.getMessage());
        }
        return (RulePack) answer;
    }

    @Override
    public Optional<RulePack> version(TenantId tenant, int version) {
        return packs.version(tenant, version); // cached by the source already: versions never change
    }
}
