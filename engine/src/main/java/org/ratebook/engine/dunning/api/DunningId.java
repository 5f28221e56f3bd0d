package org.ratebook.engine.dunning.api;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The dunning of one account: derived from (tenant, account), so every node addresses the same aggregate. */
public record DunningId(UUID value) {

    public static DunningId of(TenantId tenant, AccountId account) {
        String key = "dunning:" + tenant.value() + ":" + account.value();
        return new DunningId(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
