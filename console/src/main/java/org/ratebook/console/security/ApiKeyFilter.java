package org.ratebook.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ratebook.tenants.ApiKeys;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates API calls by key: {@code X-Api-Key: rb_…} or {@code Authorization: Bearer rb_…}. A missing
 * or unknown key ends the request with a 401 problem; nothing behind it runs.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private final ApiKeys apiKeys;

    public ApiKeyFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
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
        Optional<ApiKeys.KeyHolder> holder = apiKeys.identify(key);
        if (holder.isEmpty()) {
            Problems.write(response, 401, "Unauthorized", "Unknown or revoked API key.", request.getRequestURI());
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
                new ApiKeyAuthentication(holder.get().tenant(), holder.get().name()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String key(HttpServletRequest request) {
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
