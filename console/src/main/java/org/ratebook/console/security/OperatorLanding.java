package org.ratebook.console.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * An operator who works on no tenant yet has no tenant pages: wherever he goes (the console's start page after
 * signing in, for one), he lands on his list of tenants instead of an access-denied page.
 */
@Component
class OperatorLanding implements VaadinServiceInitListener {

    static final String TENANTS = "operator/tenants";

    private final CurrentTenant current;

    OperatorLanding(CurrentTenant current) {
        this.current = current;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::beforeEnter));
    }

    private void beforeEnter(BeforeEnterEvent event) {
        String path = event.getLocation().getPath();
        if (current.isOperator() && current.find().isEmpty() && !path.startsWith("operator/")
                && !path.equals("login")) {
            event.forwardTo(TENANTS);
        }
    }
}
