package org.groundwatergateway.gateway.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.escalation.Escalation;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.federation.JointWarnings;
import org.groundwatergateway.core.federation.Mirrors;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.federation.JointWarningExchange;
import org.groundwatergateway.gateway.federation.MessageIntake;
import org.groundwatergateway.gateway.federation.MirrorPuller;
import org.groundwatergateway.gateway.federation.MissingPartners;
import org.groundwatergateway.gateway.federation.Outbox;
import org.groundwatergateway.gateway.federation.PartnerClient;
import org.groundwatergateway.gateway.federation.PartnerKeys;
import org.groundwatergateway.gateway.federation.SequenceLedger;
import org.groundwatergateway.gateway.federation.SignedMessages;
import org.groundwatergateway.gateway.schedule.Ticker;
import org.groundwatergateway.gateway.security.SigningKeys;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.federation.Agreements;
import org.groundwatergateway.policies.federation.FederationRepository;
import org.groundwatergateway.policies.identity.ApiClientRepository;
import org.groundwatergateway.policies.identity.OrganisationRepository;
import org.groundwatergateway.policies.sharing.GrantTemplates;
import org.groundwatergateway.policies.sharing.ShareWorkflow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Federation with partner gateways: the register of peers and agreements, the mirrors and the puller that fills them. */
@Configuration(proxyBeanMethods = false)
public class FederationConfiguration {

    @Bean
    FederationRepository federationRepository(Database database) {
        return new FederationRepository(database);
    }

    @Bean
    Agreements agreements(FederationRepository repository, Database database, ShareWorkflow workflow, FederationProperties properties, Clock clock) {
        return new Agreements(repository, workflow, GrantTemplates.shipped(), new ApiClientRepository(database),
                new OrganisationRepository(database), properties.allowPlainHttp(), Set.copyOf(properties.acceptedLicences()), clock);
    }

    @Bean
    Mirrors mirrors(Database database) {
        return new Mirrors(database);
    }

    /** Messages signed with our token-signing key (published in our JWKS) and verified against each partner's. */
    @Bean
    SignedMessages signedMessages(SigningKeys keys, FederationRepository repository, Database database, FederationProperties properties, Clock clock) {
        PartnerKeys partnerKeys = new PartnerKeys(properties.requestTimeout(), clock);
        return new SignedMessages(keys::current, properties.gatewayId(), repository::peerByGateway, partnerKeys::of, new SequenceLedger(database),
                properties.clockSkew(), clock);
    }

    @Bean
    MessageIntake messageIntake(SignedMessages messages, Agreements agreements, Mirrors mirrors, Clock clock) {
        return new MessageIntake(messages, agreements, mirrors, clock);
    }

    @Bean
    MissingPartners missingPartners(Agreements agreements, Mirrors mirrors, FederationProperties properties, AccessPolicy policy, Clock clock) {
        return new MissingPartners(agreements, mirrors, properties, policy, clock);
    }

    @Bean
    MirrorPuller mirrorPuller(Agreements agreements, Mirrors mirrors, FederationProperties properties, Clock clock) {
        return new MirrorPuller(agreements, mirrors, new PartnerClient(properties.requestTimeout(), properties.maxAnswerBytes(), clock), properties, clock);
    }

    /** The puller's round: every partner whose pull is due, checked every pull interval but at least each second. */
    @Bean
    Ticker mirrorPulling(MirrorPuller puller, FederationProperties properties) {
        return new Ticker("federation-puller", properties.pullInterval().compareTo(Duration.ofSeconds(1)) < 0 ? properties.pullInterval()
                : Duration.ofSeconds(1), puller::tick);
    }

    /** The outbox's round: each partner's messages delivered in order, every second. */
    @Bean
    Ticker jointWarningDelivery(JointWarningExchange exchange) {
        return new Ticker("federation-sender", Duration.ofSeconds(1), exchange::deliver);
    }

    /** Joint warnings: raised from incidents' forecasts (on the bus) and exchanged with partners through the outbox. */
    @Bean
    JointWarningExchange jointWarningExchange(Database database, SignedMessages messages, FederationRepository repository, Agreements agreements,
                                              FederationProperties properties, Clock clock) {
        return new JointWarningExchange(new Outbox(database), messages, new PartnerClient(properties.requestTimeout(), properties.maxAnswerBytes(), clock),
                repository::peerByGateway, agreements::peers, clock);
    }

    @Bean
    JointWarnings jointWarnings(Database database, AlertRepository alerts, Escalation escalation, JointWarningExchange exchange, EventBus events,
                                FederationProperties properties, Clock clock) {
        JointWarnings warnings = new JointWarnings(database, alerts, escalation, exchange, properties.gatewayId(), clock);
        exchange.serve(warnings);
        events.subscribe(IncidentService.Forecasted.class, exchange::forecasted);
        return warnings;
    }
}
