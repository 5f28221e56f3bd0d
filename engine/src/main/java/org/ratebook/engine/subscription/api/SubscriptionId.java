package org.ratebook.engine.subscription.api;

import java.util.UUID;

public record SubscriptionId(UUID value) {
    public static SubscriptionId random() {
        return new SubscriptionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
