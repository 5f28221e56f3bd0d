package org.ratebook.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.dunning.AccountStandings;
import org.ratebook.engine.dunning.StandingChange;
import org.ratebook.engine.dunning.StandingView;
import org.ratebook.engine.rulepack.api.ApproveRulePackCommand;
import org.ratebook.engine.rulepack.api.PublishRulePackCommand;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.engine.rulepack.api.RulePackId;
import org.ratebook.engine.rulepack.api.SaveRulePackDraftCommand;
import org.ratebook.rules.fact.DunningAction;
import org.ratebook.rules.fact.DunningState;
import org.ratebook.rules.pack.DrlSource;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RuleCategory;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.subscription.projection.SubscriptionView;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dunning: where customers stand on their unpaid invoices, what provisioning and the customer are told, and the
 * suspension policies sellers publish.
 */
public class DunningSteps {

    private static final ObjectMapper JSON = org.ratebook.engine.infra.AxonConfiguration.eventMapper();

    private final BillingWorld world;
    private final AccountStandings standings;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final SubscriptionProjection subscriptions;

    public DunningSteps(BillingWorld world, AccountStandings standings, CommandGateway commands, JdbcTemplate jdbc,
                        SubscriptionProjection subscriptions) {
        this.subscriptions = subscriptions;
        this.world = world;
        this.standings = standings;
        this.commands = commands;
        this.jdbc = jdbc;
    }

    /**
     * The seller's analyst writes the policy as a table; each row becomes one suspension rule (DRL), saved as a new
     * version of the seller's pack with its prices and other rules unchanged, approved by a second person and
     * published from {@code from}.
     */
    @Given("the seller publishes from {date} this suspension policy:")
    public void publishesPolicy(LocalDate from, DataTable table) {
        RulePack shipped = RulePackLoader.defaultPack();
        List<DrlSource> sources = new ArrayList<>(shipped.sources());
        sources.removeIf(s -> s.category() == RuleCategory.SUSPENSION);
        sources.add(new DrlSource(RuleCategory.SUSPENSION, "rules/suspension.drl", drl(table.asMaps())));
        RulePackId pack = new RulePackId(world.theSeller());
        int version = commands.sendAndWait(new SaveRulePackDraftCommand(pack,
                new RulePackContent("stricter dunning", shipped.plans(), sources), "analyst"));
        commands.sendAndWait(new ApproveRulePackCommand(pack, version, "controller"));
        commands.sendAndWait(new PublishRulePackCommand(pack, version, from, "controller"));
    }

    /** The example msp pack's generic suspension rule, which reads the dunning thresholds table. */
    private static final java.nio.file.Path THRESHOLD_RULE = java.nio.file.Path.of("../tenants/packs/msp/rules/suspension.drl");

    /**
     * The seller's analyst writes the policy as a dunning thresholds table (pack table {@code dunning.thresholds})
     * read by the msp example pack's one generic suspension rule; published like {@link #publishesPolicy}.
     * Columns: state, days past due, overdue at least (e.g. EUR 98.00), unpaid invoices at least, actions.
     */
    @Given("the seller publishes from {date} this dunning thresholds table:")
    public void publishesThresholds(LocalDate from, DataTable table) throws java.io.IOException {
        RulePack shipped = RulePackLoader.defaultPack();
        List<DrlSource> sources = new ArrayList<>(shipped.sources());
        sources.removeIf(s -> s.category() == RuleCategory.SUSPENSION);
        sources.add(new DrlSource(RuleCategory.SUSPENSION, "rules/suspension.drl",
                java.nio.file.Files.readString(THRESHOLD_RULE)));
        // the column of a minimum unpaid balance (decision 028) only when the scenario uses it: tables written
        // before keep their text
        boolean unpaidColumn = table.asMaps().getFirst().containsKey("unpaid at least");
        StringBuilder csv = new StringBuilder("state,days_past_due,min_overdue_balance,currency,min_unpaid_invoices,"
                + "actions" + (unpaidColumn ? ",min_unpaid_balance" : "") + "\n");
        for (Map<String, String> row : table.asMaps()) {
            java.util.Optional<Money> balance = cell(row, "overdue at least").map(Money::parse);
            java.util.Optional<Money> unpaid = cell(row, "unpaid at least").map(Money::parse);
            csv.append(String.join(",", row.get("state").strip().toUpperCase(Locale.ROOT),
                    cell(row, "days past due").orElse("0"),
                    balance.map(m -> m.amount().toPlainString()).orElse(""),
                    balance.or(() -> unpaid).map(Money::currency).orElse(""),
                    cell(row, "unpaid invoices at least").orElse(""),
                    cell(row, "actions").map(a -> Arrays.stream(a.split(","))
                            .map(words -> words.strip().toUpperCase(Locale.ROOT).replace(' ', '_'))
                            .collect(Collectors.joining("|"))).orElse("")));
            if (unpaidColumn) {
                csv.append(',').append(unpaid.map(m -> m.amount().toPlainString()).orElse(""));
            }
            csv.append('\n');
        }
        RulePackId pack = new RulePackId(world.theSeller());
        int version = commands.sendAndWait(new SaveRulePackDraftCommand(pack, new RulePackContent(
                "dunning thresholds", shipped.plans(), sources, shipped.dayCount(), shipped.rounding(),
                Map.of(PackTables.DUNNING_THRESHOLDS, csv.toString()), null), "analyst"));
        commands.sendAndWait(new ApproveRulePackCommand(pack, version, "controller"));
        commands.sendAndWait(new PublishRulePackCommand(pack, version, from, "controller"));
    }

    @Then("the standing of {string} was decided on the threshold {string}")
    public void decidedOnThreshold(String customer, String threshold) {
        assertThat(standingOf(customer).trace()).as("rules fired for the standing of %s", customer)
                .anySatisfy(f -> assertThat(f.matched()).contains(threshold));
    }

    static String drl(List<Map<String, String>> rows) {
        StringBuilder drl = new StringBuilder("""
                package scenario.suspension;
                import java.math.BigDecimal;
                import org.ratebook.rules.fact.AccountStanding;
                import org.ratebook.rules.fact.DunningAction;
                import org.ratebook.rules.fact.DunningState;
                global org.ratebook.rules.decision.StandingOutput standing;
                """);
        for (Map<String, String> row : rows) {
            List<String> conditions = new ArrayList<>();
            cell(row, "days past due").ifPresent(days -> conditions.add("daysPastDue >= " + Integer.parseInt(days)));
            cell(row, "unpaid invoices").ifPresent(n -> conditions.add("unpaidInvoices >= " + Integer.parseInt(n)));
            cell(row, "unpaid balance").map(Money::parse).ifPresent(m -> {
                conditions.add("currency == \"" + m.currency() + "\"");
                conditions.add("unpaidBalance >= new BigDecimal(\"" + m.amount().toPlainString() + "\")");
            });
            String state = DunningState.valueOf(row.get("state").strip().toUpperCase(Locale.ROOT)).name();
            String actions = cell(row, "actions").map(a -> Arrays.stream(a.split(","))
                    .map(words -> DunningAction.valueOf(words.strip().toUpperCase(Locale.ROOT).replace(' ', '_')))
                    .map(action -> ", DunningAction." + action.name()).collect(Collectors.joining())).orElse("");
            drl.append("rule \"").append(row.get("rule").strip()).append("\"\n")
                    .append("when AccountStanding( ").append(String.join(", ", conditions)).append(" )\n")
                    .append("then standing.becomes(DunningState.").append(state).append(actions).append("); end\n");
        }
        return drl.toString();
    }

    private static java.util.Optional<String> cell(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(value.strip());
    }

    @Then("the subscription of {string} is active")
    public void subscriptionActive(String customer) {
        assertThat(subscriptionOf(customer).state()).as("state of the subscription of %s", customer)
                .isEqualTo("ACTIVE");
    }

    @Then("the subscription of {string} is cancelled from {date} because {string}")
    public void subscriptionCancelled(String customer, LocalDate from, String reason) {
        SubscriptionView subscription = subscriptionOf(customer);
        assertThat(subscription.state()).as("state of the subscription of %s", customer).isEqualTo("CANCELLED");
        assertThat(subscription.endsOn()).as("last day billed + 1").isEqualTo(from);
        assertThat(subscriptions.cancellationReason(world.customer(customer).seller(), subscription.subscriptionId()))
                .as("why it was cancelled").contains(reason);
    }

    private SubscriptionView subscriptionOf(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        List<SubscriptionView> own = subscriptions.activeOn(c.seller(), LocalDate.of(2100, 1, 1)).stream()
                .filter(s -> s.accountId().equals(c.account())).toList();
        assertThat(own).as("subscriptions of %s", customer).hasSize(1);
        return own.getFirst();
    }

    @Then("{string} is in good standing")
    public void inGoodStanding(String customer) {
        StandingView standing = standingOf(customer);
        assertThat(standing.state()).as("dunning state of %s", customer).isEqualTo(DunningState.GOOD);
        assertThat(standing.actions()).as("actions for %s", customer).isEmpty();
    }

    @Then("{string} is back in good standing since {date}, decided on a {word}")
    public void backInGoodStanding(String customer, LocalDate since, String trigger) {
        inGoodStanding(customer);
        StandingView standing = standingOf(customer);
        assertThat(standing.since()).as("good standing of %s since", customer).isEqualTo(since);
        assertThat(standing.trigger()).as("what re-evaluated %s", customer).isEqualTo(trigger);
    }

    @Then("{string} is {word} since {date} by rule {string}")
    public void stands(String customer, String state, LocalDate since, String rule) {
        StandingView standing = standingOf(customer);
        assertThat(standing.state()).as("dunning state of %s", customer).isEqualTo(state(state));
        assertThat(standing.since()).as("%s %s since", customer, state).isEqualTo(since);
        assertThat(standing.rules()).as("rules that decided it").containsExactly(rule);
    }

    @Then("{string} is {word} since {date} by rule {string}, decided on a {word}")
    public void standsDecidedOn(String customer, String state, LocalDate since, String rule, String trigger) {
        stands(customer, state, since, rule);
        assertThat(standingOf(customer).trigger()).as("what re-evaluated %s", customer).isEqualTo(trigger);
    }

    @Then("the standing of {string} names rule pack version {int}")
    public void namesPackVersion(String customer, int version) {
        assertThat(standingOf(customer).pack().version()).isEqualTo(version);
    }

    @Then("{string} may change plans")
    public void mayChangePlans(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        assertThat(standings.blocksPlanChanges(c.seller(), c.account())).as("plan changes of %s blocked", customer)
                .isFalse();
    }

    @Then("{string} may not change plans")
    public void mayNotChangePlans(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        assertThat(standings.blocksPlanChanges(c.seller(), c.account())).as("plan changes of %s blocked", customer)
                .isTrue();
    }

    @Then("{string} went through these standings:")
    public void wentThrough(String customer, DataTable table) {
        BillingWorld.Customer c = world.customer(customer);
        List<StandingChange> changes = standings.changes(c.seller(), c.account());
        List<Map<String, String>> expected = table.asMaps();
        assertThat(changes).as("changes of the standing of %s", customer).hasSize(expected.size());
        for (int n = 0; n < expected.size(); n++) {
            int i = n;
            Map<String, String> row = expected.get(i);
            StandingChange actual = changes.get(i);
            assertThat(actual.on()).as("day of change %d", i + 1).isEqualTo(BusinessDates.parse(row.get("on")));
            assertThat(actual.to()).as("state of change %d", i + 1).isEqualTo(state(row.get("state")));
            cell(row, "rule").ifPresentOrElse(
                    rule -> assertThat(actual.rules()).as("rule of change %d", i + 1).containsExactly(rule),
                    () -> assertThat(actual.rules()).as("rules of change %d", i + 1).isEmpty());
            cell(row, "decided on").ifPresent(trigger ->
                    assertThat(actual.trigger()).as("what decided change %d", i + 1).isEqualTo(trigger));
        }
    }

    @Then("a payment reminder was sent to {string} on {date} for {money} overdue")
    public void reminderSent(String customer, LocalDate on, Money overdue) {
        List<JsonNode> reminders = events("PaymentReminderSentEvent", customer).stream()
                .filter(e -> e.get("on").asText().equals(on.toString())).toList();
        assertThat(reminders).as("reminders to %s on %s", customer, BusinessDates.format(on)).hasSize(1);
        JsonNode figures = reminders.getFirst().get("figures");
        assertThat(figures.get("currency").asText()).isEqualTo(overdue.currency());
        assertThat(figures.get("overdueBalance").decimalValue()).isEqualByComparingTo(overdue.amount());
    }

    @Then("{string} was sent {int} payment reminder(s)")
    public void remindersSent(String customer, int count) {
        assertThat(events("PaymentReminderSentEvent", customer)).as("reminders to %s", customer).hasSize(count);
    }

    @Then("provisioning is told to suspend the service of {string} from {date}, with billing {word}")
    public void toldToSuspend(String customer, LocalDate from, String billing) {
        List<JsonNode> suspensions = events("AccountSuspendedEvent", customer);
        assertThat(suspensions).as("suspensions of %s", customer).isNotEmpty();
        JsonNode last = suspensions.getLast();
        assertThat(last.get("on").asText()).as("suspended from").isEqualTo(from.toString());
        boolean paused = switch (billing) {
            case "paused" -> true;
            case "continuing" -> false;
            default -> throw new IllegalArgumentException("billing is 'paused' or 'continuing', not '" + billing + "'");
        };
        assertThat(last.get("billingPaused").asBoolean()).as("billing paused while suspended").isEqualTo(paused);
    }

    @Then("provisioning is told to resume the service of {string} from {date}")
    public void toldToResume(String customer, LocalDate from) {
        List<JsonNode> reinstated = events("AccountReinstatedEvent", customer);
        assertThat(reinstated).as("reinstatements of %s", customer).hasSize(1);
        assertThat(reinstated.getFirst().get("on").asText()).isEqualTo(from.toString());
    }

    @Then("provisioning is told that {string} is terminated from {date}")
    public void toldTerminated(String customer, LocalDate from) {
        List<JsonNode> terminated = events("AccountTerminatedEvent", customer);
        assertThat(terminated).as("terminations of %s", customer).hasSize(1);
        assertThat(terminated.getFirst().get("on").asText()).isEqualTo(from.toString());
    }

    @Then("provisioning has not been told anything about {string}")
    public void toldNothing(String customer) {
        for (String type : List.of("AccountSuspendedEvent", "AccountReinstatedEvent", "AccountTerminatedEvent")) {
            assertThat(events(type, customer)).as("%s events for %s", type, customer).isEmpty();
        }
    }

    @Then("the billing run reports that billing of {string} is paused")
    public void billingPausedReported(String customer) {
        String account = world.customer(customer).account().toString();
        assertThat(world.lastRun().problems()).as("problems the billing run reported")
                .anySatisfy(p -> assertThat(p).contains("billing of account " + account + " is paused"));
    }

    private StandingView standingOf(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        return standings.of(c.seller(), c.account());
    }

    private static DunningState state(String word) {
        return DunningState.valueOf(word.strip().toUpperCase(Locale.ROOT));
    }

    /** The events of {@code type} about the customer's account, as a provisioning system receives them, oldest first. */
    private List<JsonNode> events(String type, String customer) {
        BillingWorld.Customer c = world.customer(customer);
        return jdbc.queryForList("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE payload_type = ? AND convert_from(payload, 'UTF8')::jsonb #>> '{accountId,value}' = ?
                        ORDER BY global_index""", String.class,
                        "org.ratebook.engine.dunning.api." + type, c.account().value().toString())
                .stream().map(DunningSteps::parse).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
