package org.ratebook.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ratebook.tenants.Operators;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Metrics name every tenant and its billing activity, so {@code /actuator/prometheus} and {@code /actuator/metrics}
 * need a credential: the operator's key, or the scrape key configured as {@code ratebook.metrics.scrape-key}
 * (sent as {@code Authorization: Bearer <key>} or {@code X-Api-Key}). Health stays public.
 */
class MetricsCredentialFilter extends OncePerRequestFilter {

    private final Operators operators;
    private final byte[] scrapeKey;

    MetricsCredentialFilter(Operators operators, String scrapeKey) {
        this.operators = operators;
        this.scrapeKey = scrapeKey == null || scrapeKey.isBlank() ? null : scrapeKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = ApiKeyFilter.key(request);
        boolean scrape = key != null && scrapeKey != null
                && MessageDigest.isEqual(scrapeKey, key.getBytes(StandardCharsets.UTF_8));
        if (!scrape && (key == null || operators.identifyKey(key).isEmpty())) {
            Problems.write(response, 401, "Unauthorized", "Metrics need the operator's key or the scrape key "
                    + "(ratebook.metrics.scrape-key) as Authorization: Bearer <key>.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
