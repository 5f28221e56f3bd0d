package org.ratebook.engine.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.invoicing.api.InvoiceDraftedEvent;
import org.ratebook.engine.invoicing.api.InvoiceIssuedEvent;
import org.ratebook.engine.invoicing.pdf.CreditNotePdfRenderer;
import org.ratebook.engine.invoicing.pdf.InvoicePdfRenderer;
import org.ratebook.engine.invoicing.query.CreditNoteTaxes;
import org.ratebook.engine.invoicing.query.CreditNoteView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.engine.invoicing.query.InvoiceView;
import org.ratebook.tenants.Tenant;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantRegistry;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One zip an auditor can take away: for an account and a period, every event of the account (and of the child
 * accounts whose invoices it receives) and of the tenant's rule pack, the full content of every pack version its
 * invoices used, the invoices and credit notes of the period as JSON and PDF, the seller, and a manifest of SHA-256
 * hashes. {@link BundleVerifier} re-derives every invoice from it with no database.
 */
@Service
public class AuditBundle {

    public static final String FORMAT = "ratebook-audit-bundle/1";
    public static final String MANIFEST = "manifest.json";
    public static final String EVENTS = "events.jsonl";
    public static final String TENANT = "tenant.json";

    private final EventHistory history;
    private final TenantRegistry tenants;
    private final InvoiceQueries invoices;
    private final InvoicePdfRenderer invoicePdf;
    private final CreditNotePdfRenderer creditNotePdf;
    private final Clock clock;
    private final ObjectMapper json = AxonConfiguration.eventMapper();

    public AuditBundle(EventHistory history, TenantRegistry tenants, InvoiceQueries invoices,
                       InvoicePdfRenderer invoicePdf, CreditNotePdfRenderer creditNotePdf, Clock clock) {
        this.history = history;
        this.tenants = tenants;
        this.invoices = invoices;
        this.invoicePdf = invoicePdf;
        this.creditNotePdf = creditNotePdf;
        this.clock = clock;
    }

    /** The bundle of the account's invoices dated within [from, to]. @throws NotFoundException unknown account */
    public byte[] export(TenantId tenantId, AccountId account, LocalDate from, LocalDate to) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new NotFoundException("no tenant " + tenantId));
        Map<Long, AuditEvent> events = new java.util.TreeMap<>();
        history.ofAccount(tenantId, account).forEach(e -> events.put(e.globalIndex(), e));
        if (events.isEmpty()) {
            throw new NotFoundException("no account " + account);
        }
        for (AuditEvent link : history.parentLinks(tenantId)) {
            if (link.payload() instanceof ParentAccountSetEvent p && account.equals(p.parentAccountId())) {
                history.ofAccount(tenantId, p.accountId()).forEach(e -> events.put(e.globalIndex(), e));
            }
        }
        List<AuditEvent> packEvents = history.ofRulePack(tenantId);
        packEvents.forEach(e -> events.put(e.globalIndex(), e));

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(TENANT, write(tenant));
        StringBuilder lines = new StringBuilder();
        for (AuditEvent e : events.values()) {
            ObjectNode line = json.createObjectNode();
            line.put("globalIndex", e.globalIndex());
            line.put("aggregateId", e.aggregateId());
            line.put("sequence", e.sequence());
            line.put("aggregateType", e.aggregateType());
            line.put("payloadType", EventHistory.payloadType(e));
            line.put("timestamp", e.recordedAt().toString());
            line.put("payload", e.json().toString());
            line.put("metadata", write(e.metadata()).length == 0 ? "{}" : new String(write(e.metadata()),
                    StandardCharsets.UTF_8));
            lines.append(line).append('\n');
        }
        files.put(EVENTS, lines.toString().getBytes(StandardCharsets.UTF_8));

        PackHistory packs = PackHistory.of(packEvents, Long.MAX_VALUE);
        Set<Integer> versions = new TreeSet<>();
        ArrayNode documents = json.createArrayNode();
        for (AuditEvent e : events.values()) {
            UUID invoiceId;
            LocalDate date;
            int version;
            if (e.payload() instanceof InvoiceIssuedEvent i && i.accountId().equals(account)) {
                invoiceId = i.invoiceId().value();
                date = i.invoiceDate();
                version = i.pack().version();
            } else if (e.payload() instanceof InvoiceDraftedEvent d && d.accountId().equals(account)) {
                invoiceId = d.invoiceId().value();
                date = d.invoiceDate();
                version = d.pack().version();
            } else {
                continue;
            }
            if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))
                    || documents.findValuesAsText("invoiceId").contains(invoiceId.toString())) {
                continue;
            }
            versions.add(version);
            ObjectNode doc = documents.addObject();
            doc.put("invoiceId", invoiceId.toString());
            InvoiceView view = invoices.find(tenantId, invoiceId).orElse(null);
            if (view == null) {
                continue;
            }
            String name = view.number() != null ? view.number() : "draft-" + invoiceId;
            doc.put("number", view.number());
            files.put("invoices/" + name + ".json", write(view));
            files.put("invoices/" + name + ".pdf", invoicePdf.render(view));
            for (CreditNoteView note : invoices.creditNotes(tenantId, invoiceId)) {
                files.put("credit-notes/" + note.number() + ".json", write(note));
                RoundingMode rounding = packs.version(version).map(p -> p.rounding()).orElse(RoundingMode.HALF_UP);
                files.put("credit-notes/" + note.number() + ".pdf", creditNotePdf.render(note, view,
                        CreditNoteTaxes.of(note, view, rounding)));
            }
        }
        for (int v : versions) {
            packs.content(v).ifPresent(c -> files.put("packs/v" + v + ".json", write(c)));
        }

        ObjectNode manifest = json.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.put("tenant", tenantId.value());
        manifest.put("accountId", account.toString());
        manifest.put("from", from == null ? null : from.toString());
        manifest.put("to", to == null ? null : to.toString());
        manifest.put("createdAt", clock.instant().toString());
        manifest.set("invoices", documents);
        ObjectNode hashes = manifest.putObject("sha256");
        files.forEach((path, bytes) -> hashes.put(path, sha256(bytes)));
        files.put(MANIFEST, write(manifest));
        return zip(files);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
