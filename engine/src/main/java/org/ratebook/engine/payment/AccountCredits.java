package org.ratebook.engine.payment;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ratebook.engine.NotFoundException;
import org.ratebook.engine.account.api.AccountId;
import org.ratebook.engine.account.api.GiveAccountCreditCommand;
import org.ratebook.engine.account.api.TakeAccountCreditCommand;
import org.ratebook.engine.account.projection.AccountDirectory;
import org.ratebook.engine.account.projection.AccountView;
import org.ratebook.engine.invoicing.query.InvoiceQueries;
import org.ratebook.tenants.TenantId;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Account credit given and taken by hand, as commands on the account; the account decides. The credit it gives
 * is the same account credit an overpayment or a credit note leaves: the next invoices use it.
 */
@Service
public class AccountCredits {

    private final CommandGateway commands;
    private final InvoiceQueries invoices;
    private final AccountDirectory accounts;

    public AccountCredits(CommandGateway commands, InvoiceQueries invoices, AccountDirectory accounts) {
        this.commands = commands;
        this.invoices = invoices;
        this.accounts = accounts;
    }

    /** Gives credit; returns its id (the caller's, or a new one). */
    public String give(TenantId tenant, AccountId account, String creditId, BigDecimal amount, String currency,
                       String reason, String by) {
        String id = id(creditId);
        send(() -> commands.sendAndWait(new GiveAccountCreditCommand(tenant, account, id, amount, currency, reason,
                by)), account);
        return id;
    }

    /** Takes credit back (a manual debit), never more than the account holds now; returns its id. */
    public String take(TenantId tenant, AccountId account, String creditId, BigDecimal amount, String currency,
                       String reason, String by) {
        AccountView view = accounts.find(tenant, account)
                .orElseThrow(() -> new NotFoundException("account " + account + " does not exist"));
        BigDecimal held = invoices.balance(tenant, account.value(), view.currency()).credit();
        String id = id(creditId);
        send(() -> commands.sendAndWait(new TakeAccountCreditCommand(tenant, account, id, amount, currency, reason,
                by, held)), account);
        return id;
    }

    private static String id(String creditId) {
        return creditId == null || creditId.isBlank() ? "cr_" + UUID.randomUUID() : creditId.strip();
    }

    private static void send(Supplier<Object> command, AccountId account) {
        try {
            command.get();
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException("account " + account + " does not exist");
        }
    }
}
