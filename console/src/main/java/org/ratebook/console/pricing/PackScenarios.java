package org.ratebook.console.pricing;

import io.cucumber.cucumberexpressions.Argument;
import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleStep;
import org.ratebook.rules.decision.DecidedLine;
import org.ratebook.rules.decision.DecisionException;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.decision.InvoiceDecision;
import org.ratebook.rules.decision.InvoiceQuestion;
import org.ratebook.rules.fact.BillingAccount;
import org.ratebook.rules.fact.BillingPeriod;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.fact.Seller;
import org.ratebook.rules.fact.SubscriptionPeriod;
import org.ratebook.rules.pack.RulePack;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Runs a seller's own scenarios (Gherkin, in the business words of the {@code features/} suite) against one version
 * of its pack. Each scenario is a sandbox: customers and subscriptions exist only in the scenario, "the seller
 * bills" asks the same decision function the billing run asks ({@link DecisionService#decide}) with the version
 * under test, and nothing is written anywhere. The Gherkin parser and the step expressions are Cucumber's own
 * libraries, so the scenarios read and match exactly as the product's suite does; the steps are a small subset.
 */
final class PackScenarios {

    enum Status { PASSED, FAILED, UNDEFINED, SKIPPED }

    record StepResult(String text, Status status, String expected, String actual, String message) {
    }

    record ScenarioResult(String file, String name, List<StepResult> steps) {
        boolean passed() {
            return steps.stream().allMatch(s -> s.status() == Status.PASSED);
        }

        /** The first step that did not pass, in a sentence ("expected EUR 59.00, was EUR 49.00"). */
        String verdict() {
            return steps.stream().filter(s -> s.status() != Status.PASSED && s.status() != Status.SKIPPED).findFirst()
                    .map(s -> s.status() == Status.UNDEFINED ? "unknown step: " + s.text()
                            : s.expected() != null ? s.text() + " — expected " + s.expected() + ", was " + s.actual()
                            : s.text() + " — " + s.message())
                    .orElse("passed");
        }
    }

    record Suite(List<ScenarioResult> scenarios, List<String> problems) {
        boolean passed() {
            return problems.isEmpty() && scenarios.stream().allMatch(ScenarioResult::passed);
        }

        long failed() {
            return scenarios.stream().filter(s -> !s.passed()).count() + problems.size();
        }

        String summary() {
            if (scenarios.isEmpty() && problems.isEmpty()) {
                return "no scenarios";
            }
            return (scenarios.size() - scenarios.stream().filter(s -> !s.passed()).count()) + " of "
                    + scenarios.size() + " scenarios pass" + (problems.isEmpty() ? "" : ", " + problems.size()
                    + " file(s) do not read");
        }
    }

    /** The step phrases a seller may use; shown in the console as the vocabulary. */
    static final List<String> VOCABULARY = List.of(
            "Given a customer \"Acme\" in DE billed in EUR",
            "Given a customer \"Acme\" in DE billed in EUR in the segment \"education\"",
            "Given a business customer \"Acme\" in FR with valid VAT id FR40303265045 billed in EUR",
            "And \"Acme\" subscribes to the \"Pro\" plan",
            "And \"Acme\" subscribes to the \"Pro\" plan with 3 seats",
            "And \"Acme\" subscribes to the \"Pro\" plan on the \"ENTERPRISE\" price list",
            "When the seller bills on 2027-03-01",
            "When the seller bills \"Acme\" on 1 March 2027",
            "Then the invoice of \"Acme\" totals EUR 59.00",
            "Then the invoice of \"Acme\" totals EUR 70.21 of which tax EUR 11.21",
            "Then the invoice total is EUR 59.00",
            "Then the invoice of \"Acme\" has no lines");

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final DecisionService decisions;
    private final List<Map.Entry<Expression, BiConsumer<World, List<Argument<?>>>>> steps = new ArrayList<>();

    PackScenarios(DecisionService decisions) {
        this.decisions = decisions;
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        registry.defineParameterType(new ParameterType<>("date", "\\d{4}-\\d{2}-\\d{2}|\\d{1,2} [A-Z][a-z]+ \\d{4}",
                LocalDate.class, (String s) -> s.contains("-") ? LocalDate.parse(s) : LocalDate.parse(s, LONG_DATE)));
        registry.defineParameterType(new ParameterType<>("money", "[A-Z]{3} -?\\d+(?:\\.\\d+)?", Money.class,
                (String s) -> new Money(s.substring(0, 3), new BigDecimal(s.substring(4)))));
        ExpressionFactory expressions = new ExpressionFactory(registry);
        BiConsumer<String, BiConsumer<World, List<Argument<?>>>> step =
                (text, action) -> steps.add(Map.entry(expressions.createExpression(text), action));

        step.accept("a customer {string} in {word} billed in {word}", (w, a) ->
                w.customer(str(a, 0), str(a, 1), str(a, 2), null, false, null));
        step.accept("a customer {string} in {word} billed in {word} in the segment {string}", (w, a) ->
                w.customer(str(a, 0), str(a, 1), str(a, 2), str(a, 3), false, null));
        step.accept("a business customer {string} in {word} with valid VAT id {word} billed in {word}", (w, a) ->
                w.customer(str(a, 0), str(a, 1), str(a, 3), null, true, str(a, 2)));
        step.accept("{string} subscribes to the {string} plan", (w, a) -> w.subscribe(str(a, 0), str(a, 1), 1, null));
        step.accept("{string} subscribes to the {string} plan with {int} seat(s)", (w, a) ->
                w.subscribe(str(a, 0), str(a, 1), (Integer) a.get(2).getValue(), null));
        step.accept("{string} subscribes to the {string} plan on the {string} price list", (w, a) ->
                w.subscribe(str(a, 0), str(a, 1), 1, str(a, 2)));
        step.accept("the seller bills on {date}", (w, a) -> w.bill(null, (LocalDate) a.get(0).getValue()));
        step.accept("the seller bills {string} on {date}", (w, a) -> w.bill(str(a, 0), (LocalDate) a.get(1).getValue()));
        step.accept("the invoice of {string} totals {money}", (w, a) ->
                w.expectTotal(str(a, 0), (Money) a.get(1).getValue(), null));
        step.accept("the invoice of {string} totals {money} of which tax {money}", (w, a) ->
                w.expectTotal(str(a, 0), (Money) a.get(1).getValue(), (Money) a.get(2).getValue()));
        step.accept("the invoice total is {money}", (w, a) -> w.expectTotal(null, (Money) a.get(0).getValue(), null));
        step.accept("the invoice of {string} has no lines", (w, a) -> w.expectNoLines(str(a, 0)));
    }

    private static String str(List<Argument<?>> args, int i) {
        return (String) args.get(i).getValue();
    }

    record Money(String currency, BigDecimal amount) {
        @Override
        public String toString() {
            return currency + " " + amount.toPlainString();
        }

        boolean sameAs(String otherCurrency, BigDecimal other) {
            return currency.equals(otherCurrency) && amount.compareTo(other) == 0;
        }
    }

    /** A step that did not hold: what the scenario expected and what the pack decided. */
    private static final class Mismatch extends RuntimeException {
        final String expected;
        final String actual;

        Mismatch(String expected, String actual) {
            super("expected " + expected + ", was " + actual);
            this.expected = expected;
            this.actual = actual;
        }
    }

    /** One scenario's sandbox: its customers, their subscriptions and the invoices the pack decided. */
    private final class World {
        private record Customer(BillingAccount account, List<SubscriptionPeriod> subscriptions) {
        }

        private final RulePack pack;
        private final Seller seller;
        private final Map<String, Customer> customers = new LinkedHashMap<>();
        private final Map<String, InvoiceDecision> invoices = new LinkedHashMap<>();
        private final Map<String, String> plansWithPriceList = new LinkedHashMap<>();

        World(RulePack pack, Seller seller) {
            this.pack = pack;
            this.seller = seller;
        }

        void customer(String name, String country, String currency, String segment, boolean business, String taxId) {
            customers.put(name, new Customer(new BillingAccount(name, currency, country, null, business, taxId,
                    taxId != null, false, null, segment), new ArrayList<>()));
        }

        private Customer customer(String name) {
            Customer c = customers.get(name);
            if (c == null) {
                throw new IllegalStateException("no customer \"" + name + "\" was given before this step");
            }
            return c;
        }

        void subscribe(String name, String plan, int seats, String priceList) {
            Customer c = customer(name);
            plansWithPriceList.put(name + "|" + c.subscriptions().size(), priceList);
            c.subscriptions().add(new SubscriptionPeriod(name + "-" + (c.subscriptions().size() + 1), plan, seats,
                    c.account().currency(), null, null));
        }

        void bill(String name, LocalDate date) {
            List<String> who = name == null ? List.copyOf(customers.keySet()) : List.of(name);
            if (who.isEmpty()) {
                throw new IllegalStateException("there is no customer to bill");
            }
            for (String n : who) {
                Customer c = customer(n);
                List<SubscriptionPeriod> periods = new ArrayList<>();
                for (int i = 0; i < c.subscriptions().size(); i++) {
                    SubscriptionPeriod s = c.subscriptions().get(i);
                    CatalogPlan plan = pack.plan(s.plan(), s.currency()).orElseThrow(() -> new IllegalStateException(
                            "the pack has no plan \"" + s.plan() + "\" in " + s.currency()));
                    BillingPeriod period = plan.period();
                    LocalDate to = date.plusMonths(Math.max(1, period.months()));
                    periods.add(new SubscriptionPeriod(s.subscriptionId(), s.plan(), s.quantity(), s.currency(), date,
                            to, CatalogPlan.EVERGREEN, date, to, 1, 1, plansWithPriceList.get(n + "|" + i), null,
                            List.of()));
                }
                try {
                    invoices.put(n, decisions.decide(pack, new InvoiceQuestion(c.account(), date, periods, seller,
                            List.of())));
                } catch (DecisionException e) {
                    throw new IllegalStateException("the rules could not decide: " + e.getMessage());
                }
            }
        }

        private InvoiceDecision invoice(String name) {
            if (name == null) {
                if (invoices.size() != 1) {
                    throw new IllegalStateException("\"the invoice\" needs exactly one billed customer; name the "
                            + "customer instead (the invoice of \"…\")");
                }
                return invoices.values().iterator().next();
            }
            InvoiceDecision d = invoices.get(name);
            if (d == null) {
                throw new IllegalStateException("\"" + name + "\" was not billed before this step");
            }
            return d;
        }

        void expectTotal(String name, Money total, Money tax) {
            InvoiceDecision d = invoice(name);
            String currency = name == null ? customers.values().iterator().next().account().currency()
                    : customer(name).account().currency();
            BigDecimal taxSum = d.lines().stream().map(DecidedLine::taxAmount).filter(java.util.Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal sum = d.lines().stream().map(DecidedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(taxSum);
            boolean totalOk = total.sameAs(currency, sum);
            boolean taxOk = tax == null || tax.sameAs(currency, taxSum);
            if (!totalOk || !taxOk) {
                String expected = total + (tax == null ? "" : " of which tax " + tax);
                String actual = currency + " " + sum.toPlainString()
                        + (tax == null ? "" : " of which tax " + currency + " " + taxSum.toPlainString());
                throw new Mismatch(expected, actual);
            }
        }

        void expectNoLines(String name) {
            InvoiceDecision d = invoice(name);
            if (!d.lines().isEmpty()) {
                throw new Mismatch("no lines", d.lines().size() + " line(s): " + d.lines().stream()
                        .map(l -> l.description() + " " + l.amount().toPlainString()).toList());
            }
        }
    }

    /** Runs every scenario of every file against {@code pack}; a file that does not read is a problem. */
    Suite run(Map<String, String> files, RulePack pack, Seller seller) {
        List<ScenarioResult> results = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false)
                .includePickles(true).build();
        files.forEach((file, text) -> {
            List<Envelope> envelopes = parser.parse(file, text.getBytes(StandardCharsets.UTF_8)).toList();
            for (Envelope e : envelopes) {
                e.getParseError().ifPresent(error -> problems.add(file + " line "
                        + error.getSource().getLocation().map(l -> l.getLine().toString()).orElse("?") + ": "
                        + error.getMessage()));
                e.getPickle().ifPresent(p -> results.add(run(file, p, pack, seller)));
            }
        });
        return new Suite(results, problems);
    }

    private ScenarioResult run(String file, Pickle pickle, RulePack pack, Seller seller) {
        World world = new World(pack, seller);
        List<StepResult> results = new ArrayList<>();
        boolean failed = false;
        for (PickleStep step : pickle.getSteps()) {
            String text = step.getText();
            if (failed) {
                results.add(new StepResult(text, Status.SKIPPED, null, null, null));
                continue;
            }
            Map.Entry<Expression, BiConsumer<World, List<Argument<?>>>> match = null;
            List<Argument<?>> args = null;
            for (var candidate : steps) {
                List<Argument<?>> found = candidate.getKey().match(text);
                if (found != null) {
                    match = candidate;
                    args = found;
                    break;
                }
            }
            if (match == null) {
                results.add(new StepResult(text, Status.UNDEFINED, null, null,
                        "no step reads like this; see the list of phrases"));
                failed = true;
                continue;
            }
            try {
                match.getValue().accept(world, args);
                results.add(new StepResult(text, Status.PASSED, null, null, null));
            } catch (Mismatch m) {
                results.add(new StepResult(text, Status.FAILED, m.expected, m.actual, m.getMessage()));
                failed = true;
            } catch (RuntimeException e) {
                results.add(new StepResult(text, Status.FAILED, null, null, e.getMessage()));
                failed = true;
            }
        }
        return new ScenarioResult(file, pickle.getName(), results);
    }
}
