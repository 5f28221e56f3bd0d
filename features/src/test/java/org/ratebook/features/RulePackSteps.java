package org.ratebook.features;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.ratebook.engine.BillingRejection;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.rulepack.RulePackAuthoring;
import org.ratebook.engine.rulepack.projection.RulePackVersionView;
import org.ratebook.engine.rulepack.projection.RulePackVersionsProjection;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Analysts changing the seller's pricing through the rule pack's versions: one drafts, another approves and
 * publishes from a date; the invoices name the version that priced them.
 */
public class RulePackSteps {

    private static final String STOP_THE_SERVER = """
            package ratebook.pricing;

            import org.ratebook.rules.fact.SubscriptionPeriod;

            global org.ratebook.rules.decision.PricingOutput pricing;

            rule "Stop the server"
            when
                $period : SubscriptionPeriod( )
            then
                System.exit(0);
            end
            """;

    private final BillingWorld world;
    private final RulePackAuthoring authoring;
    private final RulePackVersionsProjection versions;
    private final InvoiceQueries invoices;

    public RulePackSteps(BillingWorld world, RulePackAuthoring authoring, RulePackVersionsProjection versions,
                         InvoiceQueries invoices) {
        this.world = world;
        this.authoring = authoring;
        this.versions = versions;
        this.invoices = invoices;
    }

    @When("{word} drafts the seller's prices with the {string} plan at {money}")
    public void draftsAPrice(String author, String plan, Money price) {
        authoring.draftFromFiles(world.theSeller(), withPrice(plan, price), author);
    }

    @When("{word} tries to draft a pricing rule that stops the server")
    public void draftsAnUnsafeRule(String author) {
        Map<String, String> files = inEffectFiles();
        files.put("rules/pricing.drl", STOP_THE_SERVER);
        attempt(() -> authoring.draftFromFiles(world.theSeller(), files, author));
    }

    @When("{word} approves version {int}")
    public void approves(String approver, int version) {
        authoring.approve(world.theSeller(), version, approver);
    }

    @When("{word} tries to approve version {int}")
    public void triesToApprove(String approver, int version) {
        attempt(() -> authoring.approve(world.theSeller(), version, approver));
    }

    @When("{word} publishes version {int} from {date}")
    public void publishes(String publisher, int version, java.time.LocalDate from) {
        authoring.publish(world.theSeller(), version, from, publisher);
    }

    @When("{word} tries to publish version {int} from {date}")
    public void triesToPublish(String publisher, int version, java.time.LocalDate from) {
        attempt(() -> authoring.publish(world.theSeller(), version, from, publisher));
    }

    @When("{word} rolls the prices back to version {int}")
    public void rollsBack(String author, int version) {
        authoring.rollBack(world.theSeller(), version, author);
    }

    @Then("invoice {word} was priced by rule pack {string} version {int}")
    public void pricedBy(String number, String pack, int version) {
        InvoiceView invoice = invoices.latest(world.theSeller(), 100).stream()
                .filter(i -> number.equals(i.number())).findFirst().orElseThrow();
        assertThat(invoice.packName()).as("rule pack that priced invoice %s", number).isEqualTo(pack);
        assertThat(invoice.packVersion()).as("version that priced invoice %s", number).isEqualTo(version);
    }

    @Then("the seller's rule pack versions are:")
    public void versionsAre(List<Map<String, String>> expected) {
        List<RulePackVersionView> actual = versions.versions(world.theSeller());
        assertThat(actual).as("rule pack versions, newest first").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Map<String, String> row = expected.get(i);
            RulePackVersionView v = actual.get(i);
            assertThat(v.version()).as("version in row %d", i + 1).isEqualTo(Integer.parseInt(row.get("version")));
            assertThat(v.status()).as("state of version %d", v.version()).isEqualTo(row.get("state").toUpperCase());
            assertThat(v.author()).as("author of version %d", v.version()).isEqualTo(row.get("author"));
            assertThat(v.approvedBy()).as("approver of version %d", v.version())
                    .isEqualTo(blank(row.get("approved by")));
            String from = blank(row.get("effective from"));
            assertThat(v.effectiveFrom()).as("effective date of version %d", v.version())
                    .isEqualTo(from == null ? null : BusinessDates.parse(from));
        }
    }

    private Map<String, String> inEffectFiles() {
        RulePackVersionView current = versions.versions(world.theSeller()).stream()
                .filter(v -> "PUBLISHED".equals(v.status())).findFirst().orElseThrow();
        return new TreeMap<>(authoring.files(world.theSeller(), current.version()));
    }

    /** The pack in effect with one plan's price changed in its catalog table. */
    private Map<String, String> withPrice(String plan, Money price) {
        Map<String, String> files = inEffectFiles();
        StringBuilder csv = new StringBuilder();
        boolean found = false;
        for (String line : files.get("catalog/plans.csv").split("\n")) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(plan) && cells[2].equals(price.currency())) {
                cells[3] = price.amount().toPlainString();
                found = true;
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        assertThat(found).as("the catalog has plan %s in %s", plan, price.currency()).isTrue();
        files.put("catalog/plans.csv", csv.toString());
        return files;
    }

    private void attempt(Runnable action) {
        try {
            action.run();
            world.setLastRefusal(null);
        } catch (BillingRejection e) {
            world.setLastRefusal(e);
        }
    }

    private static String blank(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }
}
