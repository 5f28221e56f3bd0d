package org.ratebook.tenants;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

/**
 * A tenant's branding: colours, invoice footer and legal text, language and logo. Each tenant (and each
 * sub-tenant of a reseller) has its own; read and written in the tenant's {@link TenantScope}.
 */
@Component
public class Branding {

    /** Without the logo's bytes; {@code hasLogo} says whether there is one. */
    public record Settings(String primaryColour, String accentColour, String invoiceFooter, String legalText,
                           String language, boolean hasLogo) {
        public static final Settings DEFAULT = new Settings(null, null, null, null, "en", false);

        public Settings {
            check(primaryColour == null || primaryColour.matches("#[0-9a-fA-F]{6}"), "a colour is #RRGGBB");
            check(accentColour == null || accentColour.matches("#[0-9a-fA-F]{6}"), "a colour is #RRGGBB");
            check(invoiceFooter == null || invoiceFooter.length() <= 500, "the invoice footer is at most 500 characters");
            check(legalText == null || legalText.length() <= 2000, "the legal text is at most 2000 characters");
            language = language == null || language.isBlank() ? "en" : language.strip();
            check(language.matches("[a-z]{2}"), "the language is a two-letter ISO 639-1 code such as en or de");
            check(!(invoiceFooter + legalText).contains("\0"), "text may not contain NUL characters");
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    public record Logo(byte[] bytes, String contentType) {
    }

    public static final int MAX_LOGO_BYTES = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final TenantScope scope;
    private final Clock clock;

    public Branding(JdbcTemplate jdbc, TenantScope scope, Clock clock) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.clock = clock;
    }

    public Settings get(TenantId tenant) {
        return scope.call(tenant, () -> jdbc.query("""
                SELECT primary_colour, accent_colour, invoice_footer, legal_text, language, logo IS NOT NULL
                FROM tenant_branding WHERE tenant_id = ?""",
                (rs, n) -> new Settings(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6)), tenant.value()).stream().findFirst()
                .orElse(Settings.DEFAULT));
    }

    /** Replaces colours, texts and language; the logo stays. */
    public void save(TenantId tenant, Settings settings) {
        scope.run(tenant, () -> jdbc.update("""
                INSERT INTO tenant_branding (tenant_id, primary_colour, accent_colour, invoice_footer, legal_text,
                                             language, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET primary_colour = excluded.primary_colour,
                    accent_colour = excluded.accent_colour, invoice_footer = excluded.invoice_footer,
                    legal_text = excluded.legal_text, language = excluded.language, updated_at = excluded.updated_at""",
                tenant.value(), settings.primaryColour(), settings.accentColour(), settings.invoiceFooter(),
                settings.legalText(), settings.language(), Timestamp.from(clock.instant())));
    }

    /** Stores a PNG or JPEG logo of at most {@link #MAX_LOGO_BYTES}, checked by its leading bytes. */
    public void saveLogo(TenantId tenant, byte[] bytes) {
        String type = imageType(bytes);
        scope.run(tenant, () -> jdbc.update("""
                INSERT INTO tenant_branding (tenant_id, logo, logo_type, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET logo = excluded.logo, logo_type = excluded.logo_type,
                    updated_at = excluded.updated_at""", tenant.value(), bytes, type, Timestamp.from(clock.instant())));
    }

    public Optional<Logo> logo(TenantId tenant) {
        return scope.call(tenant, () -> jdbc.query(
                "SELECT logo, logo_type FROM tenant_branding WHERE tenant_id = ? AND logo IS NOT NULL",
                (rs, n) -> new Logo(rs.getBytes(1), rs.getString(2)), tenant.value()).stream().findFirst());
    }

    /** PNG or JPEG by magic number; anything else (SVG included: it can carry script) is refused. */
    static String imageType(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("the logo is empty");
        }
        if (bytes.length > MAX_LOGO_BYTES) {
            throw new IllegalArgumentException("a logo is at most " + MAX_LOGO_BYTES / 1024 + " KB");
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        throw new IllegalArgumentException("a logo is a PNG or JPEG image");
    }
}
