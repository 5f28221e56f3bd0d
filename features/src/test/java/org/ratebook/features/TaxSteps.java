package org.ratebook.features;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.ChangeTaxDetailsCommand;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.invoicing.pdf.InvoicePdfRenderer;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.engine.invoicing.query.TaxSubtotal;
import org.ratebook.engine.rulepack.api.RulePackContent;
import org.ratebook.rules.fact.BillingMode;
import org.ratebook.rules.fact.CatalogPlan;
import org.ratebook.rules.pack.PackTables;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.rules.pack.TaxRounding;
import org.ratebook.rules.pack.TaxSettings;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sellers and customers with what tax needs to know about them (country, region, VAT id, exemption), the
 * seller's tax rates and settings, and what invoices say about tax: the summary per rate, and the PDF.
 */
public class TaxSteps {

    static final String STANDARD_PACK = "org/ratebook/rules/packs/standard";

    private static final Map<String, String> COUNTRIES = Map.ofEntries(
            Map.entry("Germany", "DE"), Map.entry("France", "FR"), Map.entry("Austria", "AT"),
            Map.entry("Italy", "IT"), Map.entry("Spain", "ES"), Map.entry("Ireland", "IE"),
            Map.entry("the Netherlands", "NL"), Map.entry("the United States", "US"), Map.entry("Canada", "CA"),
            Map.entry("Switzerland", "CH"), Map.entry("the United Kingdom", "GB"));

    private final BillingWorld world;
    private final ScenarioPack pack;
    private final TenantRegistry tenants;
    private final CommandGateway commands;
    private final AccountDirectory accounts;
    private final InvoiceQueries invoices;
    private final InvoicePdfRenderer pdf;

    public TaxSteps(BillingWorld world, ScenarioPack pack, TenantRegistry tenants, CommandGateway commands,
                    AccountDirectory accounts, InvoiceQueries invoices, InvoicePdfRenderer pdf) {
        this.world = world;
        this.pack = pack;
        this.tenants = tenants;
        this.commands = commands;
        this.accounts = accounts;
        this.invoices = invoices;
        this.pdf = pdf;
    }

    @ParameterType(name = "country", value = "Germany|France|Austria|Italy|Spain|Ireland|the Netherlands"
            + "|the United States|Canada|Switzerland|the United Kingdom")
    public String country(String name) {
        return COUNTRIES.get(name);
    }

    @Given("a seller {string} in {country} with VAT id {word} whose test clock reads {date}")
    public void sellerWithVatId(String name, String country, String vatId, LocalDate today) {
        sandboxSeller(name, country, vatId, today);
    }

    @Given("a seller {string} in {country} whose test clock reads {date}")
    public void seller(String name, String country, LocalDate today) {
        sandboxSeller(name, country, null, today);
    }

    private void sandboxSeller(String name, String country, String vatId, LocalDate today) {
        TenantId id = world.newSeller(name);
        tenants.createSandbox(new Tenant(id, name, List.of("Example Street 1"), vatId, country),
                today.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Given("the seller bills with the standard rule pack")
    public void standardPack() {
        pack.use(RulePackContent.of(RulePackLoader.fromClasspath(STANDARD_PACK, 1)));
    }

    @Given("the seller's plans are:")
    public void plans(DataTable table) {
        pack.withPlans(table.asMaps().stream().map(TaxSteps::plan).toList());
    }

    @Given("the seller's tax rates are:")
    public void taxRates(DataTable table) {
        pack.withTable(PackTables.TAX_RATES, Csv.of(table, List.of("country", "region", "zone", "rate", "label",
                "valid from", "valid to"), List.of("valid from", "valid to")));
    }

    @Given("the seller's prices include tax")
    public void pricesIncludeTax() {
        TaxSettings settings = pack.current().taxSettings();
        pack.withTaxSettings(new TaxSettings(true, settings.taxRounding()));
    }

    @Given("^the seller rounds tax (on each line|once per invoice)$")
    public void taxRounding(String where) {
        TaxSettings settings = pack.current().taxSettings();
        pack.withTaxSettings(new TaxSettings(settings.pricesIncludeTax(),
                where.equals("on each line") ? TaxRounding.LINE : TaxRounding.INVOICE));
    }

    @Given("a consumer {string} in {country} billed in {word}")
    public void consumer(String name, String country, String currency) {
        open(name, country, currency, null, TaxDetails.NONE);
    }

    @Given("a consumer {string} in {country}, region {word}, billed in {word}")
    public void consumerInRegion(String name, String country, String region, String currency) {
        open(name, country, currency, null, new TaxDetails(region, false, false, false, null));
    }

    @Given("a business customer {string} in {country} with valid VAT id {word} billed in {word}")
    public void businessWithValidVatId(String name, String country, String vatId, String currency) {
        open(name, country, currency, vatId, new TaxDetails(null, true, true, false, null));
    }

    @Given("a business customer {string} in {country} with VAT id {word} not validated, billed in {word}")
    public void businessWithUnvalidatedVatId(String name, String country, String vatId, String currency) {
        open(name, country, currency, vatId, new TaxDetails(null, true, false, false, null));
    }

    @Given("a tax-exempt customer {string} in {country} billed in {word}, exempt as {string}")
    public void exemptCustomer(String name, String country, String currency, String reason) {
        open(name, country, currency, null, new TaxDetails(null, false, false, true, reason));
    }

    @When("the seller validates the VAT id of {string}")
    public void validates(String customer) {
        BillingWorld.Customer c = world.customer(customer);
        AccountView account = accounts.find(c.seller(), c.account()).orElseThrow();
        TaxDetails tax = account.tax();
        commands.sendAndWait(new ChangeTaxDetailsCommand(c.seller(), c.account(), account.taxId(),
                new TaxDetails(tax.region(), true, true, tax.taxExempt(), tax.exemptionReason())));
    }

    private void open(String name, String country, String currency, String taxId, TaxDetails tax) {
        AccountId account = AccountId.random();
        commands.sendAndWait(new CreateAccountCommand(world.theSeller(), account, name, "billing@example.com",
                currency, country, "UTC", null, List.of("Customer Street 5"), taxId, tax));
        world.addCustomer(new BillingWorld.Customer(name, world.theSeller(), account));
    }

    @Then("the invoice of {string} dated {date} totals {money} of which tax {money}")
    public void customersInvoiceTotals(String customer, LocalDate date, Money total, Money tax) {
        InvoiceView invoice = invoiceOf(customer, date);
        assertThat(invoice.currency()).as("currency of the invoice of %s", customer).isEqualTo(total.currency());
        assertThat(invoice.total()).as("total of the invoice of %s", customer).isEqualByComparingTo(total.amount());
        assertThat(invoice.tax()).as("tax of the invoice of %s", customer).isEqualByComparingTo(tax.amount());
    }

    @Then("the invoice of {string} dated {date} shows these taxes:")
    public void customersInvoiceTaxes(String customer, LocalDate date, DataTable table) {
        checkTaxes(invoiceOf(customer, date), table);
    }

    @Then("invoice {word} shows these taxes:")
    public void taxes(String number, DataTable table) {
        checkTaxes(invoice(number), table);
    }

    private void checkTaxes(InvoiceView invoice, DataTable table) {
        String number = invoice.number();
        List<String> actual = invoice.taxes().stream().map(t -> row(t.label(), t.rate(),
                invoice.currency(), t.taxableAmount(), t.taxAmount())).toList();
        List<String> expected = table.asMaps().stream().map(r -> {
            Money base = Money.parse(r.get("taxed amount"));
            Money tax = Money.parse(r.get("amount"));
            return row(r.get("tax").strip(), new BigDecimal(r.get("rate").strip()), base.currency(), base.amount(),
                    tax.amount());
        }).toList();
        assertThat(actual).as("tax summary of invoice %s", number).containsExactlyElementsOf(expected);
        assertThat(invoice.taxes().stream().map(TaxSubtotal::taxAmount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the tax summary of invoice %s adds up to its tax", number).isEqualByComparingTo(invoice.tax());
    }

    @Then("the PDF of invoice {word} says {string}")
    public void pdfSays(String number, String words) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.render(invoice(number)))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).as("text of the PDF of invoice %s", number).contains(words);
        }
    }

    private static String row(String label, BigDecimal rate, String currency, BigDecimal base, BigDecimal tax) {
        return label + " | " + rate.stripTrailingZeros().toPlainString() + "% | " + currency + " "
                + base.stripTrailingZeros().toPlainString() + " | " + tax.stripTrailingZeros().toPlainString();
    }

    /** The one invoice of the customer with that date (the run numbers customers' invoices in no set order). */
    private InvoiceView invoiceOf(String customer, LocalDate date) {
        BillingWorld.Customer c = world.customer(customer);
        List<InvoiceView> matching = invoices.latest(world.theSeller(), 500).stream()
                .filter(i -> i.accountId().equals(c.account().value()) && i.invoiceDate().equals(date)).toList();
        assertThat(matching).as("invoices of %s dated %s", customer, BusinessDates.format(date)).hasSize(1);
        return matching.getFirst();
    }

    private InvoiceView invoice(String number) {
        List<InvoiceView> all = invoices.latest(world.theSeller(), 500);
        List<InvoiceView> matching = all.stream().filter(i -> number.equals(i.number())).toList();
        assertThat(matching).as("invoice %s; the seller's invoices are %s", number,
                all.stream().map(InvoiceView::number).toList()).hasSize(1);
        return matching.getFirst();
    }

    /** A price-table row as an analyst writes it (see CatalogSteps). */
    private static CatalogPlan plan(Map<String, String> row) {
        org.ratebook.rules.fact.Cadence cadence = org.ratebook.rules.fact.Cadence.parse(row.get("billed"));
        return new CatalogPlan(row.get("plan"), row.get("product"), row.get("currency"),
                new BigDecimal(row.get("price")), cadence.unit(), BillingMode.valueOf(
                row.getOrDefault("mode", "in advance").strip().toUpperCase(Locale.ROOT).replace(' ', '_')),
                row.get("phase"), row.get("lasts"), cadence.every());
    }
}
