package org.ratebook.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import org.ratebook.console.ui.MainLayout;
import org.ratebook.tenants.Branding;
import org.ratebook.tenants.Role;

import java.io.ByteArrayInputStream;
import java.util.List;

/** The tenant's branding: logo, colours, invoice footer and legal text, language (each sub-tenant has its own). */
@Route(value = "admin/branding", layout = MainLayout.class)
@Menu(title = "Branding", order = 82)
@PageTitle("Branding · Ratebook")
@RolesAllowed(Role.Names.TENANT_ADMIN)
class BrandingView extends VerticalLayout {

    private final TenantAdminService admin;
    private final TextField primary = new TextField("Primary colour");
    private final TextField accent = new TextField("Accent colour");
    private final TextArea footer = new TextArea("Invoice footer");
    private final TextArea legal = new TextArea("Legal text");
    private final ComboBox<String> language = new ComboBox<>("Language");
    private final Div logo = new Div();

    BrandingView(TenantAdminService admin) {
        this.admin = admin;
        Branding.Settings current = admin.branding();
        primary.setValue(current.primaryColour() == null ? "" : current.primaryColour());
        accent.setValue(current.accentColour() == null ? "" : current.accentColour());
        for (TextField colour : List.of(primary, accent)) {
            colour.setHelperText("#RRGGBB, e.g. #1676f3");
        }
        footer.setValue(current.invoiceFooter() == null ? "" : current.invoiceFooter());
        footer.setMaxLength(500);
        footer.setHelperText("printed at the bottom of every invoice (up to 500 characters)");
        legal.setValue(current.legalText() == null ? "" : current.legalText());
        legal.setMaxLength(2000);
        legal.setHelperText("registration, directors, bank details (up to 2000 characters)");
        language.setItems("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv", "da");
        language.setValue(current.language());
        language.setAllowCustomValue(true);
        language.addCustomValueSetListener(e -> language.setValue(e.getDetail()));
        primary.setId("branding-primary");
        accent.setId("branding-accent");
        footer.setId("branding-footer");
        legal.setId("branding-legal");
        language.setId("branding-language");
        Button save = new Button("Save branding", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-branding");

        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                admin.saveLogo(bytes);
                Notification.show("Logo saved.", 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                showLogo();
            } catch (IllegalArgumentException ex) {
                UsersView.error(ex.getMessage());
            }
        }))));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        upload.setMaxFileSize(Branding.MAX_LOGO_BYTES);
        upload.setId("logo-upload");
        logo.setId("logo");
        add(new H2("Branding"), new Paragraph("How your invoices and console look to your customers and people."),
                new FormLayout(primary, accent, language, footer, legal), save, new H3("Logo"),
                new Paragraph("A PNG or JPEG of at most 256 KB."), logo, upload);
        showLogo();
    }

    private void showLogo() {
        logo.removeAll();
        admin.logo().ifPresentOrElse(l -> {
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(l.bytes()), "logo", l.contentType(), l.bytes().length)), "Your logo");
            image.setMaxHeight("80px");
            logo.add(image);
        }, () -> logo.add(new Paragraph("No logo yet — upload one below.")));
    }

    private void save() {
        primary.setInvalid(false);
        accent.setInvalid(false);
        language.setInvalid(false);
        try {
            admin.saveBranding(new Branding.Settings(blank(primary.getValue()), blank(accent.getValue()),
                    blank(footer.getValue()), blank(legal.getValue()), language.getValue(), false));
            Notification.show("Branding saved.", 5000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().contains("colour")) {
                TextField bad = blank(primary.getValue()) != null && !primary.getValue().strip().matches("#[0-9a-fA-F]{6}")
                        ? primary : accent;
                bad.setErrorMessage(e.getMessage());
                bad.setInvalid(true);
            } else if (e.getMessage().contains("language")) {
                language.setErrorMessage(e.getMessage());
                language.setInvalid(true);
            } else {
                UsersView.error(e.getMessage());
            }
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
