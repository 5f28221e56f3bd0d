package org.ratebook.console;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratebook.engine.rulepack.RulePackImports;
import org.ratebook.rules.pack.RulePackLoader;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.BillingSettings;
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

/** Drafts through the HTTP API: preview, refusals (422, nothing written), discard, finalize; credit-note PDFs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvoiceDraftsApiTest {

    @LocalServerPort int port;
    @Autowired TenantRegistry tenants;
    @Autowired RulePackImports packs;
    @Autowired ApiKeys apiKeys;
    @Autowired JdbcTemplate jdbc;

    private ApiClient api;
    private TenantId tenant;

    @BeforeEach
    void newTenant() {
        tenant = TenantId.of("d-" + UUID.randomUUID().toString().substring(0, 8));
        tenants.create(new Tenant(tenant, "Draft Hosting Ltd", List.of("1 Cloud Street"), "GB123"));
        packs.importShipped(tenant, RulePackLoader.DEFAULT_PACK, LocalDate.of(2000, 1, 1));
        api = new ApiClient(port, apiKeys.issue(tenant, "test"));
    }

    private String subscribedAccount(String name) {
        String account = api.post("/api/v1/accounts", "{\"name\":\"" + name
                + "\",\"currency\":\"EUR\",\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\"}").json()
                .get("accountId").asText();
        assertThat(api.post("/api/v1/subscriptions", "{\"accountId\":\"" + account + "\",\"plan\":\"Pro\"}")
                .status()).isEqualTo(201);
        return account;
    }

    private String billed() {
        return api.post("/api/v1/billing-runs", "{}").json().get("issued").get(0).get("invoiceId").asText();
    }

    private int events() {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class);
    }

    @Test
    void aDraftIsPreviewedRefusesPaymentCreditAndVoidIsDiscardedBilledAgainAndFinalized() throws IOException {
        tenants.updateBillingSettings(tenant, new BillingSettings("INV", "{prefix}-{seq:6}", 14, 24));
        subscribedAccount("Draft GmbH");
        String draft = billed();

        JsonNode shown = api.get("/api/v1/invoices/" + draft).json();
        assertThat(shown.get("status").asText()).isEqualTo("DRAFT");
        assertThat(shown.get("number").isNull()).as("no number yet").isTrue();
        assertThat(shown.get("dueDate").isNull()).as("no due date yet").isTrue();
        assertThat(shown.get("total").asText()).isEqualTo("49.00");
        assertThat(shown.get("balance").asText()).as("a draft asks for nothing").isEqualTo("0.00");
        ApiClient.Response pdf = api.get("/api/v1/invoices/" + draft + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("DRAFT", "Draft invoice (not numbered yet)",
                    "49.00 EUR");
        }

        int before = events();
        ApiClient.Response payment = api.post("/api/v1/invoices/" + draft + "/payments", "{\"amount\":\"49.00\"}");
        assertThat(payment.status()).isEqualTo(422);
        assertThat(payment.json().get("detail").asText()).contains("is a draft");
        ApiClient.Response credit = api.post("/api/v1/invoices/" + draft + "/credit-notes",
                "{\"amount\":\"5.00\",\"reason\":\"goodwill\"}");
        assertThat(credit.status()).isEqualTo(422);
        ApiClient.Response voided = api.post("/api/v1/invoices/" + draft + "/void", "{\"reason\":\"wrong\"}");
        assertThat(voided.status()).isEqualTo(422);
        assertThat(events()).as("nothing written by the refusals").isEqualTo(before);

        ApiClient.Response discarded = api.post("/api/v1/invoices/" + draft + "/discard", "{\"reason\":\"wrong seats\"}");
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.json().get("status").asText()).isEqualTo("DISCARDED");
        before = events();
        assertThat(api.post("/api/v1/invoices/" + draft + "/discard", "{}").status()).isEqualTo(422);
        assertThat(api.post("/api/v1/invoices/" + draft + "/finalize", "").status()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);

        String again = billed();
        assertThat(again).as("billed again under a new id").isNotEqualTo(draft);
        ApiClient.Response finalized = api.post("/api/v1/invoices/" + again + "/finalize", "");
        assertThat(finalized.status()).isEqualTo(200);
        assertThat(finalized.json().get("status").asText()).isEqualTo("FINALIZED");
        assertThat(finalized.json().get("number").asText()).as("the discarded draft left no gap")
                .isEqualTo("INV-000001");
        assertThat(finalized.json().get("balance").asText()).isEqualTo("49.00");
        LocalDate due = LocalDate.parse(finalized.json().get("dueDate").asText());
        assertThat(due).isAfterOrEqualTo(LocalDate.parse(finalized.json().get("invoiceDate").asText()).plusDays(14));

        before = events();
        ApiClient.Response twice = api.post("/api/v1/invoices/" + again + "/finalize", "");
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().get("detail").asText()).contains("only a draft can be finalized");
        assertThat(api.post("/api/v1/invoices/" + again + "/discard", "{}").status()).isEqualTo(422);
        assertThat(events()).isEqualTo(before);
        assertThat(api.post("/api/v1/invoices/" + UUID.randomUUID() + "/finalize", "").status()).isEqualTo(404);
    }

    @Test
    void theSellerTurnsDraftReviewOnThroughTheApiAndBadSettingsChangeNothing() {
        JsonNode shown = api.get("/api/v1/billing-settings").json();
        assertThat(shown.get("draftReviewHours").isNull()).as("finalized when billed unless the seller says")
                .isTrue();
        assertThat(shown.get("numberingScope").asText()).as("one series per seller unless it says").isEqualTo("TENANT");

        for (String bad : List.of(
                "{\"invoicePrefix\":\"INV\",\"invoiceNumberFormat\":\"{prefix}-{yyyy}\",\"paymentTermsDays\":14}",
                "{\"invoicePrefix\":\"INV\",\"invoiceNumberFormat\":\"{prefix}-{week}-{seq}\",\"paymentTermsDays\":14}",
                "{\"invoicePrefix\":\"INV\",\"invoiceNumberFormat\":\"{prefix}-{seq:6}\",\"paymentTermsDays\":400}",
                "{\"invoicePrefix\":\"INV\",\"invoiceNumberFormat\":\"{prefix}-{seq:6}\",\"paymentTermsDays\":14,"
                        + "\"draftReviewHours\":0}",
                "{\"invoicePrefix\":\"IN V\",\"invoiceNumberFormat\":\"{prefix}-{seq:6}\",\"paymentTermsDays\":14}",
                // numbers per customer must show the customer, or two customers' first invoices would collide
                "{\"invoicePrefix\":\"INV\",\"invoiceNumberFormat\":\"{prefix}-{seq:6}\",\"paymentTermsDays\":14,"
                        + "\"numberingScope\":\"CUSTOMER\"}")) {
            ApiClient.Response refused = api.put("/api/v1/billing-settings", bad);
            assertThat(refused.status()).as(bad).isEqualTo(422);
            assertThat(refused.json().get("detail").asText()).isNotBlank();
        }
        assertThat(api.put("/api/v1/billing-settings", "{\"invoicePrefix\":\"INV\"}").status())
                .as("missing fields are a malformed request").isEqualTo(400);
        assertThat(tenants.billingSettings(tenant)).as("nothing changed by the refusals")
                .isEqualTo(new BillingSettings("INV", "{prefix}-{seq:6}", 14));

        ApiClient.Response saved = api.put("/api/v1/billing-settings", "{\"invoicePrefix\":\"ACME\","
                + "\"invoiceNumberFormat\":\"{prefix}-{yyyy}-{seq:4}\",\"paymentTermsDays\":30,\"draftReviewHours\":24}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().get("draftReviewHours").asInt()).isEqualTo(24);

        subscribedAccount("Reviewed GmbH");
        String draft = billed();
        assertThat(api.get("/api/v1/invoices/" + draft).json().get("status").asText()).isEqualTo("DRAFT");
        JsonNode finalized = api.post("/api/v1/invoices/" + draft + "/finalize", "").json();
        assertThat(finalized.get("number").asText()).as("numbered in the new format")
                .matches("ACME-\\d{4}-0001");
        assertThat(LocalDate.parse(finalized.get("dueDate").asText())).as("thirty days' terms")
                .isAfterOrEqualTo(LocalDate.parse(finalized.get("invoiceDate").asText()).plusDays(30));
    }

    @Test
    void aCreditNoteIsItsOwnPdf() throws IOException {
        subscribedAccount("Credited GmbH");
        String invoice = billed();
        ApiClient.Response note = api.post("/api/v1/invoices/" + invoice + "/credit-notes",
                "{\"amount\":\"10.00\",\"reason\":\"Outage on 3 March\"}");
        assertThat(note.status()).isEqualTo(201);
        String number = note.json().get("number").asText();
        assertThat(number).isEqualTo("CN-000001");

        ApiClient.Response pdf = api.get("/api/v1/invoices/" + invoice + "/credit-notes/" + number + ".pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Credit note CN-000001", "Credits invoice INV-000001", "Outage on 3 March",
                    "Credit note total", "10.00 EUR", "Taken off invoice INV-000001", "Draft Hosting Ltd",
                    "Credited GmbH");
        }
        assertThat(api.get("/api/v1/invoices/" + invoice + "/credit-notes/CN-999999.pdf").status()).isEqualTo(404);
    }

    @Test
    void openApiListsTheDraftAndCreditNoteEndpoints() {
        JsonNode paths = new ApiClient(port, null).get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/invoices/{invoiceId}/finalize")).isTrue();
        assertThat(paths.has("/api/v1/invoices/{invoiceId}/discard")).isTrue();
        assertThat(paths.has("/api/v1/invoices/{invoiceId}/credit-notes/{number}.pdf")).isTrue();
    }
}
