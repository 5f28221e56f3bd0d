package org.ratebook.console.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Console sign-in throttling (decision 017): after {@code max-failures-per-user} wrong passwords for one username,
 * or {@code max-failures-per-address} from one client address, further attempts are refused for
 * {@code lockout} — also with the right password — and the login page says so. Counters live in Caffeine caches
 * that forget a key {@code lockout} after its last failure; time comes from the injected clock. In memory, per
 * instance: a restart forgets them, which for a single-node installation is the accepted cost.
 */
@Component
public class LoginThrottle {

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration lockout;
    private final Cache<String, AtomicInteger> byUser;
    private final Cache<String, AtomicInteger> byAddress;

    public LoginThrottle(@Value("${ratebook.login.max-failures-per-user:5}") int maxPerUser,
                         @Value("${ratebook.login.max-failures-per-address:20}") int maxPerAddress,
                         @Value("${ratebook.login.lockout:15m}") Duration lockout, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.lockout = lockout;
        Ticker ticker = () -> clock.millis() * 1_000_000L;
        this.byUser = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(lockout).maximumSize(100_000).build();
        this.byAddress = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(lockout).maximumSize(100_000).build();
    }

    /** Why a sign-in is refused before its password is even checked, or null when it may go ahead. */
    public String refusal(String username, String address) {
        if (count(byUser, user(username)) >= maxPerUser) {
            return "Too many failed sign-ins for this user: try again in " + lockout.toMinutes() + " minutes.";
        }
        if (count(byAddress, address) >= maxPerAddress) {
            return "Too many failed sign-ins from your address: try again in " + lockout.toMinutes() + " minutes.";
        }
        return null;
    }

    public void failed(String username, String address) {
        bump(byUser, user(username));
        bump(byAddress, address);
    }

    @EventListener
    public void succeeded(AuthenticationSuccessEvent event) {
        byUser.invalidate(user(event.getAuthentication().getName()));
    }

    private static String user(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static int count(Cache<String, AtomicInteger> cache, String key) {
        AtomicInteger n = key == null ? null : cache.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static void bump(Cache<String, AtomicInteger> cache, String key) {
        if (key != null) {
            // put again so the entry's expiry restarts from this failure
            AtomicInteger n = cache.get(key, k -> new AtomicInteger());
            n.incrementAndGet();
            cache.put(key, n);
        }
    }
}
