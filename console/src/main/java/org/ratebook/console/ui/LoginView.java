package org.ratebook.console.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Ratebook")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Ratebook"), new Paragraph("Rules-driven billing. Sign in with your console account."), login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        java.util.List<String> error = event.getLocation().getQueryParameters().getParameters().get("error");
        if (error == null) {
            login.setError(false);
            return;
        }
        String reason = error.isEmpty() ? "" : error.getFirst();
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage message = i18n.getErrorMessage();
        switch (reason) {
            case "locked" -> {
                message.setTitle("Too many failed sign-ins");
                message.setMessage("Sign-in is paused for this user or your address for 15 minutes after repeated "
                        + "wrong passwords. Try again later, or ask your admin to reset your password.");
            }
            case "disabled" -> {
                message.setTitle("This user is disabled");
                message.setMessage("Your admin has disabled this user. Ask them to enable it again.");
            }
            case "suspended" -> {
                message.setTitle("This tenant is suspended");
                message.setMessage("The operator has suspended this tenant; its data is kept. Ask the operator to "
                        + "reactivate it.");
            }
            default -> {
                // the default: "Incorrect username or password"
            }
        }
        login.setI18n(i18n);
        login.setError(true);
    }
}
