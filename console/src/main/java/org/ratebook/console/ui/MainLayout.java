package org.ratebook.console.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.ratebook.console.security.ConsoleUserDetails;

/**
 * The console's frame. The side menu lists every view annotated with {@code @Menu} that the signed-in user may
 * open (Vaadin filters the entries by each route's access annotations), ordered by {@code @Menu(order)}: a
 * feature adds its page by annotating its view, without editing this class.
 */
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
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            nav.addItem(new SideNavItem(entry.title(), entry.path()));
        }
        nav.setId("main-menu");
        addToDrawer(nav);
    }
}
