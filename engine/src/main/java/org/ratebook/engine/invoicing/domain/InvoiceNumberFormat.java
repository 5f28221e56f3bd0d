package org.ratebook.engine.invoicing.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant's invoice number format, e.g. {@code {prefix}-{yyyy}-{seq:6}} → {@code INV-2026-000042}. Tokens:
 * {@code {prefix}}, {@code {yyyy}}, {@code {yy}}, {@code {mm}}, and exactly one {@code {seq}} or
 * {@code {seq:N}} (zero-padded to N digits), and at most one {@code {customer}} or {@code {customer:N}}: the
 * customer's number in the tenant, which per-customer numbering needs so that two customers' invoice 1 differ
 * (decision 025). The sequence restarts when the year (or month) printed in the number changes, so numbers stay
 * gapless and unique within what they show.
 */
public record InvoiceNumberFormat(String pattern) {

    private static final Pattern TOKEN = Pattern.compile("\\{([a-z]+)(?::(\\d{1,2}))?}");

    public InvoiceNumberFormat {
        Matcher m = TOKEN.matcher(pattern == null ? "" : pattern);
        int sequences = 0;
        int customers = 0;
        while (m.find()) {
            switch (m.group(1)) {
                case "seq" -> sequences++;
                case "customer" -> customers++;
                case "prefix", "yyyy", "yy", "mm" -> {
                    if (m.group(2) != null) {
                        throw new IllegalArgumentException("only {seq} takes a width, not {" + m.group(1) + "}");
                    }
                }
                default -> throw new IllegalArgumentException("unknown token {" + m.group(1)
                        + "} in invoice number format; use {prefix}, {yyyy}, {yy}, {mm}, {customer:N} and {seq:N}");
            }
        }
        if (sequences != 1) {
            throw new IllegalArgumentException("an invoice number format needs exactly one {seq} or {seq:N}: " + pattern);
        }
        if (customers > 1) {
            throw new IllegalArgumentException("an invoice number format has at most one {customer}: " + pattern);
        }
    }

    /** Whether numbers show the customer's number, as per-customer numbering needs. */
    public boolean showsCustomer() {
        return TOKEN.matcher(pattern).results().anyMatch(r -> r.group(1).equals("customer"));
    }

    /** Which sequence an invoice dated {@code date} draws from: one per year or month shown, else one. */
    public String sequenceKey(LocalDate date) {
        if (pattern.contains("{mm}")) {
            return "%04d-%02d".formatted(date.getYear(), date.getMonthValue());
        }
        return pattern.contains("{yyyy}") || pattern.contains("{yy}") ? Integer.toString(date.getYear()) : "";
    }

    public String format(String prefix, LocalDate date, long sequence) {
        return format(prefix, date, sequence, 0);
    }

    /** The number, with {@code customer} the customer's number in the tenant where the format shows it. */
    public String format(String prefix, LocalDate date, long sequence, long customer) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "prefix" -> prefix;
                case "yyyy" -> "%04d".formatted(date.getYear());
                case "yy" -> "%02d".formatted(date.getYear() % 100);
                case "mm" -> "%02d".formatted(date.getMonthValue());
                case "customer" -> m.group(2) == null ? Long.toString(customer)
                        : ("%0" + m.group(2) + "d").formatted(customer);
                default -> m.group(2) == null ? Long.toString(sequence) : ("%0" + m.group(2) + "d").formatted(sequence);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
