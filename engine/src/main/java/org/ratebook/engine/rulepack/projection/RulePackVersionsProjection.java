package org.ratebook.engine.rulepack.projection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.pricing.TenantPacks;
import org.ratebook.engine.rulepack.api.RulePackApprovedEvent;
import org.ratebook.engine.rulepack.api.RulePackDraftSavedEvent;
import org.ratebook.engine.rulepack.api.RulePackPublishedEvent;
import org.ratebook.engine.rulepack.api.RulePackTestedEvent;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.TaxRounding;
import org.ratebook.rules.pack.TaxSettings;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.DayCount;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule-pack versions of every tenant, with their content in plain tables (catalog rows, DRL texts), and
 * the answer to "which pack prices this tenant's periods on this date". Written with the event, so a version
 * is usable the moment its command returns. Versions never change once saved, so loaded packs are cached.
 */
@Component
@ProcessingGroup(AxonConfiguration.RULE_PACKS)
public class RulePackVersionsProjection implements TenantPacks {

    private record Key(TenantId tenant, int version) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final Map<Key, RulePack> loaded = new ConcurrentHashMap<>();

    public RulePackVersionsProjection(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(RulePackDraftSavedEvent e) {
        tenantScope.bind(e.tenantId());
        String tenant = e.tenantId().value();
        jdbc.update("""
                INSERT INTO rule_pack_versions (tenant_id, version, name, content_hash, status, author, saved_at,
                                                day_count, rounding, prices_include_tax, tax_rounding,
                                                billing_alignment)
                VALUES (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?)""",
                tenant, e.version(), e.content().name(), e.contentHash(), e.author(), Timestamp.from(e.savedAt()),
                e.content().dayCount().name(), e.content().rounding().name(),
                e.content().taxSettings().pricesIncludeTax(), e.content().taxSettings().taxRounding().name(),
                e.content().alignment().name());
        e.content().tables().forEach((table, text) -> jdbc.update("""
                INSERT INTO rule_pack_tables (tenant_id, version, name, text) VALUES (?, ?, ?, ?)""",
                tenant, e.version(), table, text));
        for (CatalogPlan p : e.content().plans()) {
            jdbc.update("""
                    INSERT INTO rule_pack_plans (tenant_id, version, plan, product, currency, price, billing_period,
                                                 billing_mode, phase, duration, price_list, product_type,
                                                 period_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    tenant, e.version(), p.code(), p.product(), p.currency(), p.price(), p.period().name(),
                    p.mode().name(), p.phase(), p.duration(), p.priceList(), p.productType().name(), p.every());
        }
        int row = 0;
        for (UsageCharge c : e.content().usageCharges()) {
            jdbc.update("""
                    INSERT INTO rule_pack_usage_charges (tenant_id, version, position, charge, name, plan, meter, currency,
                                                         model, unit_price, package_size, free_units, free_events,
                                                         percentage, transaction_fee, transaction_min, transaction_max,
                                                         commitment, markup)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    tenant, e.version(), row++, c.charge(), c.name(), c.plan(), c.meter(), c.currency(), c.model().name(),
                    c.unitPrice(), c.packageSize(), c.freeUnits(), c.freeEvents(), c.percentage(), c.transactionFee(),
                    c.transactionMin(), c.transactionMax(), c.commitment(), c.markup());
        }
        row = 0;
        for (UsageTier t : e.content().usageTiers()) {
            jdbc.update("""
                    INSERT INTO rule_pack_usage_tiers (tenant_id, version, position, charge, tier_from, tier_to, unit_price,
                                                       flat_fee, package_size, percentage)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    tenant, e.version(), row++, t.charge(), t.from(), t.to(), t.unitPrice(), t.flatFee(),
                    t.packageSize(), t.percentage());
        }
        int order = 0;
        for (DrlSource s : e.content().sources()) {
            jdbc.update("""
                    INSERT INTO rule_pack_sources (tenant_id, version, position, category, name, text)
                    VALUES (?, ?, ?, ?, ?, ?)""", tenant, e.version(), order++, s.category().name(), s.name(), s.text());
        }
    }

    @EventHandler
    void on(RulePackApprovedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("UPDATE rule_pack_versions SET status = 'APPROVED', approved_by = ? WHERE tenant_id = ? AND version = ?",
                e.approver(), e.tenantId().value(), e.version());
    }

    @EventHandler
    void on(RulePackTestedEvent e) {
        tenantScope.bind(e.tenantId());
        String summary = e.problem() != null ? "failed on " + e.sample() + ": " + e.problem()
                : e.sample() + ": " + e.versionTotal() + " with this version, "
                + (e.inEffectTotal() == null ? "nothing in effect to compare" : e.inEffectTotal() + " in effect");
        jdbc.update("""
                UPDATE rule_pack_versions SET tested_by = ?, tested_at = ?, test_summary = ?
                WHERE tenant_id = ? AND version = ?""",
                e.tester(), java.sql.Timestamp.from(e.testedAt()), summary, e.tenantId().value(), e.version());
    }

    @EventHandler
    void on(RulePackPublishedEvent e) {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                UPDATE rule_pack_versions SET status = 'PUBLISHED', effective_from = ?, published_by = ?, published_at = ?
                WHERE tenant_id = ? AND version = ?""",
                Date.valueOf(e.effectiveFrom()), e.publisher(), Timestamp.from(e.publishedAt()), e.tenantId().value(),
                e.version());
    }

    @Override
    public RulePack inEffect(TenantId tenant, LocalDate date) {
        Integer version = tenantScope.call(tenant, () -> jdbc.query("""
                SELECT version FROM rule_pack_versions
                WHERE tenant_id = ? AND status = 'PUBLISHED' AND effective_from <= ?
                ORDER BY effective_from DESC, version DESC LIMIT 1""",
                (rs, n) -> rs.getInt(1), tenant.value(), Date.valueOf(date)).stream().findFirst().orElse(null));
        if (version == null) {
            throw new BillingRejection("tenant " + tenant + " has no rule pack in effect on " + date);
        }
        return version(tenant, version).orElseThrow();
    }

    /** One version's content, whatever its state. */
    public Optional<RulePack> version(TenantId tenant, int version) {
        RulePack cached = loaded.get(new Key(tenant, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RulePack> pack = tenantScope.call(tenant, () -> load(tenant, version));
        pack.ifPresent(p -> loaded.put(new Key(tenant, version), p));
        return pack;
    }

    public List<RulePackVersionView> versions(TenantId tenant) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT version, name, content_hash, status, author, approved_by, effective_from, saved_at,
                       tested_by, tested_at, test_summary
                FROM rule_pack_versions WHERE tenant_id = ? ORDER BY version DESC""",
                (rs, n) -> new RulePackVersionView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        rs.getString(11)),
                tenant.value()));
    }

    private Optional<RulePack> load(TenantId tenant, int version) {
        List<Map<String, Object>> heads = jdbc.queryForList(
                """
                SELECT name, content_hash, day_count, rounding, prices_include_tax, tax_rounding, billing_alignment
                FROM rule_pack_versions WHERE tenant_id = ? AND version = ?""",
                tenant.value(), version);
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        List<CatalogPlan> plans = jdbc.query("""
                SELECT plan, product, currency, price, billing_period, billing_mode, phase, duration, price_list,
                       product_type, period_count
                FROM rule_pack_plans
                WHERE tenant_id = ? AND version = ? ORDER BY plan, currency, phase, price_list""",
                (rs, n) -> new CatalogPlan(rs.getString(1), rs.getString(2), rs.getString(3).trim(), rs.getBigDecimal(4),
                        BillingPeriod.valueOf(rs.getString(5)), BillingMode.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9), ProductType.valueOf(rs.getString(10)), rs.getInt(11)),
                tenant.value(), version);
        List<DrlSource> sources = jdbc.query("""
                SELECT category, name, text FROM rule_pack_sources WHERE tenant_id = ? AND version = ? ORDER BY position""",
                (rs, n) -> new DrlSource(RuleCategory.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)),
                tenant.value(), version);
        Map<String, String> tables = new TreeMap<>();
        jdbc.query("SELECT name, text FROM rule_pack_tables WHERE tenant_id = ? AND version = ?",
                (RowCallbackHandler) rs -> tables.put(rs.getString(1), rs.getString(2)), tenant.value(), version);
        List<UsageCharge> charges = jdbc.query("""
                SELECT charge, name, plan, meter, currency, model, unit_price, package_size, free_units, free_events,
                       percentage, transaction_fee, transaction_min, transaction_max, commitment, markup
                FROM rule_pack_usage_charges WHERE tenant_id = ? AND version = ? ORDER BY position""",
                (rs, n) -> new UsageCharge(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5).trim(), ChargeModel.valueOf(rs.getString(6)), rs.getBigDecimal(7),
                        rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getLong(10), rs.getBigDecimal(11),
                        rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14), rs.getBigDecimal(15),
                        rs.getBigDecimal(16)),
                tenant.value(), version);
        List<UsageTier> tiers = jdbc.query("""
                SELECT charge, tier_from, tier_to, unit_price, flat_fee, package_size, percentage
                FROM rule_pack_usage_tiers WHERE tenant_id = ? AND version = ? ORDER BY position""",
                (rs, n) -> new UsageTier(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7)),
                tenant.value(), version);
        Map<String, Object> head = heads.getFirst();
        RulePack pack = new RulePack((String) head.get("name"), version, plans, sources,
                DayCount.valueOf((String) head.get("day_count")), RoundingMode.valueOf((String) head.get("rounding")),
                PackTables.of(tables), new TaxSettings((Boolean) head.get("prices_include_tax"),
                TaxRounding.valueOf((String) head.get("tax_rounding"))), charges, tiers,
                BillingAlignment.valueOf((String) head.get("billing_alignment")));
        if (!pack.contentHash().equals(heads.getFirst().get("content_hash"))) {
            throw new IllegalStateException("rule pack v" + version + " of " + tenant
                    + " no longer has the content it was saved with");
        }
        return Optional.of(pack);
    }
}
