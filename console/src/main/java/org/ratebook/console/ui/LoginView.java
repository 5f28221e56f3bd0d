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

    public LoginView(org.springframework.beans.factory.ObjectProvider<
            org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> identityProviders) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Ratebook"), new Paragraph("Rules-driven billing. Sign in with your console account."), login);
        // the installation's identity providers, if it names any: a full page load to Spring's authorization endpoint
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                var registration = (org.springframework.security.oauth2.client.registration.ClientRegistration) r;
                com.vaadin.flow.component.html.Anchor provider = new com.vaadin.flow.component.html.Anchor(
                        "oauth2/authorization/" + registration.getRegistrationId(),
                        "Sign in with " + registration.getClientName());
                provider.setId("sign-in-with-" + registration.getRegistrationId());
                provider.setRouterIgnore(true);
                add(provider);
            }
        }
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
            case "oidc-unknown" -> {
                message.setTitle("No Ratebook user for this sign-in");
                message.setMessage("Your identity provider signed you in, but no Ratebook user has your e-mail address. "
                        + "Ask your tenant admin to create one with that address as its username.");
            }
            case "oidc-unverified" -> {
                message.setTitle("E-mail address not verified");
                message.setMessage("Your identity provider has not verified your e-mail address. Verify it there, "
                        + "then sign in again.");
            }
            case "oidc-provider" -> {
                message.setTitle("The identity provider's sign-in failed");
                message.setMessage("The sign-in through your identity provider did not complete. Try again, or sign in "
                        + "with your Ratebook password.");
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
