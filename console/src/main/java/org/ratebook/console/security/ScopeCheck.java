package org.ratebook.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ratebook.tenants.Scope;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Optional;

/**
 * Checks the scope of every API call before its handler runs: the handler's {@link RequiresScope} against the
 * scopes of the caller's key. A missing scope is a 403 problem naming it; an endpoint that declares none is
 * refused too (deny by default).
 */
public class ScopeCheck implements HandlerInterceptor {

    /** The scope a handler declares, on the method or else on its controller. */
    public static Optional<Scope> declared(HandlerMethod handler) {
        RequiresScope onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequiresScope.class);
        if (onMethod != null) {
            return Optional.of(onMethod.value());
        }
        return Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequiresScope.class))
                .map(RequiresScope::value);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method) || !request.getRequestURI().startsWith("/api/")) {
            return true;
        }
        Optional<Scope> needed = declared(method);
        if (needed.isEmpty()) {
            Problems.write(response, 403, "Forbidden", "This endpoint declares no scope, so no key may call it.",
                    request.getRequestURI());
            return false;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ApiKeyAuthentication.ApiCaller caller
                && caller.scopes().contains(needed.get())) {
            return true;
        }
        Problems.write(response, 403, "Forbidden", needed.get() == Scope.OPERATOR
                        ? "This endpoint needs the operator's credential."
                        : "This API key lacks the scope '" + needed.get().label() + "' that this endpoint needs.",
                request.getRequestURI());
        return false;
    }
}
