package org.groundwatergateway.policies.identity;

import java.time.Duration;

/** After {@code attempts} failed logins in a row an account is locked for {@code duration} (GB/T 22239 登录失败处理). */
public record LockoutPolicy(int attempts, Duration duration) {

    public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

    public LockoutPolicy {
        if (attempts < 1) throw new IllegalArgumentException("lockout attempts: at least 1");
        if (duration.isNegative() || duration.isZero()) throw new IllegalArgumentException("lockout duration must be positive");
    }
}
