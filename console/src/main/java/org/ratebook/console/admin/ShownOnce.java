package org.ratebook.console.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/**
 * A secret (one-time password, API key) shown in a dialog exactly once: only its hash is stored, so the dialog says
 * to copy it now. Used by the tenant admin's and the operator's pages.
 */
public final class ShownOnce {

    private ShownOnce() {
    }

    public static void show(String title, String what, String label, String secret) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        Span value = new Span(secret);
        value.setId("one-time-secret");
        value.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)")
                .set("user-select", "all").set("padding", "var(--lumo-space-s)")
                .set("background", "var(--lumo-contrast-5pct)");
        dialog.add(new Paragraph(what), new Paragraph(new Span(label + ": "), value),
                new Paragraph("Copy it now: it is shown this once and cannot be read back later (only a hash is "
                        + "stored)."));
        Button done = new Button("I have copied it", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        done.setId("secret-copied");
        dialog.getFooter().add(done);
        dialog.setCloseOnOutsideClick(false);
        dialog.open();
    }

    /** A status as a badge: green for good states, red for the others. */
    public static Span badge(String text, boolean good) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + (good ? "success" : "error"));
        return badge;
    }
}
