package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.discount.Coupons;
import org.ratebook.engine.discount.projection.CouponRedemptionView;
import org.ratebook.rules.pack.PackTables;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seller's coupon, volume, bundle and promotion tables, and customers redeeming coupons. */
public class DiscountSteps {

    private final BillingWorld world;
    private final ScenarioPack pack;
    private final Coupons coupons;
    private final JdbcTemplate jdbc;

    public DiscountSteps(BillingWorld world, ScenarioPack pack, Coupons coupons, JdbcTemplate jdbc) {
        this.world = world;
        this.pack = pack;
        this.coupons = coupons;
        this.jdbc = jdbc;
    }

    @Given("the seller's coupons are:")
    public void coupons(DataTable table) {
        pack.withTable(PackTables.COUPONS, Csv.of(table, List.of("code", "kind", "value", "currency", "duration",
                "plans", "expires on"), List.of("expires on")));
    }

    @Given("the seller's volume discounts are:")
    public void volumeDiscounts(DataTable table) {
        pack.withTable(PackTables.VOLUME_DISCOUNTS, Csv.of(table, List.of("plan", "from quantity", "percent", "label"),
                List.of(), Map.of("from quantity", "min_quantity")));
    }

    @Given("the seller's bundles are:")
    public void bundles(DataTable table) {
        pack.withTable(PackTables.BUNDLE_DISCOUNTS, Csv.of(table, List.of("bundle", "plan", "with plan", "percent"),
                List.of()));
    }

    @Given("the seller's promotions are:")
    public void promotions(DataTable table) {
        pack.withTable(PackTables.PROMOTIONS, Csv.of(table, List.of("promotion", "plans", "percent", "valid from",
                "valid to"), List.of("valid from", "valid to")));
    }

    @Given("{string} redeems coupon {word}")
    public void redeems(String customer, String code) {
        BillingWorld.Customer c = world.customer(customer);
        coupons.redeem(c.seller(), c.account(), code);
    }

    @When("{string} tries to redeem coupon {word}")
    public void triesToRedeem(String customer, String code) {
        world.setLastRefusal(null);
        try {
            redeems(customer, code);
        } catch (BillingRejection refusal) {
            world.setLastRefusal(refusal);
        }
    }

    @Then("{string} has redeemed these coupons:")
    public void hasRedeemed(String customer, DataTable table) {
        BillingWorld.Customer c = world.customer(customer);
        List<String> actual = coupons.redeemed(c.seller(), c.account()).stream().map(DiscountSteps::row).toList();
        List<String> expected = table.asMaps().stream().map(r -> r.get("coupon").strip() + " | "
                + BusinessDates.format(BusinessDates.parse(r.get("redeemed on"))) + " | used "
                + r.get("periods used").strip() + " | left " + r.get("periods left").strip()).toList();
        assertThat(actual).as("coupons redeemed by %s", customer).containsExactlyElementsOf(expected);
    }

    @Then("{string} has redeemed no coupons")
    public void hasRedeemedNone(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        assertThat(coupons.redeemed(c.seller(), c.account())).as("coupons redeemed by %s", customer).isEmpty();
        Integer stored = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE payload_type LIKE '%CouponRedeemedEvent'
                  AND convert_from(payload, 'UTF8')::jsonb #>> '{accountId,value}' = ?""",
                Integer.class, c.account().value().toString());
        assertThat(stored).as("coupon redemptions stored for %s", customer).isZero();
    }

    private static String row(CouponRedemptionView r) {
        return r.coupon().code() + " | " + BusinessDates.format(r.redeemedOn()) + " | used " + r.periodsUsed()
                + " | left " + (r.periodsLeft() == null ? "forever" : r.periodsLeft());
    }
}
