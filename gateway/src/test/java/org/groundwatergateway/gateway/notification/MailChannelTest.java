package org.groundwatergateway.gateway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import org.groundwatergateway.core.alert.Alert.Level;
import org.groundwatergateway.core.escalation.Notification;
import org.groundwatergateway.core.escalation.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** E-mail through a real SMTP server (GreenMail, in process on a free loopback port): Chinese subject and body arrive intact. */
class MailChannelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    /** The channel on an in-process SMTP server. */
    static MailChannel channelFor(GreenMailExtension smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        return new MailChannel(sender, "alerts@example.org");
    }

    @Test
    void deliversChineseSubjectAndBodyInUtf8() throws Exception {
        Notification notification = new Notification(7, Level.SERIOUS, Tier.SUPERVISOR, "THRESHOLD", "GW-U04",
                "苯 0.125 mg/L，超过地下水质量 IV 类限值", Instant.parse("2026-11-25T02:00:00Z"));
        channelFor(SMTP).send(notification, "supervisor@example.org");

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("【较重预警】THRESHOLD GW-U04");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("supervisor@example.org");
        assertThat(message.getFrom()[0].toString()).isEqualTo("alerts@example.org");
        assertThat(message.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) message.getContent()).contains("苯 0.125 mg/L，超过地下水质量 IV 类限值", "发生时间：2026-11-25 10:00", "通知层级：主管");
        assertThat(GreenMailUtil.getHeaders(message)).contains("=?UTF-8?");
    }
}
