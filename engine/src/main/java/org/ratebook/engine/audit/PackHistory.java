package org.ratebook.engine.audit;

import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackDraftSavedEvent;
import org.ratebook.engine.rulepack.api.RulePackPublishedEvent;
import org.ratebook.rules.pack.RulePack;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tenant's rule pack versions as its events hold them: every version's full content (from the draft saved)
 * and the publications (effective from), up to some point of the history. Not the rule-pack read model.
 */
public final class PackHistory {

    private final Map<Integer, RulePackContent> contents = new TreeMap<>();
    private final Map<Integer, String> hashes = new TreeMap<>();
    private final List<RulePackPublishedEvent> publications = new ArrayList<>();
    private final Map<Integer, RulePack> compiled = new TreeMap<>();

    /** The versions and publications stored before position {@code beforeGlobalIndex} (Long.MAX_VALUE: all). */
    public static PackHistory of(List<AuditEvent> packEvents, long beforeGlobalIndex) {
        PackHistory history = new PackHistory();
        for (AuditEvent e : packEvents) {
            if (e.globalIndex() >= beforeGlobalIndex) {
                continue;
            }
            switch (e.payload()) {
                case RulePackDraftSavedEvent saved -> {
                    history.contents.put(saved.version(), saved.content());
                    history.hashes.put(saved.version(), saved.contentHash());
                }
                case RulePackPublishedEvent published -> history.publications.add(published);
                case null, default -> { }
            }
        }
        return history;
    }

    /** One version's content as a pack, whatever its state; empty if no event holds it (or it does not load). */
    public Optional<RulePack> version(int version) {
        RulePackContent content = contents.get(version);
        if (content == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(compiled.computeIfAbsent(version, v -> canonical(content).asVersion(v)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The content with its plan rows in the order the versions read model keeps them (plan, currency, phase, price
     * list), which is the order the content hash recorded on every decision was computed over.
     */
    static RulePackContent canonical(RulePackContent c) {
        List<org.ratebook.rules.fact.CatalogPlan> plans = c.plans().stream().sorted(Comparator
                .comparing(org.ratebook.rules.fact.CatalogPlan::code)
                .thenComparing(org.ratebook.rules.fact.CatalogPlan::currency)
                .thenComparing(org.ratebook.rules.fact.CatalogPlan::phase, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(org.ratebook.rules.fact.CatalogPlan::priceList,
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        return new RulePackContent(c.name(), plans, c.sources(), c.dayCount(), c.rounding(), c.tables(),
                c.taxSettings(), c.usageCharges(), c.usageTiers(), c.alignment());
    }

    /** The content hash the version's draft event recorded. */
    public Optional<String> recordedHash(int version) {
        return Optional.ofNullable(hashes.get(version));
    }

    public Optional<RulePackContent> content(int version) {
        return Optional.ofNullable(contents.get(version));
    }

    /** The published version in effect on {@code date}: the latest effective date, then the highest version. */
    public Optional<RulePack> inEffect(LocalDate date) {
        return publications.stream().filter(p -> !p.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(RulePackPublishedEvent::effectiveFrom)
                        .thenComparingInt(RulePackPublishedEvent::version))
                .flatMap(p -> version(p.version()));
    }

    public List<Integer> versions() {
        return List.copyOf(contents.keySet());
    }
}
