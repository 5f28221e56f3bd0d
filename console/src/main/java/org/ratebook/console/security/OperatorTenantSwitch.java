package org.ratebook.console.security;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
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
 * the security context stored in his HTTP session, which is where {@link CurrentTenant} reads the tenant from on
 * every later request.
 * <p>
 * In the console the context must be written through the Vaadin session: Vaadin's security context strategy
 * (VaadinAwareSecurityContextHolderStrategy) reads the context from the Vaadin session's HTTP session before the
 * request's thread-local one. An earlier version looked the session up through Spring's request attributes only
 * and stored nothing when it found none; in Chromium the operator stayed on his tenant list (that it found none is
 * the likely cause, not a proven one). Writing through the Vaadin session made the browser journey pass.
 */
@Component
public class OperatorTenantSwitch {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OperatorTenantSwitch.class);

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
        String key = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession wrapped = vaadin == null ? null : vaadin.getSession();
        if (wrapped != null) {
            wrapped.setAttribute(key, context);
        } else if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getSession(false) instanceof HttpSession session) {
            session.setAttribute(key, context);
        } else {
            throw new IllegalStateException("the operator's tenant switch needs his signed-in session");
        }
        SecurityContextHolder.setContext(context);
        log.info("Operator {} works on tenant {} (was {})", operator.getUsername(), tenant, operator.tenantId());
    }
}
