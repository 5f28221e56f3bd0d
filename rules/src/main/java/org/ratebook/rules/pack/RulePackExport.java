package org.ratebook.rules.pack;

import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;

import org.ratebook.rules.time.BillingAlignment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A pack as the folder {@link RulePackLoader} reads: {@code pack.properties}, the catalog and usage tables, the
 * other tables and the DRL files, so a version can be kept in git, edited and imported again. Loading the
 * files back gives the same content hash (the round trip is tested).
 */
public final class RulePackExport {

    private RulePackExport() {
    }

    /** The pack's files by path inside the folder. */
    public static Map<String, String> files(RulePack pack) {
        Map<String, String> files = new TreeMap<>();
        StringBuilder props = new StringBuilder("# exported rule pack ").append(pack.name()).append(" v")
                .append(pack.version()).append(", content hash ").append(pack.contentHash()).append('\n');
        props.append("name=").append(pack.name()).append('\n');
        props.append("catalog.plans=catalog/plans.csv\n");
        // files whose name says their category under rules= (as packs were always exported, so a file can be
        // added to that list), the others in the manifest under their category (rules.change=…)
        props.append("rules=").append(pack.sources().stream().filter(RulePackExport::namedByItsCategory)
                .map(DrlSource::name).collect(Collectors.joining(","))).append('\n');
        for (RuleCategory category : RuleCategory.values()) {
            List<DrlSource> listed = pack.sources(category).stream().filter(s -> !namedByItsCategory(s)).toList();
            if (!listed.isEmpty()) {
                props.append("rules.").append(category.word()).append('=')
                        .append(listed.stream().map(DrlSource::name).collect(Collectors.joining(","))).append('\n');
            }
        }
        props.append("day_count=").append(pack.dayCount()).append('\n');
        props.append("rounding=").append(pack.rounding()).append('\n');
        if (pack.alignment() != BillingAlignment.DEFAULT) {
            props.append("billing_alignment=").append(pack.alignment()).append('\n');
        }
        if (!pack.taxSettings().atDefaults()) {
            props.append("prices_include_tax=").append(pack.taxSettings().pricesIncludeTax()).append('\n');
            props.append("tax_rounding=").append(pack.taxSettings().taxRounding()).append('\n');
        }
        pack.tables().texts().forEach((table, text) -> {
            String file = PackTables.DEFAULT_FILES.get(table);
            props.append(table).append('=').append(file).append('\n');
            files.put(file, text);
        });
        if (!pack.usageCharges().isEmpty()) {
            props.append("catalog.usage_charges=catalog/usage_charges.csv\n");
            files.put("catalog/usage_charges.csv", usageCharges(pack.usageCharges()));
        }
        if (!pack.usageTiers().isEmpty()) {
            props.append("catalog.usage_tiers=catalog/usage_tiers.csv\n");
            files.put("catalog/usage_tiers.csv", usageTiers(pack.usageTiers()));
        }
        files.put("pack.properties", props.toString());
        files.put("catalog/plans.csv", plans(pack.plans()));
        pack.sources().forEach(s -> files.put(s.name(), s.text()));
        return files;
    }

    private static boolean namedByItsCategory(DrlSource source) {
        try {
            return RuleCategory.ofFileName(source.name()) == source.category();
        } catch (RulePackFormatException e) {
            return false;
        }
    }

    /** The folder as a zip archive. */
    public static byte[] zip(RulePack pack) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : files(pack).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Every row in full; the loader reads columns by their header, so a blank duration means "lasts". The price
     * list and product type columns are written only when a row uses them, so older packs export as before.
     */
    private static String plans(List<CatalogPlan> plans) {
        boolean lists = plans.stream().anyMatch(p -> !p.inDefaultList());
        boolean types = plans.stream().anyMatch(p -> p.productType() != ProductType.BASE);
        List<String> rows = new ArrayList<>();
        rows.add("plan,product,currency,price,billing_period,billing_mode,phase,duration"
                + (lists ? ",price_list" : "") + (types ? ",product_type" : ""));
        for (CatalogPlan p : plans) {
            String row = String.join(",", p.code(), p.product(), p.currency(), p.price().toPlainString(),
                    p.cadence().label(), p.mode().name());
            rows.add(row + "," + p.phase() + "," + (p.duration() == null ? "" : p.duration())
                    + (lists ? "," + (p.inDefaultList() ? "" : p.priceList()) : "")
                    + (types ? "," + p.productType().name() : ""));
        }
        return String.join("\n", rows) + "\n";
    }

    private static String usageCharges(List<UsageCharge> charges) {
        List<String> rows = new ArrayList<>();
        rows.add("charge,name,plan,meter,currency,model,unit_price,package_size,free_units,free_events,percentage,"
                + "transaction_fee,transaction_min,transaction_max,commitment,markup");
        for (UsageCharge c : charges) {
            rows.add(Stream.of(c.charge(), c.name(), c.plan(), c.meter(), c.currency(), c.model().name(),
                    d(c.unitPrice()), d(c.packageSize()), d(c.freeUnits()), Long.toString(c.freeEvents()),
                    d(c.percentage()), d(c.transactionFee()), d(c.transactionMin()), d(c.transactionMax()),
                    d(c.commitment()), d(c.markup())).map(v -> v == null ? "" : v).collect(Collectors.joining(",")));
        }
        return String.join("\n", rows) + "\n";
    }

    private static String usageTiers(List<UsageTier> tiers) {
        List<String> rows = new ArrayList<>();
        rows.add("charge,from,to,unit_price,flat_fee,package_size,percentage");
        for (UsageTier t : tiers) {
            rows.add(Stream.of(t.charge(), d(t.from()), d(t.to()), d(t.unitPrice()), d(t.flatFee()),
                    d(t.packageSize()), d(t.percentage())).map(v -> v == null ? "" : v)
                    .collect(Collectors.joining(",")));
        }
        return String.join("\n", rows) + "\n";
    }

    private static String d(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
