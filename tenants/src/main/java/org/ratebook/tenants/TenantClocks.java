package org.ratebook.tenants;

import java.time.Clock;

/**
 * The clock of a tenant. A live tenant lives on the real clock; a sandbox tenant has a test clock that moves
 * only when it is advanced, so analysts try months of billing in seconds. Domain decisions ask this, never
 * the system time.
 */
public interface TenantClocks {
    Clock of(TenantId tenant);
}
