package org.ratebook.rules.pack;

import org.kie.api.KieBase;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** A pack compiled to one KieBase per rule category; shared by every tenant whose pack has the same hash. */
public final class CompiledPack {
    private final String contentHash;
    private final Map<RuleCategory, KieBase> kieBases;

    CompiledPack(String contentHash, Map<RuleCategory, KieBase> kieBases) {
        this.contentHash = contentHash;
        this.kieBases = new EnumMap<>(kieBases);
    }

    public String contentHash() {
        return contentHash;
    }

    public Optional<KieBase> kieBase(RuleCategory category) {
        return Optional.ofNullable(kieBases.get(category));
    }
}
