package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.admin.TenantAdminService;
import org.ratebook.console.security.RequiresScope;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The tenant's API keys: created with scopes and an optional expiry, shown once, revoked (decision 017). */
@RestController
@RequestMapping("/api/v1/api-keys")
@RequiresScope(Scope.ADMIN)
@Tag(name = "API keys", description = "Keys with scopes (read, usage:write, billing, rules, rules:approve, admin)")
public class ApiKeysController {

    public record NewKey(String label, List<String> scopes, Instant expiresAt, String owner) {
    }

    /** The key appears in this answer only; store it now. */
    public record CreatedKey(long id, String key, String label, List<String> scopes, Instant expiresAt, String owner) {
    }

    public record KeyView(long id, String label, String prefix, List<String> scopes, String owner, Instant createdAt,
                          Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static KeyView of(ApiKeys.KeySummary k) {
            return new KeyView(k.id(), k.label(), k.prefix(), labels(k.scopes()), k.owner(), k.createdAt(),
                    k.expiresAt(), k.lastUsedAt(), k.revokedAt());
        }
    }

    private final TenantAdminService admin;

    public ApiKeysController(TenantAdminService admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "The tenant's keys (never the keys themselves): scopes, owner, expiry, last use, revocation")
    public List<KeyView> list() {
        return admin.keys().stream().map(KeyView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a key with scopes and an optional expiry and owner (a user of the tenant, who is "
            + "then named as author or approver of what the key does); the key is in the answer, shown once")
    public CreatedKey create(@RequestBody NewKey body) {
        if (body == null || body.scopes() == null || body.scopes().isEmpty()) {
            throw new IllegalArgumentException("a key needs at least one scope of "
                    + String.join(", ", Scope.tenantScopes().stream().map(Scope::label).toList()));
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String label : body.scopes()) {
            Scope scope = Scope.ofLabel(label == null ? "" : label.strip());
            if (scope == Scope.OPERATOR) {
                throw new IllegalArgumentException("a tenant's key cannot carry the operator scope");
            }
            scopes.add(scope);
        }
        ApiKeys.IssuedKey issued = admin.createKey(body.label(), scopes, body.expiresAt(), body.owner());
        return new CreatedKey(issued.id(), issued.key(), body.label(), labels(scopes), body.expiresAt(), body.owner());
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke a key: every call with it is refused from now on")
    public KeyView revoke(@PathVariable long id) {
        admin.revokeKey(id);
        return admin.keys().stream().filter(k -> k.id() == id).findFirst().map(KeyView::of).orElseThrow();
    }

    static List<String> labels(Set<Scope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(Scope::label).toList();
    }
}
