package org.ratebook.tenants;

/** A person who signs in to the console for one tenant; the password is stored as an encoder's hash only. */
public record ConsoleUser(TenantId tenant, String username, String passwordHash, String role) {
}
