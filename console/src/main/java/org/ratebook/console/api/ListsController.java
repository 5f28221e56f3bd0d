package org.ratebook.console.api;

import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.engine.listing.AccountListing;
import org.ratebook.engine.listing.Cursor;
import org.ratebook.engine.listing.InvoiceListing;
import org.ratebook.engine.listing.Page;
import org.ratebook.engine.listing.SubscriptionListing;
import org.ratebook.tenants.TenantId;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The list endpoints of accounts, subscriptions and invoices: filters, and keyset paging. The body is the page
 * (a JSON array, as {@code GET /invoices} always answered); the next page's URL is in the {@code Link} header
 * ({@code rel="next"}) and its cursor in {@code X-Next-Cursor}, both absent on the last page.
 */
@RestController
@Tag(name = "Lists", description = "Accounts, subscriptions and invoices with filters and cursor paging")
public class ListsController {

    static final int MAX_LIMIT = 500;

    private final AccountListing accounts;
    private final InvoiceListing invoices;
    private final SubscriptionListing subscriptions;

    public ListsController(AccountListing accounts, InvoiceListing invoices, SubscriptionListing subscriptions) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.subscriptions = subscriptions;
    }

    public record AccountItem(UUID accountId, String name, String email, String taxId, String currency,
                              String country, String status, String openInvoices, String credit, String balance) {
        static AccountItem of(AccountListing.Row r) {
            return new AccountItem(r.accountId(), r.name(), r.email(), r.taxId(), r.currency(), r.country(),
                    r.status(), r.openInvoices().toPlainString(), r.credit().toPlainString(),
                    r.balance().toPlainString());
        }
    }

    public record InvoiceItem(UUID invoiceId, String number, UUID accountId, String customer, LocalDate invoiceDate,
                              LocalDate dueDate, String status, String currency, String total, String amountDue) {
        static InvoiceItem of(InvoiceListing.Row r) {
            return new InvoiceItem(r.invoiceId(), r.number(), r.accountId(), r.customer(), r.invoiceDate(),
                    r.dueDate(), r.status(), r.currency(), r.total().toPlainString(), r.amountDue().toPlainString());
        }
    }

    public record SubscriptionItem(UUID subscriptionId, UUID accountId, String customer, String plan, int quantity,
                                   String currency, LocalDate startDate, String state, LocalDate endsOn,
                                   LocalDate pausedFrom) {
        static SubscriptionItem of(SubscriptionListing.Row r) {
            return new SubscriptionItem(r.subscriptionId(), r.accountId(), r.customer(), r.plan(), r.quantity(),
                    r.currency(), r.startDate(), r.state(), r.endsOn(), r.pausedFrom());
        }
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/api/v1/accounts")
    @Operation(summary = "The tenant's accounts by name, with their dunning state and balance",
            description = "q matches a part of the name, or the start of the email or tax id; name, email and taxId "
                    + "match the start, ignoring case; status is a dunning state (GOOD, REMINDED, WARNED, SUSPENDED, "
                    + "TERMINATED); minBalance keeps accounts owing at least that much. limit 1–500 (default 50). "
                    + "400 for a bad filter or cursor.",
            responses = @ApiResponse(responseCode = "200", description = "a page of accounts", headers = {
                    @Header(name = "Link", description = "<next page URL>; rel=\"next\""),
                    @Header(name = "X-Next-Cursor", description = "the cursor of the next page")}))
    public ResponseEntity<List<AccountItem>> accounts(@RequestParam(required = false) String q,
                                                      @RequestParam(required = false) String name,
                                                      @RequestParam(required = false) String email,
                                                      @RequestParam(required = false) String taxId,
                                                      @RequestParam(required = false) String status,
                                                      @RequestParam(required = false) BigDecimal minBalance,
                                                      @Parameter(description = "from the previous page's X-Next-Cursor")
                                                      @RequestParam(required = false) String cursor,
                                                      @RequestParam(defaultValue = "50") int limit) {
        TenantId tenant = CurrentCaller.tenant();
        checkLimit(limit);
        AccountListing.Filter filter = guard(() -> new AccountListing.Filter(q, name, email, taxId, status,
                minBalance));
        Page<AccountListing.Row> page = guard(() -> accounts.page(tenant, filter, Cursor.decode(cursor, 2), limit));
        return answer(page, AccountItem::of);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/api/v1/invoices")
    @Operation(summary = "The tenant's invoices, newest first",
            description = "q matches the start of the number or a part of the customer's name; number the start of "
                    + "the number; status DRAFT, FINALIZED, PAID, VOID or DISCARDED; from/to the invoice date "
                    + "(inclusive); minTotal/maxTotal the total (inclusive). limit 1–500 (default 50). 400 for a bad "
                    + "filter or cursor.",
            responses = @ApiResponse(responseCode = "200", description = "a page of invoices", headers = {
                    @Header(name = "Link", description = "<next page URL>; rel=\"next\""),
                    @Header(name = "X-Next-Cursor", description = "the cursor of the next page")}))
    public ResponseEntity<List<InvoiceItem>> invoices(@RequestParam(required = false) String q,
                                                      @RequestParam(required = false) String number,
                                                      @RequestParam(required = false) UUID accountId,
                                                      @RequestParam(required = false) String status,
                                                      @RequestParam(required = false) LocalDate from,
                                                      @RequestParam(required = false) LocalDate to,
                                                      @RequestParam(required = false) BigDecimal minTotal,
                                                      @RequestParam(required = false) BigDecimal maxTotal,
                                                      @RequestParam(required = false) String cursor,
                                                      @RequestParam(defaultValue = "50") int limit) {
        TenantId tenant = CurrentCaller.tenant();
        checkLimit(limit);
        InvoiceListing.Filter filter = guard(() -> new InvoiceListing.Filter(q, number, accountId, status, from, to,
                minTotal, maxTotal));
        Page<InvoiceListing.Row> page = guard(() -> invoices.page(tenant, filter, Cursor.decode(cursor, 2), limit));
        return answer(page, InvoiceItem::of);
    }

    @RequiresScope(Scope.READ)
    @GetMapping("/api/v1/subscriptions")
    @Operation(summary = "The tenant's subscriptions, latest start first",
            description = "Narrowed by account, plan and state (ACTIVE, PAUSED, CANCELLED). limit 1–500 (default 50).",
            responses = @ApiResponse(responseCode = "200", description = "a page of subscriptions", headers = {
                    @Header(name = "Link", description = "<next page URL>; rel=\"next\""),
                    @Header(name = "X-Next-Cursor", description = "the cursor of the next page")}))
    public ResponseEntity<List<SubscriptionItem>> subscriptions(@RequestParam(required = false) UUID accountId,
                                                                @RequestParam(required = false) String plan,
                                                                @RequestParam(required = false) String state,
                                                                @RequestParam(required = false) String cursor,
                                                                @RequestParam(defaultValue = "50") int limit) {
        TenantId tenant = CurrentCaller.tenant();
        checkLimit(limit);
        SubscriptionListing.Filter filter = new SubscriptionListing.Filter(accountId, plan, state);
        Page<SubscriptionListing.Row> page = guard(() -> subscriptions.page(tenant, filter,
                Cursor.decode(cursor, 2), limit));
        return answer(page, SubscriptionItem::of);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequest("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }

    /** Filters and cursors refuse bad input with an IllegalArgumentException: a 400 problem naming it. */
    private static <T> T guard(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static <R, T> ResponseEntity<List<T>> answer(Page<R> page, Function<R, T> map) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (page.next() != null) {
            String cursor = page.next().encode();
            String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", cursor)
                    .build().toUriString();
            ok.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").header("X-Next-Cursor", cursor);
        }
        return ok.body(page.items().stream().map(map).toList());
    }
}
