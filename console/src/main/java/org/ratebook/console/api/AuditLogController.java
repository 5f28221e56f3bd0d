package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.ratebook.console.api.limits.InputLimits;
import org.ratebook.console.audit.AuditCsv;
import org.ratebook.console.audit.AuditEntry;
import org.ratebook.console.audit.AuditLog;
import org.ratebook.tenants.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Audit log", description = "Who did what, when and from where: commands, sign-ins, configuration changes")
public class AuditLogController {

    public record AuditPage(List<AuditEntry> entries, Long nextBefore) {
    }

    private final AuditLog audit;

    public AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/audit-log")
    @Operation(summary = "The tenant's audit log, newest first",
            description = "Filters are optional and combine. Page with 'before': pass the previous page's nextBefore "
                    + "(keyset paging: pages stay stable while new entries arrive).")
    public AuditPage search(
            @Parameter(description = "part of the user name or API key label") @RequestParam(required = false) String actor,
            @Parameter(description = "part of the command or event name, e.g. CreateAccount, LoginFailed")
            @RequestParam(required = false) String action,
            @Parameter(description = "the exact id of the thing acted on") @RequestParam(required = false) String target,
            @Parameter(description = "from this date or instant on") @RequestParam(required = false) String from,
            @Parameter(description = "before this date or instant") @RequestParam(required = false) String to,
            @Parameter(description = "entries older than this entry id") @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > AuditLog.MAX_PAGE) {
            throw new BadRequest("limit must be 1 to " + AuditLog.MAX_PAGE + ", was " + limit);
        }
        AuditLog.Page page = audit.search(CurrentCaller.tenant(), filter(actor, action, target, from, to, before), limit);
        return new AuditPage(page.entries(), page.nextBefore());
    }

    @RequiresScope(Scope.READ)
    @GetMapping(value = "/audit-log.csv", produces = "text/csv")
    @Operation(summary = "The audit log as CSV (same filters), newest first, at most 100,000 entries")
    public void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                       @RequestParam(required = false) String target, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        TenantId tenant = CurrentCaller.tenant();
        AuditLog.Filter filter = filter(actor, action, target, from, to, null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log-" + tenant + ".csv\"");
        Writer out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        AuditCsv.write(out, sink -> audit.export(tenant, filter, sink));
        out.flush();
    }

    private static AuditLog.Filter filter(String actor, String action, String target, String from, String to,
                                          Long before) {
        return new AuditLog.Filter(InputLimits.text("actor", actor), InputLimits.text("action", action),
                InputLimits.text("target", target), instant("from", from), instant("to", to), before);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant at = text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
            return InputLimits.instant(name, at);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' must be a date (2026-03-01) or an instant (2026-03-01T10:00:00Z)");
        }
    }
}
