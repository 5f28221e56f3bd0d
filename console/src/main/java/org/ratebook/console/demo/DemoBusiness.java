package org.ratebook.console.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.billing.BillingRun;
import org.ratebook.engine.billing.SubscriptionChanges;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.payment.InvoicePayments;
import org.ratebook.engine.subscription.api.CancelSubscriptionCommand;
import org.ratebook.engine.subscription.api.ChangePlanCommand;
import org.ratebook.engine.subscription.api.CreateSubscriptionCommand;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.testclock.TestClocks;
import org.ratebook.rules.fact.ChangeTiming;
import org.ratebook.tenants.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The demo seller's business, so that every page of the console has something real to show: a German hosting
 * company billing with the standard pack (EU VAT, B2B reverse charge), a dozen customers in several countries
 * on its plans, four months of history (the sandbox clock starts four months back and is advanced month by
 * month, billing on the way), an upgrade, a cancellation, new customers along the way, payments for almost
 * everything, and one customer who stopped paying and is walked through the dunning states.
 */
@Component
@ConditionalOnProperty(name = "ratebook.demo.enabled", havingValue = "true")
public class DemoBusiness {

    /** The demo seller's rule pack: the standard pack plus the default change, usage and dunning policies. */
    public static final String PACK = "org/ratebook/console/demo/pack";
    /** The customer who stopped paying. */
    public static final String OVERDUE_CUSTOMER = "Nordwind Logistik GmbH";
    static final int MONTHS_OF_HISTORY = 4;

    private static final Logger log = LoggerFactory.getLogger(DemoBusiness.class);

    private record Customer(String name, String email, String country, String zone, List<String> address,
                            String taxId, boolean business, String plan, int quantity, int joinsInMonth) {
    }

    private static final List<Customer> CUSTOMERS = List.of(
            new Customer("ACME Cloud GmbH", "billing@acme.example", "DE", "Europe/Berlin",
                    List.of("Kundenweg 5", "80331 München", "Germany"), "DE811907980", true, "Pro", 1, 0),
            new Customer("Globex SARL", "compta@globex.example", "FR", "Europe/Paris",
                    List.of("12 rue de la Paix", "75002 Paris", "France"), "FR40303265045", true, "Pro", 3, 0),
            new Customer(OVERDUE_CUSTOMER, "buchhaltung@nordwind.example", "DE", "Europe/Berlin",
                    List.of("Hafenstraße 9", "20457 Hamburg", "Germany"), "DE267405789", true, "Starter", 2, 0),
            new Customer("Initech Österreich GmbH", "office@initech.example", "AT", "Europe/Vienna",
                    List.of("Ringstraße 1", "1010 Wien", "Austria"), "ATU12345678", true, "Pro", 1, 0),
            new Customer("Jana Nováková", "jana@novakova.example", "CZ", "Europe/Prague",
                    List.of("Na Příkopě 3", "110 00 Praha", "Czechia"), null, false, "Starter", 1, 0),
            new Customer("Umbrella Hosting BV", "finance@umbrella.example", "NL", "Europe/Amsterdam",
                    List.of("Keizersgracht 100", "1015 Amsterdam", "Netherlands"), "NL859387642B01", true, "Pro", 12, 0),
            new Customer("Soylent Data SL", "facturas@soylent.example", "ES", "Europe/Madrid",
                    List.of("Calle Mayor 7", "28013 Madrid", "Spain"), "ESB12345674", true, "Starter", 1, 1),
            new Customer("Łukasz Wiśniewski", "lukasz@wisniewski.example", "PL", "Europe/Warsaw",
                    List.of("ul. Długa 4", "00-238 Warszawa", "Poland"), null, false, "Starter", 1, 1),
            new Customer("Hooli Nordic AB", "ap@hooli.example", "SE", "Europe/Stockholm",
                    List.of("Drottninggatan 20", "111 51 Stockholm", "Sweden"), "SE556677889901", true, "Pro", 2, 2),
            new Customer("Vandelay Industries Ltd", "accounts@vandelay.example", "IE", "Europe/Dublin",
                    List.of("1 Grafton Street", "Dublin 2", "Ireland"), "IE6388047V", true, "Starter", 1, 2),
            new Customer("Müller & Söhne KG", "rechnung@mueller.example", "DE", "Europe/Berlin",
                    List.of("Marktplatz 2", "70173 Stuttgart", "Germany"), "DE129273398", true, "Backup", 1, 3),
            new Customer("Dunder Mifflin Paper GmbH", "billing@dunder.example", "DE", "Europe/Berlin",
                    List.of("Papierweg 8", "50667 Köln", "Germany"), "DE813495425", true, "Monitoring", 1, 3));

    private final CommandGateway commands;
    private final BillingRun billingRun;
    private final TestClocks testClocks;
    private final SubscriptionChanges changes;
    private final InvoicePayments payments;
    private final InvoiceQueries invoices;
    private final Clock clock;

    public DemoBusiness(CommandGateway commands, BillingRun billingRun, TestClocks testClocks,
                        SubscriptionChanges changes, InvoicePayments payments, InvoiceQueries invoices, Clock clock) {
        this.commands = commands;
        this.billingRun = billingRun;
        this.testClocks = testClocks;
        this.changes = changes;
        this.payments = payments;
        this.invoices = invoices;
        this.clock = clock;
    }

    /** Where the demo sandbox's clock starts: {@link #MONTHS_OF_HISTORY} months before today, at midnight UTC. */
    public Instant clockStart() {
        return clock.instant().truncatedTo(ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)
                .minusMonths(MONTHS_OF_HISTORY).toInstant();
    }

    /**
     * Seeds the business on the sandbox tenant whose clock stands at {@link #clockStart()}, and advances the clock
     * to today. Returns how many invoices were issued.
     */
    public int seed(TenantId tenant) {
        Instant start = clockStart();
        List<SubscriptionId> upgrades = new ArrayList<>();
        SubscriptionId cancelled = null;
        UUID overdue = null;
        Set<UUID> paid = new HashSet<>();
        int issued = 0;
        for (int month = 0; month <= MONTHS_OF_HISTORY; month++) {
            Instant at = start.atOffset(ZoneOffset.UTC).plusMonths(month).toInstant();
            if (month > 0) {
                Instant to = month == MONTHS_OF_HISTORY ? clock.instant() : at;
                issued += testClocks.advance(tenant, to).billing().issued().size();
            }
            for (Customer c : CUSTOMERS) {
                if (c.joinsInMonth() != month) {
                    continue;
                }
                AccountId account = AccountId.random();
                commands.sendAndWait(new CreateAccountCommand(tenant, account, c.name(), c.email(), "EUR", c.country(),
                        c.zone(), null, c.address(), c.taxId(), c.business()
                        ? new TaxDetails(null, true, c.taxId() != null, false, null) : TaxDetails.NONE));
                SubscriptionId sub = SubscriptionId.random();
                commands.sendAndWait(new CreateSubscriptionCommand(tenant, sub, account, c.plan(), c.quantity(), null));
                if (c.name().startsWith("Initech")) {
                    upgrades.add(sub);
                }
                if (c.name().startsWith("Jana")) {
                    cancelled = sub;
                }
                if (c.name().equals(OVERDUE_CUSTOMER)) {
                    overdue = account.value();
                }
            }
            issued += billingRun.runAt(tenant, testClocks.now(tenant)).issued().size();
            if (month == 2) {
                for (SubscriptionId s : upgrades) { // Initech grows: Pro × 1 → Pro × 4 at once (expansion)
                    changes.apply(tenant, s, new org.ratebook.engine.subscription.api.ChangeQuantityCommand(tenant, s,
                            4, ChangeTiming.IMMEDIATE, null));
                }
                if (cancelled != null) { // Jana leaves at the end of her term (churn)
                    changes.apply(tenant, cancelled, new CancelSubscriptionCommand(tenant, cancelled,
                            ChangeTiming.END_OF_TERM, null, "moved to another provider"));
                }
            }
            if (month == 3 && !upgrades.isEmpty()) { // and moves to Starter later (contraction)
                try {
                    changes.apply(tenant, upgrades.getFirst(), new ChangePlanCommand(tenant, upgrades.getFirst(),
                            "Starter", ChangeTiming.END_OF_TERM, null));
                } catch (RuntimeException e) {
                    log.info("Demo: the downgrade was refused: {}", e.getMessage());
                }
            }
            payEverythingBut(tenant, overdue, paid, month == MONTHS_OF_HISTORY);
        }
        log.info("Demo business seeded: {} customers, {} invoices", CUSTOMERS.size(), issued);
        return issued;
    }

    /** Customers pay what they were invoiced, except the overdue one; in the last month one pays only half. */
    private void payEverythingBut(TenantId tenant, UUID overdue, Set<UUID> paid, boolean lastMonth) {
        for (InvoiceView invoice : invoices.latest(tenant, 500)) {
            if (paid.contains(invoice.invoiceId()) || invoice.isDraft() || !"FINALIZED".equals(invoice.status())
                    || invoice.accountId().equals(overdue) || invoice.balance().signum() <= 0) {
                continue;
            }
            paid.add(invoice.invoiceId());
            BigDecimal amount = lastMonth && invoice.buyer().name().startsWith("Globex")
                    ? invoice.balance().divide(BigDecimal.TWO, java.math.RoundingMode.DOWN) : invoice.balance();
            String id = payments.recordReceived(tenant, invoice.invoiceId(), null, amount, invoice.currency(), null,
                    "SEPA transfer " + (invoice.number() == null ? "" : invoice.number()));
            invoices.awaitPayment(tenant, invoice.invoiceId(), id, Duration.ofSeconds(10));
        }
    }

    /** The first day of the demo's history, for the welcome text. */
    public LocalDate firstDay() {
        return LocalDate.ofInstant(clockStart(), ZoneOffset.UTC);
    }
}
