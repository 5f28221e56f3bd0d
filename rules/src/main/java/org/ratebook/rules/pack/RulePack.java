package org.ratebook.rules.pack;

import org.ratebook.rules.fact.CatalogPlan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A rule pack's content: the catalog table and the DRL sources. Name and version are how a tenant refers to
 * it; the content hash covers only what changes decisions (catalog and rules), so renaming or republishing
 * identical content reuses the compiled form.
 */
public record RulePack(String name, int version, List<CatalogPlan> plans, List<DrlSource> sources) {

    public RulePack {
        plans = List.copyOf(plans);
        sources = List.copyOf(sources);
    }

    public Optional<CatalogPlan> plan(String code, String currency) {
        return plans.stream().filter(p -> p.code().equals(code) && p.currency().equals(currency)).findFirst();
    }

    public boolean hasPlan(String code) {
        return plans.stream().anyMatch(p -> p.code().equals(code));
    }

    public RulePack withVersion(int newVersion) {
        return new RulePack(name, newVersion, plans, sources);
    }

    public List<DrlSource> sources(RuleCategory category) {
        return sources.stream().filter(s -> s.category() == category).toList();
    }

    /** SHA-256 over a canonical rendering of the catalog rows and the DRL sources, in a fixed order. */
    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            plans.stream()
                    .map(p -> String.join("|", p.code(), p.product(), p.currency(), p.price().toPlainString(),
                            p.period().name(), p.mode().name()))
                    .sorted()
                    .forEach(row -> update(digest, "plan:" + row));
            sources.stream()
                    .sorted(Comparator.comparing(DrlSource::category).thenComparing(DrlSource::name))
                    .forEach(s -> update(digest, "drl:" + s.category() + ":" + s.name() + ":" + s.text()));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
