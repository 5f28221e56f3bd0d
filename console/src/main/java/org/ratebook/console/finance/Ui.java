package org.ratebook.console.finance;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.ratebook.rules.money.MoneyFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** Small pieces the finance pages share: the reader's formats, status badges, messages. */
public final class Ui {

    private static final Logger log = LoggerFactory.getLogger(Ui.class);
    private static final Set<String> GOOD = Set.of("PAID", "GOOD", "ACTIVE", "FINISHED");
    private static final Set<String> BAD = Set.of("VOID", "SUSPENDED", "TERMINATED", "CANCELLED", "FAILED");
    private static final Set<String> WARN = Set.of("REMINDED", "WARNED", "PAUSED", "FINALIZED", "DRAFT", "OVERDUE");

    private Ui() {
    }

    /** The browser's locale (the user's), English when there is no UI. */
    public static MoneyFormat format() {
        UI ui = UI.getCurrent();
        Locale locale = ui == null ? Locale.ENGLISH : ui.getLocale();
        return MoneyFormat.of(locale);
    }

    public static String money(BigDecimal amount, String currency) {
        return format().money(amount, currency);
    }

    public static String date(LocalDate date) {
        return format().date(date);
    }

    /** A status as a Lumo badge: green for settled, red for stopped, orange for waiting. */
    public static Span badge(String status) {
        Span badge = new Span(status == null ? "" : status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT)
                .replace('_', ' '));
        String theme = "badge";
        if (status != null && GOOD.contains(status)) {
            theme += " success";
        } else if (status != null && BAD.contains(status)) {
            theme += " error";
        } else if (status != null && WARN.contains(status)) {
            theme += " contrast";
        }
        badge.getElement().getThemeList().addAll(java.util.List.of(theme.split(" ")));
        badge.addClassName("status-badge");
        return badge;
    }

    public static void done(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /**
     * What a refused action says to the user: the billing rules' or the engine's reason, which is written for
     * people; anything unexpected is logged and answered without internals.
     */
    public static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && (t.getMessage() == null || t.getClass().getName().startsWith("org.axonframework"))) {
            t = t.getCause();
        }
        String name = t.getClass().getName();
        if (name.startsWith("org.ratebook") || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException && t.getMessage() != null) {
            return t.getMessage();
        }
        log.warn("Console action failed", e);
        return "Something went wrong; nothing was changed. (" + t.getClass().getSimpleName() + ")";
    }
}
