package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Tax details of accounts, coupons and the tax summary of invoices, through the HTTP API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaxAndDiscountApiTest {

    private static final String REVERSE_CHARGE =
            "Reverse charge: VAT to be accounted for by the recipient (Art. 196 VAT Directive)";

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired JdbcTemplate jdbc;

    private ApiClient api;
    private TenantId tenant;

    @BeforeEach
    void germanTenantOnTheStandardPack() {
        tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Berlin Hosting GmbH", List.of("Hauptstr. 1"), "DE811907980", "DE"));
        packs.importShipped(tenant, "org/ratebook/rules/packs/standard", LocalDate.of(2000, 1, 1));
        api = new ApiClient(port, apiKeys.issue(tenant, "test"));
    }

    private String frenchBusiness() {
        ApiClient.Response created = api.post("/api/v1/accounts", """
                {"name":"Globex SARL","currency":"EUR","country":"FR","taxId":"FR40303265045",
                 "business":true,"taxIdValid":true}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("taxIdValid").asBoolean()).isTrue();
        return created.json().get("accountId").asText();
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE tenant_id = ?", Long.class,
                tenant.value());
    }

    @Test
    void aReverseChargedInvoiceWithACouponShowsItsDiscountLineAndTaxSummaryInJsonAndPdf() throws IOException {
        String account = frenchBusiness();
        ApiClient.Response redeemed = api.post("/api/v1/accounts/" + account + "/coupons", "{\"code\":\"welcome20\"}");
        assertThat(redeemed.status()).isEqualTo(201);
        assertThat(redeemed.json().get("code").asText()).isEqualTo("WELCOME20");
        assertThat(redeemed.json().get("periodsLeft").asInt()).isEqualTo(3);
        api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}");

        String invoiceId = api.post("/api/v1/billing-runs", "{}").json().get("issued").get(0).get("invoiceId").asText();

        JsonNode invoice = api.get("/api/v1/invoices/" + invoiceId).json();
        assertThat(invoice.get("total").asText()).isEqualTo("39.20");
        assertThat(invoice.get("tax").asText()).isEqualTo("0.00");
        JsonNode discount = invoice.get("lines").get(1);
        assertThat(discount.get("itemType").asText()).isEqualTo("DISCOUNT");
        assertThat(discount.get("amount").asText()).isEqualTo("-9.80");
        assertThat(discount.get("discountOf").asInt()).isEqualTo(1);
        assertThat(discount.get("coupon").asText()).isEqualTo("WELCOME20");
        JsonNode taxes = invoice.get("taxes");
        assertThat(taxes).hasSize(1);
        assertThat(taxes.get(0).get("label").asText()).isEqualTo(REVERSE_CHARGE);
        assertThat(taxes.get(0).get("rate").asText()).isEqualTo("0");
        assertThat(taxes.get(0).get("taxableAmount").asText()).isEqualTo("39.20");
        assertThat(taxes.get(0).get("taxAmount").asText()).isEqualTo("0.00");

        try (PDDocument document = Loader.loadPDF(api.get("/api/v1/invoices/" + invoiceId + ".pdf").body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Tax summary", REVERSE_CHARGE, "39.20 EUR", "Coupon WELCOME20: 20% off");
        }

        JsonNode coupons = api.get("/api/v1/accounts/" + account + "/coupons").json();
        assertThat(coupons).hasSize(1);
        assertThat(coupons.get(0).get("periodsUsed").asInt()).isEqualTo(1);
        assertThat(coupons.get(0).get("periodsLeft").asInt()).isEqualTo(2);
    }

    @Test
    void unknownAndRepeatedCouponsAre422ProblemsAndStoreNothing() {
        String account = frenchBusiness();
        assertThat(api.post("/api/v1/accounts/" + account + "/coupons", "{\"code\":\"WELCOME20\"}").status())
                .isEqualTo(201);
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        ApiClient.Response again = api.post("/api/v1/accounts/" + account + "/coupons", "{\"code\":\"WELCOME20\"}");
        ApiClient.Response unknown = api.post("/api/v1/accounts/" + account + "/coupons", "{\"code\":\"FREEBEER\"}");
        ApiClient.Response blank = api.post("/api/v1/accounts/" + account + "/coupons", "{\"code\":\"\"}");

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains("a coupon is redeemed once per account");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("there is no coupon 'FREEBEER' in rule pack standard v1");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(count("coupon_redemptions")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class)).isEqualTo(eventsBefore);
    }

    @Test
    void aVatIdThatIsNotOfTheCustomersCountryIsRefusedAndNoAccountIsOpened() {
        ApiClient.Response response = api.post("/api/v1/accounts", """
                {"name":"Globex SARL","currency":"EUR","country":"FR","taxId":"DE811907980","taxIdValid":true}""");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asText()).contains("is not a VAT id of FR");
        assertThat(count("accounts")).isZero();
    }

    @Test
    void taxDetailsChangedLaterAreReadBackAndAnExemptionNeedsItsReason() {
        String account = frenchBusiness();
        ApiClient.Response noReason = api.put("/api/v1/accounts/" + account + "/tax-details",
                "{\"taxId\":\"FR40303265045\",\"taxExempt\":true}");
        assertThat(noReason.status()).isEqualTo(422);

        ApiClient.Response exempt = api.put("/api/v1/accounts/" + account + "/tax-details",
                "{\"taxId\":\"FR40303265045\",\"business\":true,\"taxExempt\":true,\"exemptionReason\":\"diplomatic mission\"}");
        assertThat(exempt.status()).isEqualTo(200);
        assertThat(exempt.json().get("taxExempt").asBoolean()).isTrue();
        assertThat(exempt.json().get("taxIdValid").asBoolean()).isFalse();
        assertThat(exempt.json().get("exemptionReason").asText()).isEqualTo("diplomatic mission");
    }

    @Test
    void anotherTenantsAccountHasNoCoupons() {
        String account = frenchBusiness();
        TenantId other = TenantId.of("o-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(other, "Other", List.of(), null));
        packs.importShipped(other, "org/ratebook/rules/packs/standard", LocalDate.of(2000, 1, 1));
        ApiClient otherApi = new ApiClient(port, apiKeys.issue(other, "test"));

        assertThat(otherApi.get("/api/v1/accounts/" + account + "/coupons").status()).isEqualTo(404);
        assertThat(otherApi.post("/api/v1/accounts/" + account + "/coupons", "{\"code\":\"WELCOME20\"}").status())
                .isEqualTo(404);
        assertThat(otherApi.put("/api/v1/accounts/" + account + "/tax-details", "{}").status()).isEqualTo(404);
        assertThat(count("coupon_redemptions")).isZero();
    }

    @Test
    void aRulePackVersionShowsItsTablesAndTaxSettings() {
        JsonNode pack = api.get("/api/v1/rule-packs/1").json();
        assertThat(pack.get("tables").get("tax.rates").asText()).contains("FR,,EU,20,VAT 20%,,");
        assertThat(pack.get("tables").get("discount.coupons").asText()).contains("WELCOME20");
        assertThat(pack.get("taxSettings").get("taxRounding").asText()).isEqualTo("LINE");
    }
}
