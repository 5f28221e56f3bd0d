package org.ratebook.rules.pack;

import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.Cadence;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.ChargeModel;
import org.ratebook.rules.fact.ProductType;
import org.ratebook.rules.fact.UsageCharge;
import org.ratebook.rules.fact.UsageTier;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import org.ratebook.rules.time.BillingAlignment;
import org.ratebook.rules.time.DayCount;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads a pack from a folder (on disk or on the classpath):
 * <pre>
 * pack.properties      name=…, catalog.plans=catalog/plans.csv, rules=rules/pricing.drl,rules/tax.drl,
 *                      optional day_count=ACTUAL|FIXED_30|INCLUSIVE_DAYS and rounding=HALF_UP|HALF_EVEN|…,
 *                      optional billing_alignment=ACCOUNT|SUBSCRIPTION|CALENDAR (default ACCOUNT, see
 *                      BillingAlignment),
 *                      optional tables tax.rates=tax/rates.csv, discount.coupons=discount/coupons.csv,
 *                      discount.volume=discount/volume.csv, discount.bundles=discount/bundles.csv,
 *                      dunning.thresholds=dunning/thresholds.csv (see PackTables),
 *                      optional prices_include_tax=true|false and tax_rounding=LINE|INVOICE,
 *                      optional catalog.usage_charges=catalog/usage_charges.csv and
 *                      catalog.usage_tiers=catalog/usage_tiers.csv
 * catalog/plans.csv    columns by header: plan,product,currency,price,billing_period,billing_mode (required)
 *                      and phase,duration,price_list (blank = DEFAULT),product_type (BASE|ADD_ON|STANDALONE,
 *                      blank = BASE) (optional); billing_period is ONCE, HOURLY, DAILY, WEEKLY, MONTHLY,
 *                      QUARTERLY, ANNUAL or a count and a unit: "2 MONTHS", "6 MONTHS", "2 WEEKS", "3 DAYS",
 *                      "2 YEARS", "4 HOURS" (units HOURS, DAYS, WEEKS, MONTHS, QUARTERS, YEARS; see Cadence)
 * catalog/usage_charges.csv  columns by header: charge,plan,meter,currency,model (required) and name,
 *                      unit_price,package_size,free_units,free_events,percentage,transaction_fee,
 *                      transaction_min,transaction_max,commitment,markup (optional, blank = none)
 * catalog/usage_tiers.csv    columns by header: charge,from,to (blank = no end) and unit_price,flat_fee,
 *                      package_size,percentage
 * rules/*.drl          listed under rules= (the category is the file name's first word: pricing, change,
 *                      overage, discount, tax, suspension) or, in the manifest, under rules.<category>=
 * </pre>
 * {@code extends=standard} starts from a built-in pack ({@link #BASE_PACKS}): its settings, tables and rules,
 * under the pack's own, which replace them by key and by path. Every file, column and setting is described for
 * analysts in docs/pack-format.md. The folder is the unit that lives in git and is imported and exported.
 */
public final class RulePackLoader {

    public static final String DEFAULT_PACK = "org/ratebook/rules/packs/default";

    private RulePackLoader() {
    }

    /** The shipped default pack, version 1. */
    public static RulePack defaultPack() {
        return fromClasspath(DEFAULT_PACK, 1);
    }

    public static RulePack fromClasspath(String folder, int version) {
        return read(folder, version, classpathFiles(folder));
    }

    public static RulePack fromDirectory(Path folder, int version) {
        return read(folder.toString(), version, file -> {
            Path path = folder.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new RulePackFormatException("rule pack '" + folder + "' has no file " + file);
            }
            try {
                return Files.readString(path);
            } catch (IOException e) {
                throw new RulePackFormatException("cannot read " + path + ": " + e.getMessage());
            }
        });
    }

    /** A pack from its files by path inside the folder (as {@link RulePackExport#files} gives them). */
    public static RulePack fromFiles(Map<String, String> files, int version) {
        return read("the pack", version, file -> {
            String text = files.get(file);
            if (text == null) {
                throw new RulePackFormatException("the pack has no file " + file);
            }
            return text;
        });
    }

    /** At most this many files and bytes (unpacked) in an uploaded zip: a pack is text, a few hundred KB. */
    public static final int MAX_ZIP_FILES = 500;
    public static final long MAX_ZIP_BYTES = 10L * 1024 * 1024;

    /**
     * The files of a zipped pack folder, by path inside the folder. The folder may be zipped with or without
     * its own directory around it (a {@code pack.properties} at the root, or in one top-level folder). Refuses
     * archives beyond {@link #MAX_ZIP_FILES} files or {@link #MAX_ZIP_BYTES} bytes unpacked.
     */
    public static Map<String, String> filesOfZip(byte[] zip) {
        Map<String, String> files = new TreeMap<>();
        long total = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.size() >= MAX_ZIP_FILES) {
                    throw new RulePackFormatException("the zip has more than " + MAX_ZIP_FILES + " files");
                }
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    total += n;
                    if (total > MAX_ZIP_BYTES) {
                        throw new RulePackFormatException("the zip unpacks to more than " + MAX_ZIP_BYTES + " bytes");
                    }
                    bytes.write(buffer, 0, n);
                }
                files.put(entry.getName().replace('\\', '/'), bytes.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RulePackFormatException("not a readable zip archive: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new RulePackFormatException("the upload is not a zip of a pack folder (no files in it)");
        }
        if (files.containsKey("pack.properties")) {
            return files;
        }
        List<String> roots = files.keySet().stream().filter(f -> f.endsWith("/pack.properties")
                && f.indexOf('/') == f.length() - "/pack.properties".length()).toList();
        if (roots.size() != 1) {
            throw new RulePackFormatException("the zip has no pack.properties at its root or in one top-level folder");
        }
        String prefix = roots.getFirst().substring(0, roots.getFirst().length() - "pack.properties".length());
        Map<String, String> inner = new TreeMap<>();
        files.forEach((path, text) -> {
            if (path.startsWith(prefix)) {
                inner.put(path.substring(prefix.length()), text);
            }
        });
        return inner;
    }

    /** Where built-in base packs live: {@code extends=standard} is {@code org/ratebook/rules/packs/standard}. */
    public static final String BASE_PACKS = "org/ratebook/rules/packs/";

    private static RulePack read(String where, int version, Function<String, String> ownFiles) {
        Properties own = properties(where, ownFiles);
        Properties props = own;
        Function<String, String> files = ownFiles;
        Map<String, RuleCategory> rules = new java.util.LinkedHashMap<>();
        String base = own.getProperty("extends", "").strip();
        if (!base.isEmpty()) {
            // a base pack: its settings, tables and rules, under the pack's own; a file of the pack's own at the
            // same path replaces the base's (a table or a DRL file overridden)
            if (!base.matches("[a-z][a-z0-9-]*")) {
                throw new RulePackFormatException(where + "/pack.properties: extends=" + base + " is not a pack "
                        + "name; name a built-in pack, e.g. extends=standard");
            }
            String baseFolder = BASE_PACKS + base;
            if (RulePackLoader.class.getClassLoader().getResource(baseFolder + "/pack.properties") == null) {
                throw new RulePackFormatException(where + "/pack.properties: extends=" + base + ": there is no "
                        + "built-in pack '" + base + "' (there are: default, standard)");
            }
            Function<String, String> baseFiles = classpathFiles(baseFolder);
            Properties baseProps = properties(baseFolder, baseFiles);
            if (!baseProps.getProperty("extends", "").isBlank()) {
                throw new RulePackFormatException(baseFolder + "/pack.properties: a base pack cannot extend another");
            }
            rules.putAll(manifest(baseProps, baseFolder));
            props = new Properties();
            props.putAll(baseProps);
            Properties merged = props;
            own.forEach((k, v) -> {
                if (!k.toString().equals("rules") && !k.toString().startsWith("rules.")) {
                    merged.put(k, v);
                }
            });
            files = file -> {
                try {
                    return ownFiles.apply(file);
                } catch (RulePackFormatException missing) {
                    return baseFiles.apply(file);
                }
            };
        }
        // the manifest: rules=… (the category is the file name's first word) and rules.<category>=…, which wins
        rules.putAll(manifest(own, where));
        String name = required(own, "name", where);
        String plansFile = required(props, "catalog.plans", where);
        List<CatalogPlan> plans = parsePlans(files.apply(plansFile), where + "/" + plansFile);
        if (rules.isEmpty()) {
            throw new RulePackFormatException(where + "/pack.properties must set 'rules' (or rules.<category>, or "
                    + "extends a pack that has rules)");
        }
        List<DrlSource> sources = new ArrayList<>();
        Function<String, String> drlFiles = files;
        rules.forEach((file, category) -> sources.add(new DrlSource(category, file, drlFiles.apply(file))));
        PackTables tables = tables(props, files, where);
        TaxSettings taxSettings = taxSettings(props, where);
        String chargesFile = props.getProperty("catalog.usage_charges", "").strip();
        String tiersFile = props.getProperty("catalog.usage_tiers", "").strip();
        List<UsageCharge> charges = chargesFile.isEmpty() ? List.of()
                : parseUsageCharges(files.apply(chargesFile), where + "/" + chargesFile);
        List<UsageTier> tiers = tiersFile.isEmpty() ? List.of()
                : parseUsageTiers(files.apply(tiersFile), where + "/" + tiersFile);
        DayCount dayCount;
        RoundingMode rounding;
        BillingAlignment alignment;
        try {
            alignment = BillingAlignment.parse(props.getProperty("billing_alignment"));
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException(where + "/pack.properties: " + e.getMessage());
        }
        try {
            dayCount = DayCount.valueOf(props.getProperty("day_count", "ACTUAL").strip().toUpperCase(Locale.ROOT));
            rounding = RoundingMode.valueOf(props.getProperty("rounding", "HALF_UP").strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException(where + "/pack.properties: day_count must be ACTUAL, FIXED_30 or "
                    + "INCLUSIVE_DAYS and rounding a java.math.RoundingMode (" + e.getMessage() + ")");
        }
        try {
            RulePack.checkAlignment(alignment, plans);
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException(where + "/pack.properties: " + e.getMessage());
        }
        try {
            return new RulePack(name, version, plans, sources, dayCount, rounding, tables, taxSettings, charges, tiers,
                    alignment);
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException(where + " catalog: " + e.getMessage());
        }
    }

    private static final List<String> CHARGE_COLUMNS = List.of("charge", "name", "plan", "meter", "currency", "model",
            "unit_price", "package_size", "free_units", "free_events", "percentage", "transaction_fee",
            "transaction_min", "transaction_max", "commitment", "markup");
    private static final List<String> TIER_COLUMNS = List.of("charge", "from", "to", "unit_price", "flat_fee",
            "package_size", "percentage");

    /** The usage charge table; columns are found by their header, so optional ones may be left out. */
    public static List<UsageCharge> parseUsageCharges(String csv, String where) {
        List<UsageCharge> charges = new ArrayList<>();
        for (Row row : rows(csv, where, CHARGE_COLUMNS, Set.of("charge", "plan", "meter", "currency", "model"))) {
            String model = row.required("model").toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            ChargeModel chargeModel = row.parse("model", () -> ChargeModel.valueOf(model),
                    "must be one of " + Arrays.toString(ChargeModel.values()) + ", not '" + row.text("model") + "'");
            String freeEvents = row.text("free_events");
            long events = freeEvents == null ? 0 : row.parse("free_events", () -> Long.parseLong(freeEvents),
                    "must be a whole number, not '" + freeEvents + "'");
            String currency = row.currency("currency");
            try {
                charges.add(new UsageCharge(row.text("charge"), row.text("name"), row.text("plan"), row.text("meter"),
                        currency, chargeModel, row.decimal("unit_price"),
                        row.decimal("package_size"), row.decimal("free_units"),
                        events, row.decimal("percentage"),
                        row.decimal("transaction_fee"), row.decimal("transaction_min"), row.decimal("transaction_max"),
                        row.decimal("commitment"), row.decimal("markup")));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RulePackFormatException(row.at() + ": " + (e.getMessage() == null
                        ? "charge, plan, meter, currency and model must not be blank" : e.getMessage()));
            }
        }
        return charges;
    }

    /** The usage tier table; columns are found by their header. */
    public static List<UsageTier> parseUsageTiers(String csv, String where) {
        List<UsageTier> tiers = new ArrayList<>();
        for (Row row : rows(csv, where, TIER_COLUMNS, Set.of("charge", "from"))) {
            try {
                tiers.add(new UsageTier(row.text("charge"), row.decimal("from"), row.decimal("to"),
                        row.decimal("unit_price"), row.decimal("flat_fee"), row.decimal("package_size"),
                        row.decimal("percentage")));
            } catch (IllegalArgumentException e) {
                throw new RulePackFormatException(row.at() + ": " + e.getMessage());
            }
        }
        return tiers;
    }

    /** One data row of a table read by its header. */
    private record Row(String at, Map<String, String> cells) {
        /** "catalog/plans.csv line 3, column price": where a cell's problem is. */
        String at(String column) {
            return at + ", column " + column;
        }

        /** A cell that must not be blank. */
        String required(String column) {
            String value = text(column);
            if (value == null) {
                throw new RulePackFormatException(at(column) + ": must not be blank");
            }
            return value;
        }

        /** A cell read by {@code parse}; a cell it cannot read is reported with its column and {@code why}. */
        <T> T parse(String column, java.util.function.Supplier<T> parse, String why) {
            try {
                return parse.get();
            } catch (IllegalArgumentException e) {
                throw new RulePackFormatException(at(column) + ": " + why);
            }
        }

        /** An ISO 4217 currency code, upper case. */
        String currency(String column) {
            String code = required(column).toUpperCase(Locale.ROOT);
            return parse(column, () -> java.util.Currency.getInstance(code).getCurrencyCode(),
                    "'" + text(column) + "' is not an ISO 4217 currency code such as EUR or USD");
        }

        String text(String column) {
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new RulePackFormatException(at(column) + ": '" + value + "' is not a decimal number");
            }
        }
    }

    private static List<Row> rows(String csv, String where, List<String> known, Set<String> required) {
        String[] lines = csv.split("\\R");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new RulePackFormatException(where + ": the first line must name the columns, e.g. "
                    + String.join(",", known));
        }
        String[] header = Arrays.stream(lines[0].split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT)
                .replace(' ', '_')).toArray(String[]::new);
        for (String column : header) {
            if (!known.contains(column)) {
                throw new RulePackFormatException(where + ": unknown column '" + column + "'; the columns are "
                        + String.join(",", known));
            }
        }
        for (String column : required) {
            if (!Arrays.asList(header).contains(column)) {
                throw new RulePackFormatException(where + ": the column '" + column + "' is required");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", -1);
            String at = where + " line " + (i + 1);
            if (cells.length != header.length) {
                throw new RulePackFormatException(at + ": expected " + header.length + " cells, found " + cells.length);
            }
            Map<String, String> byColumn = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                byColumn.put(header[c], cells[c]);
            }
            rows.add(new Row(at, byColumn));
        }
        return rows;
    }

    /** The tables {@code pack.properties} names, each read from its file (see {@link PackTables}). */
    private static PackTables tables(Properties props, Function<String, String> files, String where) {
        Map<String, String> texts = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (String table : PackTables.DEFAULT_FILES.keySet()) {
            String file = props.getProperty(table);
            if (file != null && !file.isBlank()) {
                texts.put(table, files.apply(file.strip()));
                names.put(table, file.strip());
            }
        }
        try {
            return PackTables.of(texts, names);
        } catch (RulePackFormatException e) {
            throw new RulePackFormatException(where + ": " + e.getMessage());
        }
    }

    private static TaxSettings taxSettings(Properties props, String where) {
        String inclusive = props.getProperty("prices_include_tax", "false").strip().toLowerCase(Locale.ROOT);
        if (!inclusive.equals("true") && !inclusive.equals("false")) {
            throw new RulePackFormatException(where + "/pack.properties: prices_include_tax must be true or false, not '"
                    + inclusive + "'");
        }
        String rounding = props.getProperty("tax_rounding", "LINE").strip().toUpperCase(Locale.ROOT);
        try {
            return new TaxSettings(Boolean.parseBoolean(inclusive), TaxRounding.valueOf(rounding));
        } catch (IllegalArgumentException e) {
            throw new RulePackFormatException(where + "/pack.properties: tax_rounding must be LINE or INVOICE, not '"
                    + rounding + "'");
        }
    }

    private static Properties properties(String where, Function<String, String> files) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(files.apply("pack.properties")));
        } catch (IOException e) {
            throw new RulePackFormatException("cannot read " + where + "/pack.properties");
        }
        return props;
    }

    /**
     * The DRL files a pack.properties names, with their categories, in the order named: {@code rules=} (the
     * category is each file name's first word, as before the manifest) then {@code rules.<category>=}, which
     * names the category whatever the file is called.
     */
    static Map<String, RuleCategory> manifest(Properties props, String where) {
        Map<String, RuleCategory> rules = new java.util.LinkedHashMap<>();
        for (String file : props.getProperty("rules", "").split(",")) {
            String trimmed = file.strip();
            if (!trimmed.isEmpty()) {
                rules.put(trimmed, RuleCategory.ofFileName(trimmed));
            }
        }
        Map<RuleCategory, String> byCategory = new java.util.EnumMap<>(RuleCategory.class);
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith("rules.")) {
                try {
                    byCategory.put(RuleCategory.ofWord(key.substring("rules.".length())), key);
                } catch (RulePackFormatException e) {
                    throw new RulePackFormatException(where + "/pack.properties: " + key + ": " + e.getMessage());
                }
            }
        }
        // in the order of the categories, then of the files as listed
        for (Map.Entry<RuleCategory, String> entry : byCategory.entrySet()) {
            RuleCategory category = entry.getKey();
            String key = entry.getValue();
            for (String file : props.getProperty(key).split(",")) {
                String trimmed = file.strip();
                if (!trimmed.isEmpty()) {
                    rules.put(trimmed, category);
                }
            }
        }
        return rules;
    }

    private static Function<String, String> classpathFiles(String folder) {
        ClassLoader loader = RulePackLoader.class.getClassLoader();
        return file -> {
            try (InputStream in = loader.getResourceAsStream(folder + "/" + file)) {
                if (in == null) {
                    throw new RulePackFormatException("rule pack '" + folder + "' has no file " + file);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new RulePackFormatException("cannot read " + folder + "/" + file + ": " + e.getMessage());
            }
        };
    }

    private static String required(Properties props, String key, String where) {
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new RulePackFormatException(where + "/pack.properties must set '" + key + "'");
        }
        return value.trim();
    }

    /** The plan table's columns, found by their header; phase, duration, price list and product type may be left out. */
    static final List<String> PLAN_COLUMNS = List.of("plan", "product", "currency", "price", "billing_period",
            "billing_mode", "phase", "duration", "price_list", "product_type");

    private static ProductType productType(String cell) {
        if (cell == null) {
            return null;
        }
        String name = cell.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return ProductType.valueOf(name.equals("ADDON") ? "ADD_ON" : name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("product_type must be BASE, ADD_ON or STANDALONE, not '" + cell + "'");
        }
    }

    static List<CatalogPlan> parsePlans(String csv, String where) {
        List<CatalogPlan> plans = new ArrayList<>();
        for (Row row : rows(csv, where.endsWith(".csv") ? where : where + " plans.csv", PLAN_COLUMNS,
                Set.of("plan", "product", "currency", "price", "billing_period", "billing_mode"))) {
            String plan = row.required("plan");
            String product = row.required("product");
            String currency = row.currency("currency");
            BigDecimal price = row.decimal("price");
            if (price == null) {
                throw new RulePackFormatException(row.at("price") + ": must not be blank");
            }
            String period = row.required("billing_period");
            Cadence cadence;
            try {
                cadence = Cadence.parse(period);
            } catch (IllegalArgumentException e) {
                throw new RulePackFormatException(row.at("billing_period") + ": " + e.getMessage());
            }
            String mode = row.required("billing_mode");
            BillingMode billingMode = row.parse("billing_mode", () -> BillingMode.valueOf(mode.toUpperCase(Locale.ROOT)),
                    "must be IN_ADVANCE or IN_ARREAR, not '" + mode + "'");
            ProductType productType;
            try {
                productType = productType(row.text("product_type"));
            } catch (IllegalArgumentException e) {
                throw new RulePackFormatException(row.at("product_type") + ": " + e.getMessage());
            }
            try {
                plans.add(new CatalogPlan(plan, product, currency, price, cadence.unit(), billingMode,
                        row.text("phase"), row.text("duration"), row.text("price_list"), productType,
                        cadence.every()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RulePackFormatException(row.at() + ": " + (e.getMessage() == null
                        ? "plan, product, currency, price, billing_period and billing_mode must not be blank"
                        : e.getMessage()));
            }
        }
        return plans;
    }
}
