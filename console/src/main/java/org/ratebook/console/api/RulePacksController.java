package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.TaxSettings;
import org.ratebook.tenants.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/rule-packs")
@Tag(name = "Rule packs", description = "The versions of the tenant's rule pack and what each contains")
public class RulePacksController {

    /**
     * A version's content as stored: the catalog rows (prices as decimal strings), the DRL sources, the other
     * tables by name (CSV as written: tax.rates, discount.coupons, …), the tax settings, and the usage charge and
     * tier tables (empty for a pack without usage charges), and the billing alignment (ACCOUNT, SUBSCRIPTION or
     * CALENDAR: which day billing periods start on).
     */
    public record RulePackContentResponse(int version, String name, String contentHash, List<PlanRow> plans,
                                          List<Source> sources, Map<String, String> tables,
                                          TaxSettings taxSettings, List<UsageChargeRow> usageCharges,
                                          List<UsageTierRow> usageTiers, String billingAlignment) {
    }

    /** A row of the usage charge table; blank cells are null, decimals as written. */
    public record UsageChargeRow(String charge, String name, String plan, String meter, String currency, String model,
                                 String unitPrice, String packageSize, String freeUnits, long freeEvents,
                                 String percentage, String transactionFee, String transactionMin,
                                 String transactionMax, String commitment, String markup) {
        static UsageChargeRow of(UsageCharge c) {
            return new UsageChargeRow(c.charge(), c.name(), c.plan(), c.meter(), c.currency(), c.model().name(),
                    text(c.unitPrice()), text(c.packageSize()), text(c.freeUnits()), c.freeEvents(),
                    text(c.percentage()), text(c.transactionFee()), text(c.transactionMin()), text(c.transactionMax()),
                    text(c.commitment()), text(c.markup()));
        }
    }

    /** A row of the usage tier table; {@code to} null means no end. */
    public record UsageTierRow(String charge, String from, String to, String unitPrice, String flatFee,
                               String packageSize, String percentage) {
        static UsageTierRow of(UsageTier t) {
            return new UsageTierRow(t.charge(), text(t.from()), text(t.to()), text(t.unitPrice()), text(t.flatFee()),
                    text(t.packageSize()), text(t.percentage()));
        }
    }

    private static String text(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /**
     * A price table row; the billing period as the table writes it: MONTHLY, or a count and unit ("6 MONTHS");
     * {@code priceList} DEFAULT for the list that defines the plan, {@code productType} BASE unless said.
     */
    public record PlanRow(String plan, String product, String currency, String price, String billingPeriod,
                          String billingMode, String priceList, String productType) {
    }

    public record Source(String category, String name, String text) {
    }

    private final RulePackVersionsProjection versions;

    public RulePacksController(RulePackVersionsProjection versions) {
        this.versions = versions;
    }

    @GetMapping
    @Operation(summary = "All versions, newest first, with state, author, approver and effective date")
    public List<RulePackVersionView> list() {
        return versions.versions(CurrentCaller.tenant());
    }

    @GetMapping("/{version}")
    @Operation(summary = "One version's content: catalog table and DRL")
    public RulePackContentResponse get(@PathVariable int version) {
        TenantId tenant = CurrentCaller.tenant();
        RulePack pack = versions.version(tenant, version)
                .orElseThrow(() -> new NotFoundException("rule pack version " + version + " does not exist"));
        return new RulePackContentResponse(version, pack.name(), pack.contentHash(),
                pack.plans().stream().map(p -> new PlanRow(p.code(), p.product(), p.currency(),
                        p.price().toPlainString(), p.cadence().label(), p.mode().name(), p.priceList(),
                        p.productType().name())).toList(),
                pack.sources().stream().map(s -> new Source(s.category().name(), s.name(), s.text())).toList(),
                pack.tables().texts(), pack.taxSettings(),
                pack.usageCharges().stream().map(UsageChargeRow::of).toList(),
                pack.usageTiers().stream().map(UsageTierRow::of).toList(), pack.alignment().name());
    }

    @GetMapping(value = "/{version}/export", produces = "application/zip")
    @Operation(summary = "One version as a zip of the folder the importer reads (pack.properties, tables, DRL)",
            description = "Keep packs in git: unpacked, the folder imports back to the same content hash.")
    public org.springframework.http.ResponseEntity<byte[]> export(@PathVariable int version) {
        TenantId tenant = CurrentCaller.tenant();
        RulePack pack = versions.version(tenant, version)
                .orElseThrow(() -> new NotFoundException("rule pack version " + version + " does not exist"));
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + pack.name().replaceAll("[^A-Za-z0-9._-]", "_")
                        + "-v" + version + ".zip\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip"))
                .body(org.ratebook.rules.pack.RulePackExport.zip(pack));
    }
}
