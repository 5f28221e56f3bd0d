package org.ratebook.console.security;

import jakarta.servlet.http.HttpSession;
import org.ratebook.tenants.TenantAdministration;
import org.ratebook.tenants.TenantId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Lets the operator choose the tenant he works on without signing out: the choice replaces his authentication in
 * the session's security context, which is where {@link CurrentTenant} reads the tenant from.
 */
@Component
public class OperatorTenantSwitch {

    private final TenantAdministration administration;

    public OperatorTenantSwitch(TenantAdministration administration) {
        this.administration = administration;
    }

    /** Works on {@code tenant} from now on (null: on none). Only the operator may; the tenant must exist. */
    public void workOn(TenantId tenant) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof OperatorDetails operator)) {
            throw new AccessDeniedException("only the operator switches tenants");
        }
        if (tenant != null && administration.status(tenant).isEmpty()) {
            throw new IllegalArgumentException("no tenant '" + tenant + "'");
        }
        OperatorDetails switched = new OperatorDetails(operator.getUsername(), null, tenant);
        UsernamePasswordAuthenticationToken replaced = UsernamePasswordAuthenticationToken.authenticated(
                switched, null, switched.getAuthorities());
        replaced.setDetails(auth.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(replaced);
        SecurityContextHolder.setContext(context);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpSession session = attributes.getRequest().getSession(false);
            if (session != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
        }
    }
}
