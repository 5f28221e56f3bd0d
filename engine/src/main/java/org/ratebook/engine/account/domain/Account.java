package org.ratebook.engine.account.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountCreatedEvent;
import org.ratebook.engine.account.api.AccountCreditGivenEvent;
import org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOffEvent;
import org.ratebook.engine.account.api.AutomaticInvoicingSwitchedOnEvent;
import org.ratebook.engine.account.api.SwitchAutomaticInvoicingCommand;
import org.ratebook.engine.account.api.AccountCreditTakenEvent;
import org.ratebook.engine.account.api.GiveAccountCreditCommand;
import org.ratebook.engine.account.api.TakeAccountCreditCommand;
import org.ratebook.engine.account.api.AccountSegmentChangedEvent;
import org.ratebook.engine.account.api.ChangeSegmentCommand;
import org.ratebook.engine.account.api.ParentAccountSetEvent;
import org.ratebook.engine.account.api.SetParentAccountCommand;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountParents;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.AccountTaxDetailsChangedEvent;
import org.ratebook.engine.account.api.ChangeTaxDetailsCommand;
import org.ratebook.engine.account.api.CreateAccountCommand;
import org.ratebook.engine.account.api.TaxDetails;
import org.ratebook.tenants.TenantClocks;
import org.ratebook.tenants.TenantId;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A tenant's customer. Decides whether an account can be opened; the read model answers questions about it. */
@Aggregate
public class Account {

    @AggregateIdentifier
    private AccountId accountId;
    private TenantId tenantId;
    private String country;
    private ZoneId zone;
    private String segment;
    private String currency;
    /** the ids of credits given or taken by hand, so that a retried request changes nothing twice */
    private final java.util.Set<String> creditIds = new java.util.HashSet<>();
    /** whether automatic invoicing is switched off (Kill Bill's AUTO_INVOICING_OFF) */
    private boolean automaticInvoicingOff;

    /** The longest reason kept with a credit given or taken by hand. */
    public static final int MAX_REASON = 500;

    protected Account() {
    }

    @CommandHandler
    public Account(CreateAccountCommand command, TenantClocks clocks) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidAccountException("an account needs a name");
        }
        String currency = currency(command.currency());
        ZoneId zone = zone(command.timeZone());
        int bcd = command.billCycleDay() == null ? 0 : command.billCycleDay();
        if (command.billCycleDay() != null && (bcd < 1 || bcd > 31)) {
            throw new InvalidAccountException("billCycleDay must be between 1 and 31, was " + bcd);
        }
        String country = command.country() == null ? null : command.country().toUpperCase(Locale.ROOT);
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new InvalidAccountException("country must be a two-letter ISO code, was '" + command.country() + "'");
        }
        TaxDetails tax = command.tax() == null ? null : AccountTaxRules.check(command.tax(), country, command.taxId());
        String segment = segment(command.segment());
        LocalDate today = LocalDate.now(clocks.of(command.tenantId()).withZone(zone));
        apply(new AccountCreatedEvent(command.tenantId(), command.accountId(), command.name().strip(),
                command.email(), currency, country, zone.getId(), bcd, command.addressLines(), command.taxId(),
                today, segment));
        if (tax != null) {
            apply(new AccountTaxDetailsChangedEvent(command.tenantId(), command.accountId(),
                    AccountTaxRules.normalized(command.taxId()), tax.region(), tax.business(), tax.taxIdValid(),
                    tax.taxExempt(), tax.exemptionReason(), today));
        }
    }

    @CommandHandler
    public void handle(ChangeTaxDetailsCommand command, TenantClocks clocks) {
        if (!tenantId.equals(command.tenantId())) {
            throw new NotFoundException("account " + command.accountId() + " does not exist");
        }
        TaxDetails tax = AccountTaxRules.check(command.tax() == null ? TaxDetails.NONE : command.tax(), country,
                command.taxId());
        apply(new AccountTaxDetailsChangedEvent(tenantId, accountId, AccountTaxRules.normalized(command.taxId()),
                tax.region(), tax.business(), tax.taxIdValid(), tax.taxExempt(), tax.exemptionReason(),
                LocalDate.now(clocks.of(tenantId).withZone(zone))));
    }

    /**
     * Put the account in a customer segment, or in none; invoices decided from then on see it (pricing rules may
     * choose a price list by it), invoices already issued keep what they were priced with.
     */
    @CommandHandler
    public void handle(ChangeSegmentCommand command, TenantClocks clocks) {
        if (!tenantId.equals(command.tenantId())) {
            throw new NotFoundException("account " + command.accountId() + " does not exist");
        }
        String segment = segment(command.segment());
        if (java.util.Objects.equals(segment, this.segment)) {
            throw new InvalidAccountException(segment == null ? "the account is in no segment"
                    : "the account is already in the segment '" + segment + "'");
        }
        apply(new AccountSegmentChangedEvent(tenantId, accountId, segment,
                LocalDate.now(clocks.of(tenantId).withZone(zone))));
    }

    /** A segment is a plain lower-case word (letters, digits, '-' or '_'), so rules can name it exactly. */
    static String segment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String segment = value.strip();
        if (!segment.matches("[a-z][a-z0-9_-]{0,31}")) {
            throw new InvalidAccountException("a customer segment is a lower-case word of at most 32 letters, digits, "
                    + "'-' or '_' starting with a letter (e.g. education), not '" + value + "'");
        }
        return segment;
    }

    private static String currency(String code) {
        if (code == null) {
            throw new InvalidAccountException("an account needs a currency (ISO 4217 code, e.g. EUR)");
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new InvalidAccountException("unknown currency '" + code + "'");
        }
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidAccountException("unknown time zone '" + timeZone + "'");
        }
    }

    /**
     * One level of parents: a parent is not itself a child that sends its invoices on, and both bill in the same
     * currency, so a consolidated invoice has one currency.
     */
    @CommandHandler
    public void handle(SetParentAccountCommand command, AccountDirectory accounts, AccountParents parents,
                       TenantClocks clocks) {
        if (!tenantId.equals(command.tenantId())) {
            throw new NotFoundException("account " + command.accountId() + " does not exist");
        }
        AccountView self = accounts.find(tenantId, accountId)
                .orElseThrow(() -> new NotFoundException("account " + accountId + " does not exist"));
        if (command.parentAccountId() == null) {
            throw new InvalidAccountException("a parent account is needed");
        }
        if (command.parentAccountId().equals(accountId)) {
            throw new InvalidAccountException("an account cannot be its own parent");
        }
        AccountView parent = accounts.find(tenantId, command.parentAccountId())
                .orElseThrow(() -> new InvalidAccountException("parent account " + command.parentAccountId()
                        + " does not exist"));
        if (command.invoiceParent() && !parent.currency().equals(self.currency())) {
            throw new InvalidAccountException("the parent account is billed in " + parent.currency()
                    + " and this account in " + self.currency() + "; a consolidated invoice has one currency");
        }
        if (parents.parentOf(tenantId, parent.accountId()).isPresent()) {
            throw new InvalidAccountException("account " + parent.name() + " has a parent itself; parents are one "
                    + "level deep");
        }
        if (!parents.childrenOf(tenantId, accountId).isEmpty()) {
            throw new InvalidAccountException("account " + self.name() + " is a parent itself; parents are one "
                    + "level deep");
        }
        apply(new ParentAccountSetEvent(tenantId, accountId, parent.accountId(), command.invoiceParent(),
                self.today(clocks.of(tenantId))));
    }

    /** Credit given by hand: a positive amount in the account's currency, with a reason. */
    @CommandHandler
    public void handle(GiveAccountCreditCommand command, TenantClocks clocks) {
        requireOwnedBy(command.tenantId());
        if (command.creditId() != null && creditIds.contains(command.creditId())) {
            return;
        }
        BigDecimal amount = creditAmount(command.amount(), command.currency(), "credit given");
        String reason = reason(command.reason(), "credit given");
        apply(new AccountCreditGivenEvent(tenantId, accountId, command.creditId(), amount, currency, reason,
                LocalDate.now(clocks.of(tenantId).withZone(zone)), command.by()));
    }

    /** Credit taken back by hand (a manual debit): never more than the account holds. */
    @CommandHandler
    public void handle(TakeAccountCreditCommand command, TenantClocks clocks) {
        requireOwnedBy(command.tenantId());
        if (command.creditId() != null && creditIds.contains(command.creditId())) {
            return;
        }
        BigDecimal amount = creditAmount(command.amount(), command.currency(), "credit taken");
        String reason = reason(command.reason(), "credit taken");
        BigDecimal held = command.creditHeld() == null ? BigDecimal.ZERO : command.creditHeld();
        if (amount.compareTo(held) > 0) {
            throw new InvalidAccountException("the account holds only " + held.toPlainString() + " " + currency
                    + " of credit; " + amount.toPlainString() + " " + currency + " cannot be taken");
        }
        apply(new AccountCreditTakenEvent(tenantId, accountId, command.creditId(), amount, currency, reason,
                LocalDate.now(clocks.of(tenantId).withZone(zone)), command.by()));
    }

    /** Automatic invoicing switched off or back on; the state it is already in records nothing. */
    @CommandHandler
    public void handle(SwitchAutomaticInvoicingCommand command, TenantClocks clocks) {
        requireOwnedBy(command.tenantId());
        if (command.on() != automaticInvoicingOff) {
            return;
        }
        LocalDate today = LocalDate.now(clocks.of(tenantId).withZone(zone));
        if (command.on()) {
            apply(new AutomaticInvoicingSwitchedOnEvent(tenantId, accountId, today, command.by()));
            return;
        }
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().strip();
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidAccountException("a reason is at most " + MAX_REASON + " characters");
        }
        apply(new AutomaticInvoicingSwitchedOffEvent(tenantId, accountId, today, reason, command.by()));
    }

    @EventSourcingHandler
    void on(AutomaticInvoicingSwitchedOffEvent event) {
        automaticInvoicingOff = true;
    }

    @EventSourcingHandler
    void on(AutomaticInvoicingSwitchedOnEvent event) {
        automaticInvoicingOff = false;
    }

    private BigDecimal creditAmount(BigDecimal amount, String currencyCode, String what) {
        if (amount == null || amount.signum() <= 0) {
            throw new InvalidAccountException("a " + what + " must be a positive amount, was " + amount);
        }
        if (currencyCode != null && !currencyCode.equalsIgnoreCase(currency)) {
            throw new InvalidAccountException("the account is billed in " + currency + "; a " + what + " in "
                    + currencyCode + " is not its credit");
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidAccountException("a " + what + " of " + amount.toPlainString() + " has more decimals than "
                    + currency + " allows");
        }
        return amount.setScale(digits, java.math.RoundingMode.UNNECESSARY);
    }

    private static String reason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidAccountException("a " + what + " needs a reason");
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidAccountException("a reason is at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private void requireOwnedBy(TenantId tenant) {
        if (!tenantId.equals(tenant)) {
            throw new NotFoundException("account " + accountId + " does not exist");
        }
    }

    @EventSourcingHandler
    void on(AccountCreditGivenEvent event) {
        if (event.creditId() != null) {
            creditIds.add(event.creditId());
        }
    }

    @EventSourcingHandler
    void on(AccountCreditTakenEvent event) {
        if (event.creditId() != null) {
            creditIds.add(event.creditId());
        }
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        accountId = event.accountId();
        currency = event.currency();
        tenantId = event.tenantId();
        country = event.country();
        zone = ZoneId.of(event.timeZone());
        segment = event.segment();
    }

    @EventSourcingHandler
    void on(AccountSegmentChangedEvent event) {
        segment = event.segment();
    }
}
