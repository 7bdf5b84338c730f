package org.groundwatergateway.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in and for how long ({@code gw.security.*}); the README lists them.
 *
 * @param issuer the authorization server's issuer URL as clients reach it; unset: taken from each request
 * @param audience the audience every access token is issued for and checked against
 * @param accessTokenTtl how long an access token lives; a revoked signing key stays published this long
 * @param refreshTokenTtl how long a refresh token lives
 * @param keyRotation how often the signing key is replaced on its own (zero: only on request)
 * @param passwordMinLength shortest password
 * @param passwordClasses how many of lower, upper, digits, others a password needs
 * @param passwordHistory a new password differs from this many previous ones
 * @param passwordMaxAge a password older than this must be changed (zero: never)
 * @param lockoutAttempts failed logins in a row that lock an account
 * @param lockoutDuration how long it stays locked
 * @param basicCacheTtl how long a verified HTTP Basic password is remembered, so a desktop client's every request
 *     does not pay for a password hash
 * @param initialAdminPassword the first system administrator's password (account {@code sysadmin}) when no account
 *     exists; unset: a one-time setup token is printed instead
 */
@ConfigurationProperties("gw.security")
public record SecurityProperties(String issuer, String audience, Duration accessTokenTtl, Duration refreshTokenTtl, Duration keyRotation,
                                 int passwordMinLength, int passwordClasses, int passwordHistory, Duration passwordMaxAge,
                                 int lockoutAttempts, Duration lockoutDuration, Duration basicCacheTtl, String initialAdminPassword) {}
