package org.ratebook.engine.discount.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.discount.api.CouponRedeemedEvent;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.rules.fact.Coupon;
import org.ratebook.rules.fact.CouponDuration;
import org.ratebook.rules.fact.DiscountKind;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The coupon_redemptions table, written with the event (the accounts' subscribing processor, so a redemption is
 * visible the moment its command returns), and the redemptions of an account with the invoices each discounted.
 */
@Component
@ProcessingGroup(AxonConfiguration.ACCOUNTS)
public class CouponRedemptions implements CouponRedemptionDirectory {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TenantScope tenantScope;
    private final ObjectMapper json = AxonConfiguration.eventMapper();

    public CouponRedemptions(JdbcTemplate jdbc, TenantScope tenantScope) {
        this.jdbc = jdbc;
        this.tenantScope = tenantScope;
    }

    @EventHandler
    void on(CouponRedeemedEvent e) throws JsonProcessingException {
        tenantScope.bind(e.tenantId());
        jdbc.update("""
                INSERT INTO coupon_redemptions (tenant_id, account_id, code, redemption_id, kind, value, currency,
                                                duration, periods, plans, expires_on, redeemed_on, pack_name,
                                                pack_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""",
                e.tenantId().value(), e.accountId().value(), e.code(), e.redemptionId().value(), e.kind(), e.value(),
                e.currency(), e.duration(), e.periods(), json.writeValueAsString(e.plans()),
                e.expiresOn() == null ? null : Date.valueOf(e.expiresOn()), Date.valueOf(e.redeemedOn()),
                e.packName(), e.packVersion());
    }

    /** The account's redemptions, oldest first, each with the non-void invoices that carry a discount from it. */
    public List<CouponRedemptionView> of(TenantId tenant, AccountId account) {
        return tenantScope.call(tenant, () -> jdbc.query(SELECT + """
                 WHERE r.tenant_id = ? AND r.account_id = ? ORDER BY r.redeemed_on, r.code""",
                (rs, n) -> view(rs), tenant.value(), account.value()));
    }

    @Override
    public Optional<CouponRedemptionView> find(TenantId tenant, AccountId account, String code) {
        return tenantScope.call(tenant, () -> jdbc.query(SELECT + """
                 WHERE r.tenant_id = ? AND r.account_id = ? AND r.code = ?""",
                (rs, n) -> view(rs), tenant.value(), account.value(), code.strip().toUpperCase(Locale.ROOT))
                .stream().findFirst());
    }

    private static final String SELECT = """
            SELECT r.code, r.kind, r.value, r.currency, r.duration, r.periods, r.plans, r.expires_on, r.redeemed_on,
                   r.pack_name, r.pack_version,
                   ARRAY(SELECT DISTINCT l.invoice_id FROM invoice_lines l JOIN invoices i USING (tenant_id, invoice_id)
                         WHERE l.tenant_id = r.tenant_id AND i.account_id = r.account_id AND l.coupon = r.code
                           AND i.status NOT IN ('VOID', 'DISCARDED')) AS invoices
            FROM coupon_redemptions r
            """;

    private CouponRedemptionView view(ResultSet rs) throws SQLException {
        List<String> plans;
        try {
            plans = json.readValue(rs.getString("plans"), STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable plans of coupon " + rs.getString("code"), e);
        }
        Date expires = rs.getDate("expires_on");
        String currency = rs.getString("currency");
        Coupon coupon = new Coupon(rs.getString("code"), DiscountKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("value"), currency == null ? null : currency.trim(),
                CouponDuration.valueOf(rs.getString("duration")), rs.getInt("periods"), plans,
                expires == null ? null : expires.toLocalDate());
        Array invoices = rs.getArray("invoices");
        Set<UUID> ids = Arrays.stream((Object[]) invoices.getArray()).map(UUID.class::cast).collect(Collectors.toSet());
        return new CouponRedemptionView(coupon, rs.getDate("redeemed_on").toLocalDate(), rs.getString("pack_name"),
                rs.getInt("pack_version"), ids);
    }
}
