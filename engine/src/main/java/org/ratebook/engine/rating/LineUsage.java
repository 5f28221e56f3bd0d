package org.ratebook.engine.rating;

import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.usage.UsageQueries;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The usage events behind an invoice's usage line: those of its meter in its period, in the order they
 * occurred, a page at a time. {@code transactionsOnLine} is how many the period had when the line was rated;
 * if {@code transactionsNow} is higher, the later ones arrived late and are billed by an adjustment line.
 */
@Component
public class LineUsage {

    public record Page(UUID invoiceId, int lineNo, String meter, LocalDate from, LocalDate to, long transactionsOnLine,
                       long transactionsNow, int offset, List<UsageQueries.Transaction> transactions) {
        public Page {
            transactions = List.copyOf(transactions);
        }
    }

    private record Line(UUID subscription, UUID account, String meter, LocalDate from, LocalDate to, long transactions) {
    }

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final AccountDirectory accounts;
    private final UsageQueries usage;

    public LineUsage(JdbcTemplate jdbc, TenantScope tenantScope, AccountDirectory accounts, UsageQueries usage) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
        this.accounts = accounts;
        this.usage = usage;
    }

    /** @throws NotFoundException if the invoice has no such line, or it is not a usage line */
    public Page transactions(TenantId tenant, UUID invoiceId, int lineNo, int limit, int offset) {
        Line line = tenantScope.call(tenant, () -> jdbc.query("""
                SELECT l.subscription_id, i.account_id, l.meter, l.period_from, l.period_to, l.transactions
                FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                WHERE l.tenant_id = ? AND l.invoice_id = ? AND l.line_no = ? AND l.meter IS NOT NULL""",
                (rs, n) -> new Line(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                        rs.getObject(6) == null ? 0 : rs.getLong(6)),
                tenant.value(), invoiceId, lineNo).stream().findFirst()).orElseThrow(() -> new NotFoundException(
                "invoice " + invoiceId + " has no usage line " + lineNo));
        ZoneId zone = ZoneId.of(accounts.find(tenant, new AccountId(line.account()))
                .orElseThrow(() -> new NotFoundException("account " + line.account() + " does not exist")).timeZone());
        List<UsageQueries.Transaction> page = usage.transactions(tenant, line.subscription(), line.meter(),
                line.from().atStartOfDay(zone).toInstant(), line.to().atStartOfDay(zone).toInstant(), limit, offset);
        long now = tenantScope.call(tenant, () -> jdbc.queryForObject("""
                SELECT count(*) FROM usage_events
                WHERE tenant_id = ? AND subscription_id = ? AND meter = ? AND occurred_at >= ? AND occurred_at < ?""",
                Long.class, tenant.value(), line.subscription(), line.meter(),
                java.sql.Timestamp.from(line.from().atStartOfDay(zone).toInstant()),
                java.sql.Timestamp.from(line.to().atStartOfDay(zone).toInstant())));
        return new Page(invoiceId, lineNo, line.meter(), line.from(), line.to(), line.transactions(), now, offset, page);
    }
}
