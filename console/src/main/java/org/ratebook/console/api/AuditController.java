package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import org.ratebook.console.audit.AuditService;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.engine.audit.AccountStateAsOf;
import org.ratebook.engine.audit.AuditEvent;
import org.ratebook.engine.audit.EventHistory;
import org.ratebook.engine.audit.Rederivation;
import org.ratebook.engine.audit.SelfCheck;
import org.ratebook.engine.audit.TimelinePage;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The audit over REST: timelines, state as of a day, re-derivation, bundles, the self-check. Read-only for billing.
 * In the api package so {@link ApiProblemHandler} turns its errors into problems; the work is in
 * {@link AuditService}, which checks the caller's role.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Audit", description = "Replay the event history: timelines, state as of a day, re-derived invoices")
public class AuditController {

    /** A timeline entry; {@code who} is "unknown" when neither metadata nor payload names anyone. */
    public record EventEntry(long position, String type, LocalDate businessDate, Instant recordedAt, String who,
                             Integer rulePackVersion, String summary, String aggregateId) {
        static EventEntry of(AuditEvent e) {
            return new EventEntry(e.globalIndex(), e.type(), e.businessDate(), e.recordedAt(), e.who(),
                    e.packVersion(), e.summary(), e.aggregateId());
        }
    }

    public record TimelineResponse(List<EventEntry> events, Long next, int total) {
    }

    /** {@code payload} as stored, as plain JSON (exact decimals). */
    public record EventDetail(EventEntry event, Object payload, Map<String, Object> metadata) {
    }

    // the stored payload is a Jackson 2 tree (Axon's mapper); Spring MVC writes with Jackson 3, which would not
    // know it: hand over plain maps and lists, decimals kept as BigDecimal
    private static final com.fasterxml.jackson.databind.ObjectMapper EVENTS =
            org.ratebook.engine.infra.AxonConfiguration.eventMapper();

    public record RederivationResponse(boolean identical, List<Rederivation> documents) {
    }

    private static final LocalDate EARLIEST = LocalDate.of(1970, Month.JANUARY, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, Month.DECEMBER, 31);

    private final AuditService audit;

    public AuditController(AuditService audit) {
        this.audit = audit;
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/accounts/{accountId}/timeline")
    @Operation(summary = "Every event of the account and of its subscriptions, invoices, payments, credit notes, "
            + "coupons, one-off charges and dunning, oldest first; page on with ?after=<next>")
    public TimelineResponse timeline(@PathVariable UUID accountId,
                                     @Parameter(description = "event types, e.g. InvoiceIssuedEvent")
                                     @RequestParam(required = false) Set<String> types,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                     @RequestParam(required = false) Long after,
                                     @RequestParam(defaultValue = "50") int limit) {
        if (types != null && !EventHistory.ACCOUNT_TYPES.containsAll(types)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown event types; known: "
                    + new java.util.TreeSet<>(EventHistory.ACCOUNT_TYPES));
        }
        if (limit < 1 || limit > 500) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to 500, was " + limit);
        }
        bounded(from);
        bounded(to);
        TimelinePage page = audit.timeline(accountId, types, from, to, after, limit);
        return new TimelineResponse(page.entries().stream().map(EventEntry::of).toList(), page.next(), page.total());
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/accounts/{accountId}/timeline/{position}")
    @Operation(summary = "One event of the account with its full payload and metadata")
    public EventDetail event(@PathVariable UUID accountId, @PathVariable long position) {
        AuditEvent e = audit.event(accountId, position);
        return new EventDetail(EventEntry.of(e), EVENTS.convertValue(e.json(), Object.class), e.metadata());
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/accounts/{accountId}/state")
    @Operation(summary = "The account as it stood at the end of a day (or at an instant, by UTC day), folded from "
            + "its events: details, subscriptions, balance and credit, open invoices, dunning state")
    public AccountStateAsOf state(@PathVariable UUID accountId,
                                  @Parameter(description = "a date (2027-03-31) or an instant (2027-03-31T12:00:00Z)")
                                  @RequestParam String asOf) {
        return audit.stateAsOf(accountId, bounded(day(asOf)));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/invoices/{invoiceId}/rederivation")
    @Operation(summary = "Re-derive the invoice and its credit notes from the events before them with the rule "
            + "pack version the invoice records: identical, or each difference (item, field, stored, re-derived)")
    public RederivationResponse rederive(@PathVariable UUID invoiceId) {
        List<Rederivation> documents = audit.rederive(invoiceId);
        return new RederivationResponse(documents.stream().allMatch(Rederivation::identical), documents);
    }

    @RequiresScope(Scope.READ)
    @GetMapping(value = "/accounts/{accountId}/audit-bundle", produces = "application/zip")
    @Operation(summary = "One zip with the account's events, the rule pack versions its invoices used, its invoices "
            + "and credit notes of the period (JSON and PDF) and a SHA-256 manifest; verify it offline with "
            + "java -jar ratebook.jar verify-bundle FILE")
    public org.springframework.http.ResponseEntity<byte[]> bundle(@PathVariable UUID accountId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        bounded(from);
        bounded(to);
        byte[] zip = audit.bundle(accountId, from, to);
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"audit-" + accountId + ".zip\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/zip")).body(zip);
    }

    @RequiresScope(Scope.READ)
    @PostMapping("/rederivations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Re-derive every invoice of the tenant in the background; poll GET /rederivations/latest")
    public SelfCheck.Progress rederiveAll() {
        return audit.startSelfCheck();
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/rederivations/latest")
    @Operation(summary = "Progress of the latest tenant-wide re-derivation")
    public SelfCheck.Progress latest() {
        return audit.selfCheckProgress().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no re-derivation of all invoices has run since the start"));
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/rederivation-mismatches")
    @Operation(summary = "Documents whose re-derivation differed (daily self-check and tenant-wide runs), newest first")
    public List<SelfCheck.Mismatch> mismatches(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1 to 1000, was " + limit);
        }
        return audit.mismatches(limit);
    }

    static LocalDate day(String text) {
        try {
            return text.length() <= 10 ? LocalDate.parse(text) : LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC);
        } catch (RuntimeException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "asOf must be a date (2027-03-31) or an instant (2027-03-31T12:00:00Z), was '" + text + "'");
        }
    }

    private static LocalDate bounded(LocalDate day) {
        if (day != null && (day.isBefore(EARLIEST) || day.isAfter(LATEST))) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "dates must lie between 1970 and 9999");
        }
        return day;
    }
}
