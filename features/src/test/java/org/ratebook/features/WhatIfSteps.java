package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.billing.ClosedPeriodRepricing;
import org.ratebook.engine.billing.ClosedPeriodRepricing.AccountRepricing;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The what-if of a draft over a closed period, as the pricing console asks it (ClosedPeriodRepricing). */
public class WhatIfSteps {

    private final BillingWorld world;
    private final ClosedPeriodRepricing repricing;
    private final RulePackVersionsProjection versions;
    private final JdbcTemplate jdbc;
    private List<AccountRepricing> result = List.of();
    private long eventsBefore;

    public WhatIfSteps(BillingWorld world, ClosedPeriodRepricing repricing, RulePackVersionsProjection versions,
                       JdbcTemplate jdbc) {
        this.world = world;
        this.repricing = repricing;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    @When("the seller re-prices the invoices dated {date} to {date} with version {int}")
    public void reprices(LocalDate from, LocalDate to, int version) {
        eventsBefore = events();
        result = repricing.reprice(world.theSeller(), from, to,
                versions.version(world.theSeller(), version).orElseThrow(), n -> { }, () -> false);
    }

    @Then("the what-if shows:")
    public void shows(DataTable expected) {
        List<Map<String, String>> actual = new ArrayList<>();
        for (AccountRepricing a : result) {
            actual.add(Map.of("customer", a.accountName(), "invoices", Integer.toString(a.invoices()),
                    "invoiced", a.currency() + " " + a.invoiced().toPlainString(),
                    "with the draft", a.currency() + " " + a.repriced().toPlainString(),
                    "difference", a.currency() + " " + a.difference().toPlainString()));
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected.asMaps());
    }

    @Then("the what-if totals {money} invoiced and {money} with the draft")
    public void totals(Money invoiced, Money repriced) {
        assertThat(result.stream().map(AccountRepricing::invoiced).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(invoiced.amount());
        assertThat(result.stream().map(AccountRepricing::repriced).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(repriced.amount());
    }

    @Then("nothing was recorded by the what-if")
    public void nothingRecorded() {
        assertThat(events()).isEqualTo(eventsBefore);
    }

    private long events() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return n == null ? 0 : n;
    }
}
