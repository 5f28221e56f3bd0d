package org.ratebook.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.rules.decision.DecisionService;
import org.ratebook.rules.pack.RulePackCompiler;
import org.ratebook.tenants.Tenant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Verifies an audit bundle offline — no database, no Spring: checks every file against the manifest's SHA-256,
 * then re-derives every invoice and credit note from the bundle's events and pack versions with the same decision
 * path as the application ({@link DecisionReplay}) and compares. Run as
 * {@code java -jar ratebook.jar verify-bundle FILE}; prints "identical" or each difference, exits 0 or 1.
 */
public final class BundleVerifier {

    static final int MAX_ENTRIES = 100_000;
    static final long MAX_BYTES = 1L << 30;

    /** The outcome: every re-derived document, and problems with the bundle itself (hashes, files). */
    public record Report(List<Rederivation> documents, List<Rederivation.Difference> bundleProblems) {
        public boolean identical() {
            return bundleProblems.isEmpty() && documents.stream().allMatch(Rederivation::identical);
        }
    }

    private final ObjectMapper json = AxonConfiguration.eventMapper();
    private final DecisionReplay replay = new DecisionReplay(new DecisionService(new RulePackCompiler(Clock.systemUTC())));

    /** {@code verify-bundle FILE}: prints the report; 0 when identical, 1 when not, 2 when it cannot be read. */
    public static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("usage: java -jar ratebook.jar verify-bundle FILE");
            return 2;
        }
        try {
            Report report = new BundleVerifier().verify(Files.readAllBytes(Path.of(args[1])));
            print(report, out);
            return report.identical() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            out.println("cannot verify " + args[1] + ": " + e.getMessage());
            return 2;
        }
    }

    static void print(Report report, PrintStream out) {
        report.bundleProblems().forEach(d -> out.println("bundle: " + d.item() + " " + d.field() + ": manifest "
                + d.stored() + ", found " + d.rederived()));
        for (Rederivation r : report.documents()) {
            String name = r.kind() + " " + (r.number() == null ? r.documentId() : r.number()) + " of " + r.date();
            if (r.identical()) {
                out.println(name + ": identical");
            } else {
                r.differences().forEach(d -> out.println(name + ": " + d.item() + " " + d.field() + ": stored "
                        + d.stored() + ", re-derived " + d.rederived()));
            }
        }
        out.println(report.identical() ? "identical (" + report.documents().size() + " documents re-derived)"
                : "NOT identical");
    }

    public Report verify(byte[] zip) throws IOException {
        Map<String, byte[]> files = unzip(zip);
        List<Rederivation.Difference> problems = new ArrayList<>();
        byte[] manifestBytes = files.get(AuditBundle.MANIFEST);
        if (manifestBytes == null) {
            problems.add(new Rederivation.Difference(AuditBundle.MANIFEST, "file", "present", "missing"));
            return new Report(List.of(), problems);
        }
        JsonNode manifest = json.readTree(manifestBytes);
        JsonNode hashes = manifest.path("sha256");
        for (Iterator<Map.Entry<String, JsonNode>> it = hashes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            byte[] bytes = files.get(h.getKey());
            String found = bytes == null ? "missing" : AuditBundle.sha256(bytes);
            if (!h.getValue().asText().equals(found)) {
                problems.add(new Rederivation.Difference(h.getKey(), "sha256", h.getValue().asText(), found));
            }
        }
        files.keySet().stream().filter(f -> !f.equals(AuditBundle.MANIFEST) && !hashes.has(f))
                .forEach(f -> problems.add(new Rederivation.Difference(f, "file", "(not in the manifest)", "present")));

        Tenant tenant = json.readValue(files.get(AuditBundle.TENANT), Tenant.class);
        EventHistory reader = EventHistory.offline();
        List<AuditEvent> events = new ArrayList<>();
        for (String line : new String(files.get(AuditBundle.EVENTS), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode e = json.readTree(line);
            events.add(reader.parse(e.path("globalIndex").asLong(), e.path("aggregateId").asText(),
                    e.path("sequence").asLong(), e.path("aggregateType").asText(null), e.path("payloadType").asText(),
                    e.path("timestamp").asText(), e.path("payload").asText(), e.path("metadata").asText()));
        }
        events.sort(Comparator.comparingLong(AuditEvent::globalIndex));
        List<AuditEvent> packEvents = events.stream()
                .filter(e -> EventHistory.payloadType(e).startsWith("org.ratebook.engine.rulepack.api.")).toList();
        List<AuditEvent> accountEvents = events.stream().filter(e -> !packEvents.contains(e)).toList();

        List<Rederivation> documents = new ArrayList<>();
        for (JsonNode doc : manifest.path("invoices")) {
            String id = doc.path("invoiceId").asText();
            List<AuditEvent> own = accountEvents.stream().filter(e -> e.aggregateId().equals(id)).toList();
            if (own.isEmpty()) {
                problems.add(new Rederivation.Difference("invoice " + id, "events", "present", "missing"));
                continue;
            }
            Rederivation invoice = DocumentRederivation.rederiveInvoice(tenant, UUID.fromString(id), own,
                    accountEvents, packEvents, replay);
            documents.add(withDocument(invoice, files, doc, own));
            documents.addAll(DocumentRederivation.creditNotes(own));
        }
        return new Report(documents, problems);
    }

    /** The invoice's JSON document must show the total its events (and the re-derivation) have. */
    private Rederivation withDocument(Rederivation invoice, Map<String, byte[]> files, JsonNode doc,
                                      List<AuditEvent> own) throws IOException {
        String name = doc.path("number").isNull() || doc.path("number").isMissingNode()
                ? "draft-" + doc.path("invoiceId").asText() : doc.path("number").asText();
        byte[] document = files.get("invoices/" + name + ".json");
        if (document == null) {
            return invoice;
        }
        JsonNode view = json.readTree(document);
        List<Rederivation.Difference> differences = new ArrayList<>(invoice.differences());
        JsonNode total = view.path("total");
        BigDecimal eventTotal = switch (own.get(0).payload()) {
            case org.ratebook.engine.invoicing.api.InvoiceIssuedEvent e -> e.total();
            case org.ratebook.engine.invoicing.api.InvoiceDraftedEvent e -> e.total();
            case null, default -> null;
        };
        if (!total.isMissingNode() && eventTotal != null && total.decimalValue().compareTo(eventTotal) != 0) {
            differences.add(new Rederivation.Difference("invoices/" + name + ".json", "total",
                    eventTotal.toPlainString(), total.decimalValue().toPlainString()));
        }
        return new Rederivation(invoice.documentId(), invoice.kind(), invoice.number(), invoice.accountId(),
                invoice.date(), invoice.packVersion(), differences.isEmpty(), differences, invoice.eventsFolded());
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (files.size() >= MAX_ENTRIES) {
                    throw new IOException("more than " + MAX_ENTRIES + " files in the bundle");
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BYTES - total + 1));
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw new IOException("the bundle unpacks to more than " + MAX_BYTES + " bytes");
                }
                files.put(entry.getName(), bytes);
            }
        }
        return files;
    }
}
