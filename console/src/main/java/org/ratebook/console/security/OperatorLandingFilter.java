package org.ratebook.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * After signing in, the console opens its start page; an operator working on no tenant has none, so he is sent to
 * his list of tenants instead of an access-denied page.
 */
class OperatorLandingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if ("GET".equals(request.getMethod()) && "/".equals(request.getServletPath() + nullToEmpty(request.getPathInfo()))
                && request.getQueryString() == null && auth != null
                && auth.getPrincipal() instanceof OperatorDetails operator && operator.tenantId() == null) {
            response.sendRedirect(request.getContextPath() + "/" + OperatorLanding.TENANTS);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
