package org.ratebook.console.pricing;

import org.junit.jupiter.api.Test;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.pack.RulePack;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.rules.pack.RulePackExport;
import org.ratebook.rules.pack.RulePackLoader;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The seller's own scenarios, run against a pack in a sandbox, pass and fail as the pack decides. */
class PackScenariosTest {

    private final PackScenarios scenarios = new PackScenarios(new DecisionService(new RulePackCompiler(Clock.systemUTC())));
    private final Seller seller = new Seller("DE", "DE123456789");

    private static final String FEATURE = """
            Feature: What our customers pay
              Scenario: One Pro seat
                Given a customer "Acme" in DE billed in EUR
                And "Acme" subscribes to the "Pro" plan
                When the seller bills "Acme" on 2027-01-01
                Then the invoice of "Acme" totals EUR 49.00

              Scenario: Three Starter seats, billed with everyone
                Given a customer "Globex" in FR billed in EUR
                And "Globex" subscribes to the "Starter" plan with 3 seats
                When the seller bills on 1 March 2027
                Then the invoice total is EUR 57.00
            """;

    @Test
    void scenariosThatMatchTheDefaultPackPass() {
        PackScenarios.Suite suite = scenarios.run(Map.of("pricing.feature", FEATURE), RulePackLoader.defaultPack(), seller);

        assertThat(suite.scenarios()).hasSize(2);
        assertThat(suite.passed()).as(suite.scenarios().toString()).isTrue();
        assertThat(suite.summary()).isEqualTo("2 of 2 scenarios pass");
    }

    @Test
    void aRaisedPriceFailsTheScenarioWithExpectedAndActual() {
        Map<String, String> files = new TreeMap<>(RulePackExport.files(RulePackLoader.defaultPack()));
        files.put("catalog/plans.csv", files.get("catalog/plans.csv").replace("Pro,Hosting,EUR,49.00", "Pro,Hosting,EUR,59.00"));
        RulePack raised = RulePackLoader.fromFiles(files, 2);

        PackScenarios.Suite suite = scenarios.run(Map.of("pricing.feature", FEATURE), raised, seller);

        assertThat(suite.passed()).isFalse();
        PackScenarios.ScenarioResult failed = suite.scenarios().getFirst();
        assertThat(failed.passed()).isFalse();
        PackScenarios.StepResult then = failed.steps().getLast();
        assertThat(then.status()).isEqualTo(PackScenarios.Status.FAILED);
        assertThat(then.expected()).isEqualTo("EUR 49.00");
        assertThat(then.actual()).isEqualTo("EUR 59.00");
        assertThat(suite.scenarios().get(1).passed()).isTrue();
        assertThat(suite.summary()).isEqualTo("1 of 2 scenarios pass");
    }

    @Test
    void anUnknownPhraseOrBrokenGherkinIsNamedNotIgnored() {
        PackScenarios.Suite unknown = scenarios.run(Map.of("a.feature", """
                Feature: f
                  Scenario: s
                    Given a customer "Acme" in DE billed in EUR
                    When the moon is full
                """), RulePackLoader.defaultPack(), seller);
        assertThat(unknown.passed()).isFalse();
        assertThat(unknown.scenarios().getFirst().verdict()).isEqualTo("unknown step: the moon is full");

        PackScenarios.Suite broken = scenarios.run(Map.of("b.feature", "Scenario without a feature\n  Given x"),
                RulePackLoader.defaultPack(), seller);
        assertThat(broken.passed()).isFalse();
        assertThat(broken.problems()).isNotEmpty();
        assertThat(broken.problems().getFirst()).startsWith("b.feature line ");
    }

    @Test
    void anUnknownPlanFailsWithAReason() {
        PackScenarios.Suite suite = scenarios.run(Map.of("a.feature", """
                Feature: f
                  Scenario: s
                    Given a customer "Acme" in DE billed in EUR
                    And "Acme" subscribes to the "Gold" plan
                    When the seller bills on 2027-01-01
                    Then the invoice total is EUR 1.00
                """), RulePackLoader.defaultPack(), seller);
        assertThat(suite.scenarios().getFirst().verdict()).contains("the pack has no plan \"Gold\" in EUR");
    }
}
