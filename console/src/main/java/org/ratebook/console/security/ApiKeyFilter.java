package org.ratebook.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ratebook.tenants.ApiKeys;
import org.ratebook.tenants.Operators;
import org.ratebook.tenants.Scope;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates API calls by key: {@code X-Api-Key: rb_…} or {@code Authorization: Bearer rb_…}; the operator's
 * keys start with {@code rbo_}. A missing, unknown, revoked or expired key ends the request with a 401 problem, a
 * key of a suspended tenant with a 403 problem; nothing behind it runs. Scopes are checked per endpoint by
 * {@link ScopeCheck}.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys apiKeys;
    private final Operators operators;

    public ApiKeyFilter(ApiKeys apiKeys, Operators operators) {
        this.apiKeys = apiKeys;
        this.operators = operators;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = key(request);
        if (key == null) {
            Problems.write(response, 401, "Unauthorized",
                    "Missing API key: send it in the X-Api-Key header (or as Authorization: Bearer <key>).",
                    request.getRequestURI());
            return;
        }
        ApiKeyAuthentication.ApiCaller caller;
        if (key.startsWith("rbo_")) {
            Optional<String> operator = operators.identifyKey(key);
            if (operator.isEmpty()) {
                Problems.write(response, 401, "Unauthorized", "Unknown or revoked API key.", request.getRequestURI());
                return;
            }
            caller = new ApiKeyAuthentication.ApiCaller(null, "operator key '" + operator.get() + "'",
                    Set.of(Scope.OPERATOR));
        } else {
            Optional<ApiKeys.KeyHolder> holder = apiKeys.identify(key);
            if (holder.isEmpty()) {
                Problems.write(response, 401, "Unauthorized", "Unknown, revoked or expired API key.",
                        request.getRequestURI());
                return;
            }
            if (!holder.get().tenantActive()) {
                Problems.write(response, 403, "Forbidden", "The tenant '" + holder.get().tenant()
                        + "' is suspended; its keys are refused until the operator reactivates it.",
                        request.getRequestURI());
                return;
            }
            caller = new ApiKeyAuthentication.ApiCaller(holder.get().tenant(), holder.get().name(),
                    holder.get().scopes());
        }
        SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(caller));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static String key(HttpServletRequest request) {
        String header = request.getHeader("X-Api-Key");
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }
}
