package org.ratebook.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Sends a refused sign-in back to the login page with the reason the page shows: wrong credentials (counted by
 * {@link LoginThrottle}), a disabled user, or a suspended tenant.
 */
class LoginFailures implements AuthenticationFailureHandler {

    private final LoginThrottle throttle;

    LoginFailures(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String reason;
        if (exception instanceof LockedException) {
            reason = "suspended";
        } else if (exception instanceof DisabledException) {
            reason = "disabled";
        } else {
            throttle.failed(request.getParameter("username"), request.getRemoteAddr());
            reason = throttle.refusal(request.getParameter("username"), request.getRemoteAddr()) != null
                    ? "locked" : null;
        }
        response.sendRedirect(request.getContextPath() + "/login?error" + (reason == null ? "" : "=" + reason));
    }
}
