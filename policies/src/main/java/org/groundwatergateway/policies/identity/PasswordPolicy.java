package org.groundwatergateway.policies.identity;

import java.time.Duration;
import java.util.Locale;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * Password rules of GB/T 22239 level 3 (身份鉴别): length, mixed character classes, not the account's name, not one of
 * the last {@code history} passwords (checked by {@link Accounts}), changed at least every {@code maxAge}.
 *
 * @param maxAge zero for passwords that never expire
 */
public record PasswordPolicy(int minLength, int requiredClasses, int history, Duration maxAge) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(10, 3, 5, Duration.ofDays(90));

    public PasswordPolicy {
        if (minLength < 8) throw new IllegalArgumentException("a password policy needs at least 8 characters");
        if (requiredClasses < 1 || requiredClasses > 4) throw new IllegalArgumentException("required classes: 1 to 4");
        if (history < 1) throw new IllegalArgumentException("history: at least the current password");
        if (maxAge.isNegative()) throw new IllegalArgumentException("maxAge must not be negative");
    }

    /** Refuses a password this policy does not take for this account, stating the whole rule so that one retry can meet it. */
    public void check(String username, String password) {
        if (!acceptable(username, password)) throw new InvalidInput("policies.password.weak", "password", minLength, requiredClasses);
    }

    private boolean acceptable(String username, String password) {
        if (password == null || password.length() < minLength) return false;
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0) + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        return classes >= requiredClasses && (username == null || !password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT)));
    }

    public boolean expired(java.time.Instant changedAt, java.time.Instant now) {
        return !maxAge.isZero() && changedAt.plus(maxAge).isBefore(now);
    }
}
