package org.ratebook.features;

import io.cucumber.java.en.Then;
import org.ratebook.engine.metrics.FinanceMetrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The finance team's figures (the dashboard and {@code /api/v1/metrics}), read as the seller's reports. */
public class MetricsSteps {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM uuuu", Locale.ENGLISH);

    private final BillingWorld world;
    private final FinanceMetrics metrics;

    public MetricsSteps(BillingWorld world, FinanceMetrics metrics) {
        this.world = world;
        this.metrics = metrics;
    }

    @Then("the seller's MRR in {word} as of {date} is:")
    public void mrrIs(String currency, LocalDate asOf, List<Map<String, String>> expected) {
        List<FinanceMetrics.MrrMonth> months = metrics.mrr(world.theSeller(), asOf, expected.size()).stream()
                .filter(m -> m.currency().equals(currency)).toList();
        List<String> actual = months.stream().map(m -> String.join(" | ", m.month().format(MONTH),
                m.mrr().toPlainString(), m.newMrr().toPlainString(), m.expansion().toPlainString(),
                m.contraction().toPlainString(), m.churn().toPlainString(), m.reactivation().toPlainString())).toList();
        List<String> wanted = expected.stream().map(r -> String.join(" | ",
                YearMonth.parse(r.get("month"), MONTH).format(MONTH), money(r.get("mrr")), money(r.get("new")),
                money(r.get("expansion")), money(r.get("contraction")), money(r.get("churn")),
                money(r.get("reactivation")))).toList();
        assertThat(actual).as("month | MRR | new | expansion | contraction | churn | reactivation")
                .containsExactlyElementsOf(wanted);
    }

    private static String money(String text) {
        return new BigDecimal(text).setScale(2).toPlainString();
    }
}
