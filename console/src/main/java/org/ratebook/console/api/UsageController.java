package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.infra.AxonConfiguration;
import org.ratebook.engine.subscription.api.SubscriptionId;
import org.ratebook.engine.subscription.projection.SubscriptionProjection;
import org.ratebook.engine.usage.Aggregation;
import org.ratebook.engine.usage.BatchTooLargeException;
import org.ratebook.engine.usage.Meter;
import org.ratebook.engine.usage.MeterUsage;
import org.ratebook.engine.usage.Meters;
import org.ratebook.engine.usage.UsageEvent;
import org.ratebook.engine.usage.UsageIngestion;
import org.ratebook.engine.usage.UsageOutcome;
import org.ratebook.engine.usage.UsageQueries;
import org.ratebook.engine.usage.Weighting;
import org.ratebook.engine.rating.UsageEstimates;
import org.ratebook.engine.rating.UsageSpikes;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Usage", description = "Meters, usage ingestion (idempotent by transactionId) and current usage")
public class UsageController {

    /**
     * One event's outcome; {@code position} is its place in the request (0-based); {@code subscriptionId} the
     * subscription it counts for (for an event sent with only its accountId, the one it was attributed to).
     */
    public record Result(int position, String transactionId, String status, String reason, UUID subscriptionId) {
    }

    public record IngestResponse(int accepted, int duplicates, int rejected, List<Result> results) {
    }

    public record MeterRequest(String code, String unit, String aggregation, Boolean correctable, String property,
                               String per) {
    }

    /**
     * Usage per meter over [from, to), and the estimate of the subscription's current usage period (its billing
     * period, in the account's time zone) rated by the pack in effect at its end; null when not in service.
     */
    public record UsageResponse(UUID subscriptionId, Instant from, Instant to, List<MeterUsage> meters,
                                EstimateResponse estimate) {
    }

    /** What the current period's usage would cost if it ended now: lines as the invoice would show them. */
    public record EstimateResponse(LocalDate from, LocalDate to, String currency, String rulePack, int rulePackVersion,
                                   List<EstimatedLine> lines, String amount, String tax) {
        static EstimateResponse of(UsageEstimates.Estimate e) {
            return new EstimateResponse(e.from(), e.to(), e.currency(), e.packName(), e.packVersion(),
                    e.lines().stream().map(EstimatedLine::of).toList(), e.amount().toPlainString(),
                    e.taxAmount().toPlainString());
        }
    }

    public record EstimatedLine(String itemType, String description, String meter, String unit, String quantity,
                                long transactions, String unitPrice, String amount, String tax,
                                List<ApiDtos.TierResponse> tiers, List<String> rules) {
        static EstimatedLine of(UsageEstimates.Line l) {
            return new EstimatedLine(l.itemType(), l.description(), l.meter(), l.unit(), ApiDtos.plain(l.quantity()),
                    l.transactions(), ApiDtos.plain(l.unitPrice()), l.amount().toPlainString(),
                    l.taxAmount().toPlainString(), l.tiers().stream().map(ApiDtos.TierResponse::of).toList(),
                    l.rules());
        }
    }

    /** An event that could not even be read: it is rejected where it stands, the rest go on. */
    private record Parsed(UsageEvent event, String problem) {
    }

    private final UsageIngestion ingestion;
    private final Meters meters;
    private final UsageQueries usage;
    private final SubscriptionProjection subscriptions;
    private final TenantClocks clocks;
    private final UsageEstimates estimates;
    private final UsageSpikes spikes;
    private final ObjectMapper json = AxonConfiguration.eventMapper();

    public UsageController(UsageIngestion ingestion, Meters meters, UsageQueries usage,
                           SubscriptionProjection subscriptions, TenantClocks clocks, UsageEstimates estimates,
                           UsageSpikes spikes) {
        this.ingestion = ingestion;
        this.meters = meters;
        this.usage = usage;
        this.subscriptions = subscriptions;
        this.clocks = clocks;
        this.estimates = estimates;
        this.spikes = spikes;
    }

    @RequiresScope(Scope.BILLING)
    @PostMapping("/api/v1/meters")
    @Operation(summary = "Define a meter (code, unit, aggregation SUM|MAX|COUNT|UNIQUE_COUNT|LAST|TIME_WEIGHTED, "
            + "correctable; property for UNIQUE_COUNT; per HOUR|DAY|PERIOD for TIME_WEIGHTED)")
    public ResponseEntity<Meter> defineMeter(@RequestBody MeterRequest body) {
        Meter meter;
        Aggregation aggregation;
        Weighting per;
        try {
            aggregation = body.aggregation() == null ? null
                    : Aggregation.valueOf(body.aggregation().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("aggregation must be one of " + java.util.Arrays.toString(Aggregation.values()));
        }
        try {
            per = body.per() == null ? null : Weighting.valueOf(body.per().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("per must be one of " + java.util.Arrays.toString(Weighting.values()));
        }
        try {
            meter = new Meter(body.code(), body.unit(), aggregation, Boolean.TRUE.equals(body.correctable()),
                    body.property(), per);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        meters.define(CurrentCaller.tenant(), meter);
        return ResponseEntity.status(HttpStatus.CREATED).body(meter);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/api/v1/meters")
    @Operation(summary = "The tenant's meters")
    public List<Meter> meters() {
        return meters.all(CurrentCaller.tenant());
    }

    @RequiresScope(Scope.USAGE_WRITE)
    @PostMapping(value = "/api/v1/usage", consumes = "application/json")
    @Operation(summary = "Record usage: one event, or {\"events\": [...]} with up to 10,000",
            description = "Each event: transactionId, subscriptionId (or accountId: the event then counts for the "
                    + "account's one active subscription on the event's date), meter, quantity (decimal string or "
                    + "number), timestamp (ISO instant), properties (an object of strings, numbers or booleans, "
                    + "stored with the event). Every event gets an outcome: ACCEPTED, DUPLICATE (the transactionId "
                    + "was already recorded for that subscription) or REJECTED with a reason, and the subscription "
                    + "it counts for. Accepted events are durable when the response is sent.")
    public IngestResponse ingest(@RequestBody String body) {
        JsonNode root = readTree(body);
        JsonNode events = root.has("events") ? root.get("events") : null;
        List<Parsed> parsed = new ArrayList<>();
        if (events == null) {
            parsed.add(parse(root));
        } else if (events.isArray()) {
            if (events.size() > UsageIngestion.MAX_BATCH) {
                throw new BatchTooLargeException("a batch holds at most " + UsageIngestion.MAX_BATCH
                        + " events, this one has " + events.size() + "; split it");
            }
            events.forEach(node -> parsed.add(parse(node)));
        } else {
            throw new BadRequest("'events' must be an array of usage events");
        }
        return ingestAll(CurrentCaller.tenant(), parsed, true);
    }

    @RequiresScope(Scope.USAGE_WRITE)
    @PostMapping(value = "/api/v1/usage", consumes = {"application/x-ndjson", "text/csv"})
    @Operation(summary = "Bulk upload: NDJSON (one event per line) or CSV (header: "
            + "transactionId,subscriptionId or accountId,meter,quantity,timestamp)",
            description = "Any size: read as a stream and stored in batches of 10,000, each durable before the "
                    + "next. The response lists rejected and duplicate events, not every accepted one.")
    public IngestResponse upload(HttpServletRequest request) throws IOException {
        TenantId tenant = CurrentCaller.tenant();
        boolean csv = request.getContentType().toLowerCase(Locale.ROOT).startsWith("text/csv");
        Totals totals = new Totals();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(request.getInputStream(),
                StandardCharsets.UTF_8))) {
            String[] header = csv ? csvHeader(reader.readLine()) : null;
            List<Parsed> chunk = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                chunk.add(csv ? parseCsv(header, line) : parseLine(line));
                if (chunk.size() == UsageIngestion.MAX_BATCH) {
                    totals.add(ingestAll(tenant, chunk, false), chunk.size());
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                totals.add(ingestAll(tenant, chunk, false), chunk.size());
            }
        }
        return totals.response();
    }

    /** Outcomes of a bulk upload added up over its batches; positions count from the start of the upload. */
    private static final class Totals {
        private int accepted;
        private int duplicates;
        private int rejected;
        private int offset;
        private final List<Result> notAccepted = new ArrayList<>();

        void add(IngestResponse part, int size) {
            accepted += part.accepted();
            duplicates += part.duplicates();
            rejected += part.rejected();
            int base = offset;
            part.results().forEach(r -> notAccepted.add(new Result(base + r.position(), r.transactionId(), r.status(),
                    r.reason(), r.subscriptionId())));
            offset += size;
        }

        IngestResponse response() {
            return new IngestResponse(accepted, duplicates, rejected, notAccepted);
        }
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/api/v1/subscriptions/{subscriptionId}/usage")
    @Operation(summary = "Usage per meter over [from, to) (default: the current calendar month, UTC), and the "
            + "estimated charge of the current usage period, rated by the rule pack in effect")
    public UsageResponse usage(@PathVariable UUID subscriptionId, @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to) {
        TenantId tenant = CurrentCaller.tenant();
        subscriptions.find(tenant, new SubscriptionId(subscriptionId))
                .orElseThrow(() -> new NotFoundException("subscription " + subscriptionId + " does not exist"));
        LocalDate today = LocalDate.now(clocks.of(tenant));
        Instant start = from != null ? from : today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to != null ? to : today.withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!start.isBefore(end)) {
            throw new BadRequest("from must be before to");
        }
        return new UsageResponse(subscriptionId, start, end, usage.usage(tenant, subscriptionId, start, end),
                estimates.current(tenant, new SubscriptionId(subscriptionId)).map(EstimateResponse::of).orElse(null));
    }

    /** A period whose usage the tenant's rules flagged as unusual. */
    public record SpikeResponse(UUID invoiceId, UUID subscriptionId, UUID accountId, String meter, LocalDate from,
                                LocalDate to, String quantity, String trailingAverage, String reason, String rule,
                                LocalDate flaggedOn) {
        static SpikeResponse of(UsageSpikes.Spike s) {
            return new SpikeResponse(s.invoiceId(), s.subscriptionId(), s.accountId(), s.meter(), s.from(), s.to(),
                    s.quantity().toPlainString(), s.trailingAverage() == null ? null : s.trailingAverage().toPlainString(),
                    s.reason(), s.rule(), s.flaggedOn());
        }
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/api/v1/usage-spikes")
    @Operation(summary = "Usage the tenant's rules flagged as unusual (e.g. 3× the trailing average), newest first",
            description = "Flagged when the invoice billing the period is decided; the invoice itself is unchanged.")
    public List<SpikeResponse> spikes(@RequestParam(defaultValue = "50") int limit) {
        return spikes.latest(CurrentCaller.tenant(), Math.max(1, Math.min(limit, 500))).stream()
                .map(SpikeResponse::of).toList();
    }

    private IngestResponse ingestAll(TenantId tenant, List<Parsed> parsed, boolean everyResult) {
        List<UsageEvent> readable = new ArrayList<>();
        for (Parsed p : parsed) {
            if (p.problem() == null) {
                readable.add(p.event());
            }
        }
        List<UsageOutcome> outcomes = ingestion.ingest(tenant, readable);
        List<Result> results = new ArrayList<>();
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        int next = 0;
        for (int position = 0; position < parsed.size(); position++) {
            Parsed p = parsed.get(position);
            Result result = p.problem() != null
                    ? new Result(position, p.event() == null ? null : p.event().transactionId(), "REJECTED", p.problem(),
                            null)
                    : toResult(position, outcomes.get(next++));
            switch (result.status()) {
                case "ACCEPTED" -> accepted++;
                case "DUPLICATE" -> duplicates++;
                default -> rejected++;
            }
            if (everyResult || !"ACCEPTED".equals(result.status())) {
                results.add(result);
            }
        }
        return new IngestResponse(accepted, duplicates, rejected, results);
    }

    private static Result toResult(int position, UsageOutcome outcome) {
        return new Result(position, outcome.transactionId(), outcome.status().name(), outcome.reason(),
                outcome.subscriptionId());
    }

    private JsonNode readTree(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node == null || !node.isObject()) {
                throw new BadRequest("the body must be a usage event or {\"events\": [...]}");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private Parsed parseLine(String line) {
        try {
            return parse(json.readTree(line));
        } catch (IOException e) {
            return new Parsed(null, "line is not valid JSON");
        }
    }

    private static Parsed parse(JsonNode node) {
        String transactionId = text(node, "transactionId");
        UsageEvent partial = new UsageEvent(transactionId, null, null, null, null, null);
        String propertiesProblem = null;
        Map<String, String> properties = new LinkedHashMap<>();
        JsonNode given = node.get("properties");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                propertiesProblem = "properties must be an object";
            } else {
                for (var property : given.properties()) {
                    JsonNode value = property.getValue();
                    if (value.isContainerNode()) {
                        propertiesProblem = "property '" + property.getKey() + "' is " + (value.isArray() ? "an array"
                                : "an object") + "; properties take strings, numbers or booleans";
                        break;
                    }
                    if (!value.isNull()) {
                        properties.put(property.getKey(), value.asText());
                    }
                }
            }
        }
        if (propertiesProblem != null) {
            return new Parsed(partial, propertiesProblem);
        }
        try {
            String quantity = text(node, "quantity");
            String timestamp = text(node, "timestamp");
            return new Parsed(new UsageEvent(transactionId, uuid(node, "subscriptionId"), text(node, "meter"),
                    quantity == null ? null : new BigDecimal(quantity),
                    timestamp == null ? null : Instant.parse(timestamp), properties, uuid(node, "accountId")), null);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return new Parsed(partial, "unreadable field: " + (e instanceof NumberFormatException
                    ? "quantity is not a decimal number" : e.getMessage()));
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not a UUID: " + value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String[] csvHeader(String line) {
        if (line == null) {
            throw new BadRequest("the CSV upload is empty; it needs a header line");
        }
        String[] header = line.split(",", -1);
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].strip();
        }
        List<String> columns = List.of(header);
        if (!columns.containsAll(List.of("transactionId", "meter", "quantity", "timestamp"))
                || !(columns.contains("subscriptionId") || columns.contains("accountId"))) {
            throw new BadRequest("the CSV header must name transactionId, subscriptionId or accountId, meter, quantity "
                    + "and timestamp");
        }
        return header;
    }

    private Parsed parseCsv(String[] header, String line) {
        String[] cells = line.split(",", -1);
        if (cells.length != header.length) {
            return new Parsed(null, "expected " + header.length + " columns, found " + cells.length);
        }
        var node = json.createObjectNode();
        for (int i = 0; i < header.length; i++) {
            node.put(header[i], cells[i].strip().isEmpty() ? null : cells[i].strip());
        }
        return parse(node);
    }
}
