package org.ratebook.engine.account.projection;

import org.ratebook.engine.account.api.AccountId;
import org.ratebook.tenants.TenantId;

import java.util.Optional;

/** Looks up a tenant's account; an account of another tenant is not found. */
public interface AccountDirectory {
    Optional<AccountView> find(TenantId tenant, AccountId id);
}
