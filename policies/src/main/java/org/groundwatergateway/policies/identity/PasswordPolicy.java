package org.groundwatergateway.policies.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /** What is wrong with this password for this account; empty when it is acceptable. */
    public List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < minLength) problems.add("at least " + minLength + " characters");
        if (password == null) return problems;
        int classes = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0) + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (classes < requiredClasses) {
            problems.add(requiredClasses + " of: lower-case letters, upper-case letters, digits, other characters");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the account name");
        }
        return problems;
    }

    public boolean expired(java.time.Instant changedAt, java.time.Instant now) {
        return !maxAge.isZero() && changedAt.plus(maxAge).isBefore(now);
    }
}
