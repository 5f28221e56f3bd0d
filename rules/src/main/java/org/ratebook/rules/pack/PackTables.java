package org.ratebook.rules.pack;

import org.ratebook.rules.fact.BundleDiscount;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.CouponDuration;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.fact.DunningThreshold;
import org.ratebook.rules.fact.Promotion;
import org.ratebook.rules.fact.TaxRate;
import org.ratebook.rules.fact.VolumeDiscount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's tables besides the catalog, as the analyst wrote them (CSV text, kept verbatim for audit and export)
 * and parsed into the rows the rules see. Parsing happens once, when the pack is built, so a malformed table is
 * refused with its line before anything is decided. Cells may not contain commas.
 * <pre>
 * tax.rates         tax/rates.csv          country,region,zone,rate,label,valid_from,valid_to
 * discount.coupons  discount/coupons.csv   code,kind,value,currency,duration,plans,expires_on
 * discount.volume   discount/volume.csv    plan,min_quantity,percent,label
 * discount.bundles  discount/bundles.csv   bundle,plan,with_plan,percent
 * discount.promotions discount/promotions.csv promotion,plans,percent,valid_from,valid_to
 * dunning.thresholds dunning/thresholds.csv state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions
 * </pre>
 * {@code kind} is PERCENT or FIXED; {@code duration} is {@code once}, {@code forever} or {@code N periods};
 * {@code plans} lists plan codes separated by {@code ;} (empty: every plan); dates are ISO (2026-12-31).
 * A dunning threshold's {@code state} is a {@link DunningState} other than GOOD, {@code actions} lists
 * {@link DunningAction} names separated by {@code |}; the balance (with its currency) and the invoice count may be
 * blank (no such condition).
 */
public final class PackTables {

    public static final String TAX_RATES = "tax.rates";
    public static final String COUPONS = "discount.coupons";
    public static final String VOLUME_DISCOUNTS = "discount.volume";
    public static final String BUNDLE_DISCOUNTS = "discount.bundles";
    public static final String PROMOTIONS = "discount.promotions";
    public static final String DUNNING_THRESHOLDS = "dunning.thresholds";

    /** Each table's header, which is also its column order. */
    static final Map<String, String> HEADERS = Map.of(
            TAX_RATES, "country,region,zone,rate,label,valid_from,valid_to",
            COUPONS, "code,kind,value,currency,duration,plans,expires_on",
            VOLUME_DISCOUNTS, "plan,min_quantity,percent,label",
            BUNDLE_DISCOUNTS, "bundle,plan,with_plan,percent",
            PROMOTIONS, "promotion,plans,percent,valid_from,valid_to",
            DUNNING_THRESHOLDS, "state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,actions");

    /**
     * A second header a table may have: the dunning thresholds with a minimum unpaid balance at the end (decision
     * 028), so tables written before keep their text, and their packs their content hash.
     */
    static final Map<String, String> LONGER_HEADERS = Map.of(
            DUNNING_THRESHOLDS, HEADERS.get(DUNNING_THRESHOLDS) + ",min_unpaid_balance");

    /** Where the loader looks for a table when {@code pack.properties} does not say. */
    public static final Map<String, String> DEFAULT_FILES = Map.of(
            TAX_RATES, "tax/rates.csv",
            COUPONS, "discount/coupons.csv",
            VOLUME_DISCOUNTS, "discount/volume.csv",
            BUNDLE_DISCOUNTS, "discount/bundles.csv",
            PROMOTIONS, "discount/promotions.csv",
            DUNNING_THRESHOLDS, "dunning/thresholds.csv");

    public static final PackTables NONE = new PackTables(Map.of(), Map.of());

    /** A cell that cannot be read: the column it is in, and what is wrong with it. */
    static final class CellException extends IllegalArgumentException {
        private final String column;

        CellException(String column, String problem) {
            super(problem);
            this.column = column;
        }

        String column() {
            return column;
        }
    }

    private static final Pattern PERIODS = Pattern.compile("(\\d{1,3}) periods?");

    private final Map<String, String> texts;
    /** Where each table was read from (tax/rates.csv), for messages; the table's name when not known. */
    private final Map<String, String> files;
    private final List<TaxRate> taxRates;
    private final List<Coupon> coupons;
    private final List<VolumeDiscount> volumeDiscounts;
    private final List<BundleDiscount> bundleDiscounts;
    private final List<Promotion> promotions;
    private final List<DunningThreshold> dunningThresholds;

    private PackTables(Map<String, String> texts, Map<String, String> files) {
        this.texts = Collections.unmodifiableMap(new TreeMap<>(texts));
        this.files = Map.copyOf(files);
        this.taxRates = parse(TAX_RATES, PackTables::taxRate);
        this.coupons = parse(COUPONS, PackTables::coupon);
        this.volumeDiscounts = parse(VOLUME_DISCOUNTS, PackTables::volume);
        this.bundleDiscounts = parse(BUNDLE_DISCOUNTS, PackTables::bundle);
        this.promotions = parse(PROMOTIONS, PackTables::promotion);
        this.dunningThresholds = parse(DUNNING_THRESHOLDS, PackTables::threshold);
        Set<String> codes = new HashSet<>();
        for (Coupon c : coupons) {
            if (!codes.add(c.code())) {
                throw new RulePackFormatException(where(COUPONS) + ": coupon " + c.code() + " is listed twice");
            }
        }
    }

    /**
     * Tables by name ({@link #TAX_RATES}, …) with their CSV text; throws {@link RulePackFormatException} naming
     * the table and line of the first problem.
     */
    public static PackTables of(Map<String, String> texts) {
        return of(texts, Map.of());
    }

    /**
     * Tables by name with their CSV text, and the file each was read from, so that a problem is reported as
     * {@code tax/rates.csv line 3, column rate: …}.
     */
    public static PackTables of(Map<String, String> texts, Map<String, String> files) {
        if (texts == null || texts.isEmpty()) {
            return NONE;
        }
        for (String name : texts.keySet()) {
            if (!HEADERS.containsKey(name)) {
                throw new RulePackFormatException("unknown table '" + name + "'; a pack's tables are "
                        + new TreeMap<>(HEADERS).keySet());
            }
        }
        return new PackTables(texts, files == null ? Map.of() : files);
    }

    private String where(String table) {
        return files.getOrDefault(table, table);
    }

    /** The tables as written, by name, in name order. */
    public Map<String, String> texts() {
        return texts;
    }

    public boolean isEmpty() {
        return texts.isEmpty();
    }

    public List<TaxRate> taxRates() {
        return taxRates;
    }

    public List<Coupon> coupons() {
        return coupons;
    }

    public Optional<Coupon> coupon(String code) {
        String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return coupons.stream().filter(c -> c.code().equals(wanted)).findFirst();
    }

    public List<VolumeDiscount> volumeDiscounts() {
        return volumeDiscounts;
    }

    public List<BundleDiscount> bundleDiscounts() {
        return bundleDiscounts;
    }

    public List<Promotion> promotions() {
        return promotions;
    }

    /** The rows of the dunning thresholds table, in table order; empty when the pack has none. */
    public List<DunningThreshold> dunningThresholds() {
        return dunningThresholds;
    }

    /** The text with line ends unified and blank edges trimmed per line: what the content hash covers. */
    static String canonical(String text) {
        return text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    private <T> List<T> parse(String table, Function<String[], T> row) {
        String text = texts.get(table);
        if (text == null) {
            return List.of();
        }
        String[] lines = text.split("\\R");
        String header = lines.length == 0 ? "" : lines[0].strip().toLowerCase(Locale.ROOT).replace(" ", "");
        boolean longer = header.equals(LONGER_HEADERS.get(table));
        if (!header.equals(HEADERS.get(table)) && !longer) {
            throw new RulePackFormatException(where(table) + " line 1: the header must be " + HEADERS.get(table)
                    + (LONGER_HEADERS.containsKey(table) ? " or " + LONGER_HEADERS.get(table) : "")
                    + ", found '" + (lines.length == 0 ? "" : lines[0].strip()) + "'");
        }
        String used = longer ? LONGER_HEADERS.get(table) : HEADERS.get(table);
        int columns = used.split(",").length;
        List<T> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(line.split(",", -1)).map(String::strip).toArray(String[]::new);
            String at = where(table) + " line " + (i + 1);
            if (cells.length != columns) {
                throw new RulePackFormatException(at + ": expected " + columns + " columns (" + used
                        + "), found " + cells.length);
            }
            try {
                rows.add(row.apply(cells));
            } catch (CellException e) {
                throw new RulePackFormatException(at + ", column " + e.column() + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new RulePackFormatException(at + ": " + e.getMessage());
            }
        }
        return List.copyOf(rows);
    }

    private static TaxRate taxRate(String[] c) {
        return new TaxRate(c[0].toUpperCase(Locale.ROOT), blank(c[1]), blank(c[2]), number(c[3], "rate"), c[4],
                date(c[5], "valid_from"), date(c[6], "valid_to"));
    }

    private static Coupon coupon(String[] c) {
        DiscountKind kind;
        try {
            kind = DiscountKind.valueOf(upper(c[1], "kind"));
        } catch (IllegalArgumentException e) {
            throw new CellException("kind", "a coupon's kind is PERCENT or FIXED, not '" + c[1] + "'");
        }
        String duration = c[4].strip().toLowerCase(Locale.ROOT);
        Matcher periods = PERIODS.matcher(duration);
        CouponDuration how;
        int count = 0;
        if (duration.equals("once")) {
            how = CouponDuration.ONCE;
        } else if (duration.equals("forever")) {
            how = CouponDuration.FOREVER;
        } else if (periods.matches()) {
            how = CouponDuration.REPEATING;
            count = Integer.parseInt(periods.group(1));
        } else {
            throw new CellException("duration", "a coupon's duration is 'once', 'forever' or like '3 periods', "
                    + "not '" + c[4] + "'");
        }
        return new Coupon(c[0], kind, number(c[2], "value"), blank(c[3]), how, count, plans(c[5]),
                date(c[6], "expires_on"));
    }

    private static VolumeDiscount volume(String[] c) {
        int min;
        try {
            min = Integer.parseInt(c[1]);
        } catch (NumberFormatException e) {
            throw new CellException("min_quantity", "min_quantity must be a whole number, not '" + c[1] + "'");
        }
        return new VolumeDiscount(c[0], min, number(c[2], "percent"), blank(c[3]));
    }

    private static BundleDiscount bundle(String[] c) {
        return new BundleDiscount(c[0], c[1], c[2], number(c[3], "percent"));
    }

    private static Promotion promotion(String[] c) {
        return new Promotion(c[0], plans(c[1]), number(c[2], "percent"), date(c[3], "valid_from"),
                date(c[4], "valid_to"));
    }

    private static DunningThreshold threshold(String[] c) {
        DunningState state;
        try {
            state = DunningState.valueOf(upper(c[0], "state"));
        } catch (IllegalArgumentException e) {
            throw new CellException("state", "the state is one of " + Arrays.toString(DunningState.values())
                    + ", not '" + c[0] + "'");
        }
        List<DunningAction> actions = new ArrayList<>();
        for (String name : c[5].split("\\|")) {
            if (name.isBlank()) {
                continue;
            }
            try {
                actions.add(DunningAction.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new CellException("actions", "actions are " + Arrays.toString(DunningAction.values())
                        + " separated by |, not '" + name.strip() + "'");
            }
        }
        // every condition is optional, as in Kill Bill's overdue conditions: blank days past due is 0
        return new DunningThreshold(state, c[1].isBlank() ? 0 : whole(c[1], "days_past_due"),
                c[2].isBlank() ? null : number(c[2], "min_overdue_balance"),
                c[3].isBlank() ? null : c[3].strip().toUpperCase(Locale.ROOT),
                c[4].isBlank() ? 0 : whole(c[4], "min_unpaid_invoices"), actions,
                c.length < 7 || c[6].isBlank() ? null : number(c[6], "min_unpaid_balance"));
    }

    private static int whole(String cell, String column) {
        if (!cell.matches("\\d{1,5}")) {
            throw new CellException(column, column + " must be a whole number such as 14, not '" + cell + "'");
        }
        return Integer.parseInt(cell);
    }

    private static List<String> plans(String cell) {
        return cell.isBlank() ? List.of()
                : Arrays.stream(cell.split(";")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static BigDecimal number(String cell, String column) {
        if (!cell.matches("-?\\d{1,12}(\\.\\d{1,6})?")) {
            throw new CellException(column, column + " must be a plain decimal such as 19 or 7.25, not '" + cell + "'");
        }
        return new BigDecimal(cell);
    }

    private static String upper(String cell, String column) {
        if (cell.isBlank()) {
            throw new CellException(column, "the " + column + " is missing");
        }
        return cell.strip().toUpperCase(Locale.ROOT);
    }

    private static String blank(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    private static LocalDate date(String cell, String column) {
        try {
            return cell == null || cell.isBlank() ? null : LocalDate.parse(cell.strip());
        } catch (DateTimeParseException e) {
            throw new CellException(column, "dates are written 2026-12-31, not '" + e.getParsedString() + "'");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PackTables other && texts.equals(other.texts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(texts);
    }

    @Override
    public String toString() {
        return "PackTables" + texts.keySet();
    }
}
