package org.ratebook.engine.payment;

import org.ratebook.rules.money.Money;
import org.ratebook.tenants.TenantId;

import java.util.UUID;

/** Takes money from a customer's stored payment method. Real gateways implement this later. */
public interface PaymentGateway {

    /** The outcome of one collection attempt; {@code transactionId} identifies it at the gateway. */
    record Result(boolean approved, String transactionId, String message) {
    }

    Result collect(TenantId tenant, UUID accountId, Money amount, String reference);
}
