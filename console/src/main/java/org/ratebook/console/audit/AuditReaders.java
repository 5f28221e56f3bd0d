package org.ratebook.console.audit;

import org.ratebook.tenants.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Set;

/** Who may read the audit log in the console: auditors and tenant admins. Checked by the view's service calls. */
final class AuditReaders {

    static final Set<String> AUTHORITIES = Set.of("ROLE_" + Role.Names.AUDITOR, "ROLE_" + Role.Names.TENANT_ADMIN);

    private AuditReaders() {
    }

    static void require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> AUTHORITIES.contains(a.getAuthority()))) {
            throw new AccessDeniedException("the audit log is for auditors and tenant admins");
        }
    }
}
