package org.ratebook.console.security;

import org.ratebook.tenants.ConsoleUser;
import org.ratebook.tenants.ConsoleUsers;
import org.ratebook.tenants.TenantAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Locale;

/**
 * Turns a person the OpenID Connect provider signed in into a Ratebook console user: the claim named by
 * {@code ratebook.oidc.username-claim} (the e-mail address by default) is the Ratebook username, which a tenant
 * admin created beforehand with its roles. Nobody is created here. Refused, with the reason as the error code the
 * sign-in page explains: no such user ({@code unknown}), a disabled user ({@code disabled}), a suspended tenant
 * ({@code suspended}), an e-mail address the provider says is not verified ({@code unverified}). Operators sign in
 * with their password only.
 */
public class OidcConsoleUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcConsoleUsers.class);

    private final OidcUserService provider = new OidcUserService();
    private final ConsoleUsers users;
    private final TenantAdministration tenants;
    private final String usernameClaim;

    public OidcConsoleUsers(ConsoleUsers users, TenantAdministration tenants, String usernameClaim) {
        this.users = users;
        this.tenants = tenants;
        this.usernameClaim = usernameClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        Object claim = signedIn.getClaims().get(usernameClaim);
        if (!(claim instanceof String name) || name.isBlank()) {
            throw refused("unknown", "the provider sent no " + usernameClaim + " claim");
        }
        if ("email".equals(usernameClaim) && Boolean.FALSE.equals(signedIn.getEmailVerified())) {
            throw refused("unverified", "the provider has not verified " + name);
        }
        String username = name.trim().toLowerCase(Locale.ROOT);
        ConsoleUser user = users.find(username).orElseThrow(() -> refused("unknown",
                "no console user " + username + " (from " + request.getClientRegistration().getRegistrationId() + ")"));
        if (!user.enabled()) {
            throw refused("disabled", "console user " + username + " is disabled");
        }
        if (tenants.status(user.tenant()).orElse(TenantAdministration.Status.SUSPENDED)
                != TenantAdministration.Status.ACTIVE) {
            throw refused("suspended", "the tenant of " + username + " is suspended");
        }
        return new OidcConsoleUser(user, signedIn);
    }

    private static OAuth2AuthenticationException refused(String code, String why) {
        log.info("OIDC sign-in refused: {}", why);
        return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
    }
}
