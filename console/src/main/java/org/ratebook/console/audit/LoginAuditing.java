package org.ratebook.console.audit;

import org.ratebook.console.security.TenantPrincipal;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.TenantId;
import org.ratebook.tenants.TenantScope;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Console sign-ins, successful and failed, from Spring Security's authentication events. A failed sign-in
 * is recorded for the tenant of the user name tried, if such a user exists (its admins and auditors see
 * attempts on their users); otherwise without a tenant, for the operator.
 */
@Component
class LoginAuditing {

    private final AuditLog audit;
    private final ConsoleUsers users;
    private final TenantScope scope;

    LoginAuditing(AuditLog audit, ConsoleUsers users, TenantScope scope) {
        this.audit = audit;
        this.users = users;
        this.scope = scope;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof TenantPrincipal principal)
                || event.getAuthentication().getPrincipal() instanceof org.ratebook.console.security.ApiKeyAuthentication.ApiCaller) {
            return; // API keys authenticate every request; the commands they send are audited instead
        }
        String user = event.getAuthentication().getName();
        audit.recordSeparately(principal.tenantId(), new Actor(user, Actor.USER, address(event.getAuthentication().getDetails())),
                AuditLog.LOGIN, "user " + user, AuditLog.OK, null);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String user = event.getAuthentication().getName();
        TenantId tenant = user == null || user.isBlank() || user.length() > 200 ? null
                : scope.system(() -> users.find(user).map(u -> u.tenant()).orElse(null));
        audit.recordSeparately(tenant, new Actor(user == null ? "" : user, Actor.USER,
                        address(event.getAuthentication().getDetails())),
                AuditLog.LOGIN_FAILED, "user " + user, AuditLog.REFUSED, event.getException().getClass().getSimpleName());
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : Actor.connectionAddress();
    }
}
