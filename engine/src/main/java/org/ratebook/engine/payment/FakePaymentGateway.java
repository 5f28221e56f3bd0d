package org.ratebook.engine.payment;

import org.ratebook.rules.money.Money;
import org.ratebook.tenants.TenantId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * A gateway for tests, demos and sandboxes: approves every amount except those ending in .13, which it
 * declines like a card would, so failure paths can be tried on purpose.
 */
@Component
@ConditionalOnProperty(name = "ratebook.payments.gateway", havingValue = "fake", matchIfMissing = true)
public class FakePaymentGateway implements PaymentGateway {

    @Override
    public Result collect(TenantId tenant, UUID accountId, Money amount, String reference) {
        boolean declined = amount.amount().remainder(java.math.BigDecimal.ONE).movePointRight(2).intValue() == 13;
        String transaction = "fake_" + UUID.randomUUID();
        return declined ? new Result(false, transaction, "card declined (fake gateway declines amounts ending in .13)")
                : new Result(true, transaction, "approved");
    }
}
