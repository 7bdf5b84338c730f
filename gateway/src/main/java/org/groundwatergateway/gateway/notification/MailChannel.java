package org.groundwatergateway.gateway.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.groundwatergateway.core.escalation.Channel;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.NotificationChannel;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** E-mail by SMTP to each on-call contact, subject and body in UTF-8 (they are Chinese). */
public final class MailChannel implements NotificationChannel {

    private final JavaMailSender sender;
    private final String from;

    public MailChannel(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Notification notification, String recipient) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(recipient);
        helper.setSubject(notification.title());
        helper.setText(notification.text());
        sender.send(message);
    }
}
