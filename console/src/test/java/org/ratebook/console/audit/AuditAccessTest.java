package org.ratebook.console.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit service itself refuses callers who may not read the audit, whatever page or endpoint let them in.
 * Approvers read it because the invoice page they review (Why?, re-derive) goes through it; API keys need the
 * {@code read} scope.
 */
/** The audit service itself refuses callers who may not read the audit, whatever page or endpoint let them in. */
class AuditAccessTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("someone", "x", role));
    }

    @Test
    void auditorsTenantAdminsAnalystsApproversAndReadKeysMayRead() {
        for (String role : new String[] {"ROLE_AUDITOR", "ROLE_TENANT_ADMIN", "ROLE_ANALYST", "ROLE_APPROVER", "SCOPE_read"}) {
            signIn(role);
            assertThatCode(AuditService::requireReader).as(role).doesNotThrowAnyException();
        }
    }

    @Test
    void anOperatorAUsageOnlyKeyOrNobodyIsRefused() {
        signIn("SCOPE_usage:write");
        assertThatThrownBy(AuditService::requireReader).isInstanceOf(AccessDeniedException.class);
        signIn("ROLE_OPERATOR");
        assertThatThrownBy(AuditService::requireReader).isInstanceOf(AccessDeniedException.class);
        SecurityContextHolder.clearContext();
        assertThatThrownBy(AuditService::requireReader).isInstanceOf(AccessDeniedException.class);
    }
}
