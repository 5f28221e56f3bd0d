package org.ratebook.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ratebook.console.admin.TenantAdminService;
import org.ratebook.console.security.RequiresScope;
import org.ratebook.engine.NotFoundException;
import org.ratebook.tenants.Branding;
import org.ratebook.tenants.Scope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's branding: colours, invoice footer and legal text, language, logo (each sub-tenant its own). */
@RestController
@RequestMapping("/api/v1/branding")
@Tag(name = "Branding", description = "Logo, colours, invoice footer and legal text, language")
public class BrandingController {

    public record BrandingBody(String primaryColour, String accentColour, String invoiceFooter, String legalText,
                               String language, boolean hasLogo) {
        static BrandingBody of(Branding.Settings s) {
            return new BrandingBody(s.primaryColour(), s.accentColour(), s.invoiceFooter(), s.legalText(),
                    s.language(), s.hasLogo());
        }
    }

    /** What an admin sends: the same without {@code hasLogo}, which only the logo upload changes. */
    public record BrandingUpdate(String primaryColour, String accentColour, String invoiceFooter, String legalText,
                                 String language) {
    }

    private final TenantAdminService admin;

    public BrandingController(TenantAdminService admin) {
        this.admin = admin;
    }

    @GetMapping
    @RequiresScope(Scope.READ)
    @Operation(summary = "The tenant's branding")
    public BrandingBody get() {
        return BrandingBody.of(admin.branding());
    }

    @PutMapping
    @RequiresScope(Scope.ADMIN)
    @Operation(summary = "Replace colours (#RRGGBB), invoice footer (≤ 500), legal text (≤ 2000) and language "
            + "(ISO 639-1); the logo stays")
    public BrandingBody put(@RequestBody BrandingUpdate body) {
        if (body == null) {
            throw new IllegalArgumentException("send the branding as JSON");
        }
        admin.saveBranding(new Branding.Settings(blank(body.primaryColour()), blank(body.accentColour()),
                blank(body.invoiceFooter()), blank(body.legalText()), body.language(), false));
        return BrandingBody.of(admin.branding());
    }

    @PutMapping(value = "/logo", consumes = {MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE})
    @RequiresScope(Scope.ADMIN)
    @Operation(summary = "Upload the logo: a PNG or JPEG of at most 256 KB")
    public BrandingBody logo(@RequestBody byte[] image) {
        admin.saveLogo(image);
        return BrandingBody.of(admin.branding());
    }

    @GetMapping("/logo")
    @RequiresScope(Scope.READ)
    @Operation(summary = "The logo as uploaded")
    public ResponseEntity<byte[]> logo() {
        Branding.Logo logo = admin.logo().orElseThrow(() -> new NotFoundException("no logo uploaded"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.contentType())).body(logo.bytes());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
