package org.ratebook.console.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.ratebook.console.security.ConsoleUserDetails;

@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        Span title = new Span("Ratebook");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        String who = authentication.getAuthenticatedUser(ConsoleUserDetails.class)
                .map(u -> u.getUsername() + " @ " + u.tenantId()).orElse("");
        Button logout = new Button("Sign out", e -> authentication.logout());
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, new Span(who), logout);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Invoices", InvoicesView.class));
        nav.addItem(new SideNavItem("Usage spikes", UsageSpikesView.class));
        addToDrawer(nav);
    }
}
