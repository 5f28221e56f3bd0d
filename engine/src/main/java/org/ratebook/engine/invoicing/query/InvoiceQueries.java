package org.ratebook.engine.invoicing.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.RuleFiring;
import org.ratebook.engine.invoicing.api.UsageTierLine;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads invoices of one tenant, always inside that tenant's Row-Level-Security scope. */
@Component
public class InvoiceQueries {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<org.ratebook.engine.invoicing.api.CreditNoteTax>> CREDIT_NOTE_TAXES =
            new TypeReference<>() {
            };
    private static final TypeReference<List<RuleFiring>> FIRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<UsageTierLine>> TIERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ObjectMapper json = AxonConfiguration.eventMapper();

    public InvoiceQueries(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    public Optional<InvoiceView> find(TenantId tenant, UUID invoiceId) {
        return tenantScope.call(tenant, () -> invoices(tenant,
                "WHERE tenant_id = ? AND invoice_id = ?", tenant.value(), invoiceId).stream().findFirst());
    }

    /** The tenant's latest invoices, newest first. */
    public List<InvoiceView> latest(TenantId tenant, int limit) {
        return tenantScope.call(tenant, () -> invoices(tenant,
                "WHERE tenant_id = ? ORDER BY invoice_date DESC, number DESC LIMIT ?", tenant.value(), limit));
    }

    /** The decision trace stored with an invoice: every rule fired, in order, with the facts it matched. */
    public List<RuleFiring> trace(TenantId tenant, UUID invoiceId) {
        return tenantScope.call(tenant, () -> jdbc.query(
                "SELECT trace FROM invoices WHERE tenant_id = ? AND invoice_id = ?",
                (rs, n) -> read(rs.getString(1), FIRINGS), tenant.value(), invoiceId)
                .stream().findFirst().orElse(List.of()));
    }

    /** How many invoices (live or void) the account has for {@code invoiceDate}: the next one's generation. */
    /** How many invoices (void ones too) each account has per invoice date, as one consistent read. */
    public Map<Map.Entry<UUID, LocalDate>, Integer> invoiceCounts(TenantId tenant) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT account_id, invoice_date, count(*) FROM invoices WHERE tenant_id = ?
                GROUP BY account_id, invoice_date""",
                (rs, n) -> Map.entry(Map.entry(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate()),
                        rs.getInt(3)), tenant.value()))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** As {@link #invoiceCounts(TenantId)}, for the given accounts only (a chunk of a shared billing run). */
    public Map<Map.Entry<UUID, LocalDate>, Integer> invoiceCounts(TenantId tenant, java.util.Collection<UUID> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        UUID[] ids = accounts.stream().distinct().toArray(UUID[]::new);
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT account_id, invoice_date, count(*) FROM invoices WHERE tenant_id = ? AND account_id = ANY (?)
                GROUP BY account_id, invoice_date""",
                (rs, n) -> Map.entry(Map.entry(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate()),
                        rs.getInt(3)), tenant.value(), ids))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public int invoiceCount(TenantId tenant, UUID accountId, LocalDate invoiceDate) {
        return tenantScope.call(tenant, () -> jdbc.queryForObject("""
                SELECT count(*) FROM invoices WHERE tenant_id = ? AND account_id = ? AND invoice_date = ?""",
                Integer.class, tenant.value(), accountId, java.sql.Date.valueOf(invoiceDate)));
    }

    /** The credit notes issued against an invoice, oldest first. */
    public List<CreditNoteView> creditNotes(TenantId tenant, UUID invoiceId) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT * FROM credit_notes WHERE tenant_id = ? AND invoice_id = ? ORDER BY number""",
                (rs, n) -> new CreditNoteView(rs.getString("number"), invoiceId, rs.getString("reference"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("applied"), rs.getBigDecimal("to_account_credit"),
                        rs.getString("currency").trim(), rs.getString("reason"),
                        rs.getDate("issued_on").toLocalDate(), rs.getString("taxes") == null ? null
                        : read(rs.getString("taxes"), CREDIT_NOTE_TAXES).stream().map(CreditNoteTaxes::subtotal)
                        .toList(), rs.getObject("adjusted_line", Integer.class)),
                tenant.value(), invoiceId));
    }

    /** The account's balance in one currency: what open invoices ask for, and its credit. */
    public AccountBalance balance(TenantId tenant, UUID accountId, String currency) {
        return tenantScope.call(tenant, () -> {
            BigDecimal open = jdbc.queryForObject("""
                    SELECT coalesce(sum(total - amount_paid - amount_credited), 0) FROM invoices
                    WHERE tenant_id = ? AND account_id = ? AND currency = ?
                      AND status NOT IN ('VOID', 'DRAFT', 'DISCARDED')""",
                    BigDecimal.class, tenant.value(), accountId, currency);
            BigDecimal credit = jdbc.query("""
                    SELECT credit FROM account_credits WHERE tenant_id = ? AND account_id = ? AND currency = ?""",
                    (rs, n) -> rs.getBigDecimal(1), tenant.value(), accountId, currency)
                    .stream().findFirst().orElse(BigDecimal.ZERO);
            int scale = Currency.getInstance(currency).getDefaultFractionDigits();
            return new AccountBalance(currency, open.setScale(scale), credit.setScale(scale),
                    open.subtract(credit).setScale(scale));
        });
    }

    /** Payments and refunds recorded on an invoice, oldest first. */
    public List<PaymentView> payments(TenantId tenant, UUID invoiceId) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT payment_id, kind, amount, applied, overpaid, currency, on_date, method, reference
                FROM payments WHERE tenant_id = ? AND invoice_id = ? ORDER BY position""",
                (rs, n) -> {
                    int scale = Currency.getInstance(rs.getString("currency").trim()).getDefaultFractionDigits();
                    return new PaymentView(rs.getString("payment_id"), rs.getString("kind"),
                            rs.getBigDecimal("amount").setScale(scale), rs.getBigDecimal("applied").setScale(scale),
                            rs.getBigDecimal("overpaid").setScale(scale), rs.getString("currency").trim(),
                            rs.getDate("on_date") == null ? null : rs.getDate("on_date").toLocalDate(),
                            rs.getString("method"), rs.getString("reference"));
                }, tenant.value(), invoiceId));
    }

    /** Drafts whose review window has ended by {@code now}, in the order they were billed. */
    public List<UUID> draftsReviewedBy(TenantId tenant, java.time.Instant now) {
        return tenantScope.call(tenant, () -> jdbc.queryForList("""
                SELECT invoice_id FROM invoices WHERE tenant_id = ? AND status = 'DRAFT' AND review_until <= ?
                ORDER BY invoice_date, review_until, account_id""", UUID.class, tenant.value(),
                java.sql.Timestamp.from(now)));
    }

    /** When a draft's review window ends, or empty if the invoice is no draft. */
    public Optional<java.time.Instant> reviewUntil(TenantId tenant, UUID invoiceId) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT review_until FROM invoices WHERE tenant_id = ? AND invoice_id = ? AND status = 'DRAFT'""",
                (rs, n) -> rs.getTimestamp(1).toInstant(), tenant.value(), invoiceId).stream().findFirst());
    }

    public boolean exists(TenantId tenant, UUID invoiceId) {
        return tenantScope.call(tenant, () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM invoices WHERE tenant_id = ? AND invoice_id = ?)", Boolean.class,
                tenant.value(), invoiceId)));
    }

    /**
     * Waits until the invoice projection shows every one of {@code ids} (it follows the event store a few
     * milliseconds behind); returns false if it did not within {@code timeout}.
     */
    public boolean awaitVisible(TenantId tenant, Collection<UUID> ids, Duration timeout) {
        return await(timeout, () -> ids.stream().allMatch(id -> exists(tenant, id)));
    }

    /** Waits until the payment or refund {@code paymentId} of the invoice shows in the read model. */
    public boolean awaitPayment(TenantId tenant, UUID invoiceId, String paymentId, Duration timeout) {
        return await(timeout, () -> tenantScope.call(tenant, () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM payments WHERE tenant_id = ? AND invoice_id = ? AND payment_id = ?)",
                Boolean.class, tenant.value(), invoiceId, paymentId))));
    }

    /** Credit given and taken back by hand on the account, latest first (at most {@code limit}). */
    public List<CreditEntryView> creditEntries(TenantId tenant, UUID accountId, int limit) {
        return tenantScope.call(tenant, () -> jdbc.query("""
                SELECT credit_id, account_id, kind, amount, currency, reason, on_date, by_whom
                FROM account_credit_entries WHERE tenant_id = ? AND account_id = ?
                ORDER BY position DESC LIMIT ?""", (rs, n) -> {
            String currency = rs.getString("currency").trim();
            return new CreditEntryView(rs.getString("credit_id"), rs.getObject("account_id", UUID.class),
                    rs.getString("kind"), rs.getBigDecimal("amount")
                    .setScale(Currency.getInstance(currency).getDefaultFractionDigits()), currency,
                    rs.getString("reason"), rs.getDate("on_date").toLocalDate(), rs.getString("by_whom"));
        }, tenant.value(), accountId, limit));
    }

    /** Waits until the credit given or taken by hand {@code creditId} shows in the account's credit. */
    public boolean awaitCreditEntry(TenantId tenant, String creditId, Duration timeout) {
        return await(timeout, () -> tenantScope.call(tenant, () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account_credit_entries WHERE tenant_id = ? AND credit_id = ?)",
                Boolean.class, tenant.value(), creditId))));
    }

    /** Waits until the invoice shows {@code status}. */
    public boolean awaitStatus(TenantId tenant, UUID invoiceId, String status, Duration timeout) {
        return await(timeout, () -> find(tenant, invoiceId).map(i -> i.status().equals(status)).orElse(false));
    }

    private static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private List<InvoiceView> invoices(TenantId tenant, String where, Object... args) {
        List<InvoiceView> heads = jdbc.query("""
                SELECT invoice_id, account_id, number, invoice_date, due_date, status, currency, subtotal, tax, total,
                       amount_paid, amount_credited,
                       pack_name, pack_version, pack_hash, seller, buyer
                FROM invoices\s""" + where, (rs, n) -> head(tenant, rs), args);
        if (heads.isEmpty()) {
            return heads;
        }
        Map<UUID, List<InvoiceLineView>> lines = jdbc.query("""
                SELECT l.invoice_id, l.line_no, l.subscription_id, l.item_type, l.description, l.period_from,
                       l.period_to, l.quantity, l.unit_price, l.amount, l.tax_rate, l.tax_amount, l.tax_label,
                       l.rules, l.discount_of, l.coupon, l.meter, l.unit, l.tiers, l.transactions, i.currency
                FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                WHERE l.tenant_id = ? AND l.invoice_id = ANY (?) ORDER BY l.invoice_id, l.line_no""",
                (rs, n) -> Map.entry(rs.getObject(1, UUID.class), line(rs)), tenant.value(),
                heads.stream().map(InvoiceView::invoiceId).toArray(UUID[]::new))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return heads.stream().map(h -> new InvoiceView(h.invoiceId(), h.tenantId(), h.accountId(), h.number(),
                h.invoiceDate(), h.dueDate(), h.status(), h.currency(), h.subtotal(), h.tax(), h.total(),
                h.amountPaid(), h.packName(),
                h.packVersion(), h.packHash(), h.seller(), h.buyer(),
                lines.getOrDefault(h.invoiceId(), List.of()), h.amountCredited())).toList();
    }

    private InvoiceView head(TenantId tenant, ResultSet rs) throws SQLException {
        int scale = scale(rs);
        return new InvoiceView(rs.getObject("invoice_id", UUID.class), tenant.value(),
                rs.getObject("account_id", UUID.class), rs.getString("number"),
                rs.getDate("invoice_date").toLocalDate(),
                rs.getDate("due_date") == null ? null : rs.getDate("due_date").toLocalDate(), rs.getString("status"), rs.getString("currency").trim(),
                rs.getBigDecimal("subtotal").setScale(scale), rs.getBigDecimal("tax").setScale(scale),
                rs.getBigDecimal("total").setScale(scale), rs.getBigDecimal("amount_paid").setScale(scale),
                rs.getString("pack_name"), rs.getInt("pack_version"),
                rs.getString("pack_hash"), read(rs.getString("seller"), Party.class),
                read(rs.getString("buyer"), Party.class), List.of(),
                rs.getBigDecimal("amount_credited").setScale(scale));
    }

    private InvoiceLineView line(ResultSet rs) throws SQLException {
        return new InvoiceLineView(rs.getInt("line_no"), rs.getObject("subscription_id", UUID.class),
                rs.getString("item_type"), rs.getString("description"),
                rs.getDate("period_from") == null ? null : rs.getDate("period_from").toLocalDate(),
                rs.getDate("period_to") == null ? null : rs.getDate("period_to").toLocalDate(),
                plain(rs.getBigDecimal("quantity"), 0), plain(rs.getBigDecimal("unit_price"), scale(rs)),
                rs.getBigDecimal("amount").setScale(scale(rs)), plain(rs.getBigDecimal("tax_rate"), 0),
                rs.getBigDecimal("tax_amount").setScale(scale(rs)),
                rs.getString("tax_label"), read(rs.getString("rules"), STRINGS),
                rs.getObject("discount_of", Integer.class), rs.getString("coupon"), rs.getString("meter"),
                rs.getString("unit"), rs.getString("tiers") == null ? List.of() : read(rs.getString("tiers"), TIERS),
                rs.getObject("transactions") == null ? null : rs.getLong("transactions"));
    }

    /** Money columns hold exact cents with spare digits; back to the currency's scale (throws if not exact). */
    private static int scale(ResultSet rs) throws SQLException {
        return Currency.getInstance(rs.getString("currency").trim()).getDefaultFractionDigits();
    }

    /** A quantity or price without trailing zeros, but with at least {@code minScale} decimals. */
    private static BigDecimal plain(BigDecimal value, int minScale) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < minScale ? stripped.setScale(minScale) : stripped;
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
