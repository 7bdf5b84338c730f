package org.groundwatergateway.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.identity.Accounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the login page and HTTP Basic, through {@link Accounts} (policy, lockout, audit of logins). A
 * desktop OGC client sends its password with every request: a verified password is remembered for a short while as
 * a keyed hash (HMAC with a key of this process, never the password), so only the first request pays for bcrypt.
 * Anything that changes an account forgets what was remembered for it.
 */
public final class PasswordLogins implements AuthenticationProvider {

    private record Remembered(Viewer viewer, Instant until) {}

    private static final int REMEMBERED = 10_000;
    private final Accounts accounts;
    private final Duration remember;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

    public PasswordLogins(Accounts accounts, Duration remember, Clock clock) {
        this.accounts = accounts;
        this.remember = remember;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
        String cacheKey = username + '\n' + digest(password);
        Remembered remembered = verified.get(cacheKey);
        if (remembered != null && remembered.until().isAfter(clock.instant())) return signedIn(remembered.viewer());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Accounts.Login login = accounts.login(username, password, address);
        if (login instanceof Accounts.Login.Succeeded ok) {
            Viewer viewer = new Viewer(ok.account().username(), ok.account().roles(), ok.organisation().code(), ok.organisation().kind());
            if (verified.size() >= REMEMBERED) verified.clear();
            verified.put(cacheKey, new Remembered(viewer, clock.instant().plus(remember)));
            return signedIn(viewer);
        }
        Accounts.Login.Reason reason = ((Accounts.Login.Refused) login).reason();
        if (reason == Accounts.Login.Reason.LOCKED) forget(username);
        throw switch (reason) {
            case BAD_CREDENTIALS -> new BadCredentialsException("Wrong account name or password");
            case LOCKED -> new LockedException("Account locked after repeated failed logins; try again later");
            case DISABLED -> new DisabledException("Account disabled");
            case PASSWORD_EXPIRED -> new CredentialsExpiredException("Password expired; change it at /api/v1/me/password");
        };
    }

    /** Forgets remembered passwords of an account whose password, roles or state changed. */
    public void forget(String username) {
        verified.keySet().removeIf(k -> k.startsWith(username + '\n'));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Signed in by password now: the factor's time is what an ID token's auth_time says. */
    private Authentication signedIn(Viewer viewer) {
        List<GrantedAuthority> authorities = new ArrayList<>(Viewers.authorities(viewer));
        authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(clock.instant()).build());
        return UsernamePasswordAuthenticationToken.authenticated(viewer.name(), null, authorities);
    }

    private String digest(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal((password == null ? "" : password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
