package org.groundwatergateway.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.escalation.DemoOnCall;
import org.groundwatergateway.core.escalation.Escalation;
import org.groundwatergateway.core.escalation.EscalationPolicy;
import org.groundwatergateway.core.escalation.EscalationRepository;
import org.groundwatergateway.core.escalation.NotificationChannel;
import org.groundwatergateway.core.escalation.NotificationDispatcher;
import org.groundwatergateway.core.escalation.OnCallRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.ingest.MqttGatewayAccount;
import org.groundwatergateway.gateway.ingest.MqttLifecycle;
import org.groundwatergateway.gateway.metrics.MeteredChannel;
import org.groundwatergateway.gateway.notification.AlertStream;
import org.groundwatergateway.gateway.notification.AliyunSms;
import org.groundwatergateway.gateway.notification.EscalationChecks;
import org.groundwatergateway.gateway.notification.MailChannel;
import org.groundwatergateway.gateway.notification.MqttAlertChannel;
import org.groundwatergateway.gateway.notification.SmsChannel;
import org.groundwatergateway.gateway.notification.WebhookChannel;
import org.groundwatergateway.gateway.schedule.Ticker;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Alert escalation and its channels. A channel whose settings are absent (no SMS key, no SMTP host, no webhook URL) is
 * off, and says so once at start; the others work without it.
 */
@Configuration(proxyBeanMethods = false)
public class EscalationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EscalationConfiguration.class);

    @Bean
    OnCallRepository onCallRepository(Database database, DemoMode demoMode) {
        OnCallRepository onCall = new OnCallRepository(database);
        if (demoMode.enabled() && DemoOnCall.seedIfEmpty(onCall)) log.info("Demo on-call rota written (fictional contacts)");
        return onCall;
    }

    @Bean
    EscalationRepository escalationRepository(Database database) {
        return new EscalationRepository(database);
    }

    @Bean
    AlertStream alertStream() {
        return new AlertStream();
    }

    @Bean(destroyMethod = "close")
    MqttAlertChannel mqttAlertChannel(MqttLifecycle mqtt, MqttGatewayAccount account) {
        return new MqttAlertChannel(mqtt::brokerUrl, account.credentials(), account.clientId(MqttAlertChannel.baseClientId()));
    }

    @Bean(destroyMethod = "close")
    NotificationDispatcher notificationDispatcher(EscalationProperties properties, SmsProperties sms, MailProperties mail,
                                                  ObjectProvider<JavaMailSender> mailSender, WebhookProperties webhook, AlertStream push,
                                                  MqttAlertChannel mqtt, EscalationRepository store, SharingPolicies policies,
                                                  DisclosedRecords disclosed, MeterRegistry registry, Clock clock) {
        List<NotificationChannel> channels = new ArrayList<>(List.of(push, mqtt));
        if (sms.configured()) {
            channels.add(new SmsChannel(new AliyunSms(new AliyunSms.Settings(sms.endpoint(), sms.regionId(), sms.accessKeyId(),
                    sms.accessKeySecret(), sms.signName(), sms.templateCode()), properties.sendTimeout(), clock)));
        } else {
            log.info("SMS notifications are off: set gw.sms.access-key-id and gw.sms.access-key-secret (Alibaba Cloud SMS)");
        }
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender != null) {
            channels.add(new MailChannel(sender, mail.from()));
        } else {
            log.info("E-mail notifications are off: set spring.mail.host (and gw.mail.from)");
        }
        if (webhook.url() != null) {
            // The receiver is looked up at each send: the policy and the organisations it names change while running.
            channels.add(new WebhookChannel(webhook.url(), webhook.secret(), properties.sendTimeout(), webhook.audience(),
                    () -> disclosed.showsUnmasked(policies.audience(webhook.audience()), AlertStream.DATASET)));
        } else {
            log.info("Webhook notifications are off: set gw.webhook.url (and gw.webhook.secret)");
        }
        return new NotificationDispatcher(channels.stream().<NotificationChannel>map(c -> new MeteredChannel(c, registry)).toList(), store, clock,
                new NotificationDispatcher.Settings(properties.sendTimeout(), properties.attempts(), properties.retryDelay()));
    }

    @Bean
    EscalationPolicy escalationPolicy(EscalationProperties properties) {
        return new EscalationPolicy(properties.timeout(), properties.notifyAtOnce(), properties.channels());
    }

    @Bean
    Ticker escalationTicker(EscalationChecks checks, EscalationProperties properties) {
        return new Ticker("escalation-ticker", properties.checkInterval(), checks::round);
    }

    @Bean
    Escalation escalation(EscalationPolicy policy, OnCallRepository onCall, EscalationRepository store, NotificationDispatcher dispatcher,
                          EventBus events, Clock clock) {
        Escalation escalation = new Escalation(policy, onCall, store, dispatcher, clock);
        events.subscribe(Alert.class, escalation::raised);
        return escalation;
    }
}
