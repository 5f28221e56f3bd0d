package org.ratebook.console.security;

import org.ratebook.tenants.ConsoleUser;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Map;

/**
 * A console user who signed in through the installation's OpenID Connect provider. The provider says who the person
 * is; the tenant and the roles are Ratebook's own, from the console user of that name (decision 017), so an
 * identity provider can never grant a role or reach a tenant that Ratebook did not give the user.
 */
public final class OidcConsoleUser extends ConsoleUserDetails implements OidcUser {

    private final OidcUser signedIn;

    OidcConsoleUser(ConsoleUser user, OidcUser signedIn) {
        super(user, true);
        this.signedIn = signedIn;
    }

    @Override
    public Map<String, Object> getClaims() {
        return signedIn.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return signedIn.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return signedIn.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return signedIn.getAttributes();
    }

    /** The Ratebook username, as for a password sign-in (the audit log and the header show it). */
    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
