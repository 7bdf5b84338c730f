package org.groundwatergateway.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * E-mail notifications ({@code gw.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}, and e-mail is off
 * while {@code spring.mail.host} is unset.
 *
 * @param from the sender address
 */
@ConfigurationProperties("gw.mail")
public record MailProperties(String from) {}
