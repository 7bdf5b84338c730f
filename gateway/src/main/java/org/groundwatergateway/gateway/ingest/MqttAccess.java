package org.groundwatergateway.gateway.ingest;

import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.text.Shortened;
import org.groundwatergateway.gateway.config.StaProperties;
import org.groundwatergateway.gateway.notification.AlertStream;
import org.groundwatergateway.gateway.security.AccessTokens;
import org.groundwatergateway.gateway.security.OperationPermissions;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Who may connect to the embedded broker and what they may publish and subscribe to.
 *
 * <ul>
 * <li>A <b>device</b> logs in with its MN as username and its registered HJ 212 password; it may publish to
 * {@code gw/{its MN}/readings} and nothing else. A disabled device is refused.</li>
 * <li>A <b>token holder</b> gives any username and an access token of this platform as password. It may subscribe to
 * {@code v1.1/...}; with role OM_ENGINEER or DATA_REVIEWER publish SensorThings creations ({@code v1.1/Observations},
 * {@code v1.1/Datastreams(id)/Observations}), created as that viewer, while the sharing policy shows the public Observations
 * unmasked (the broker routes a publication to subscribers as published); where it may open the alert stream over HTTP
 * (its permission-matrix row and an unmasked view under the sharing policy) subscribe to {@code gw/alerts/...}. The token is verified again at every subscription and publication, so an expired
 * or revoked token stops working without a reconnection.</li>
 * <li>The <b>platform's own clients</b> log in with the internal account ({@link MqttGatewayAccount}) and may do
 * anything.</li>
 * <li>An <b>anonymous</b> client (no username) may subscribe to {@code v1.1/...} only: public reads, which carry what
 * the access policy discloses to the public.</li>
 * </ul>
 * A username with a wrong or missing password is refused at CONNECT (code 4), never taken as anonymous.
 *
 * <p>Moquette hands the authorizer the username it authenticated and the client id. What a client id logged in as is
 * kept here until it has been disconnected for a while, and honoured only while the username matches, so a later
 * connection under the same client id without credentials is judged as anonymous.
 */
@Component
public class MqttAccess implements IAuthenticator, IAuthorizatorPolicy {

    private static final Logger log = LoggerFactory.getLogger(MqttAccess.class);
    private static final Set<Role> CREATORS = EnumSet.of(Role.OM_ENGINEER, Role.DATA_REVIEWER);
    /** How long the login of a client that is no longer connected is kept. */
    private static final Duration KEEP_DISCONNECTED = Duration.ofSeconds(60);
    private static final int MAX_LOGGED_USERNAME = 64;

    /** What a connection proved to be at CONNECT. */
    private sealed interface Identity {}

    private record Gateway() implements Identity {}

    private record DeviceLogin(String mn) implements Identity {}

    /** The token itself is kept (in memory only) to verify it again at each use. */
    private record TokenLogin(String token) implements Identity {
        @Override
        public String toString() {
            return "TokenLogin[token hidden]";
        }
    }

    private record Login(String username, Identity identity, Instant at) {}

    private final DeviceRegistry devices;
    private final ObjectProvider<AccessTokens> accessTokens;
    private final MqttGatewayAccount gateway;
    private final StaProperties sta;
    private final OperationPermissions permissions;
    private final DisclosedRecords disclosed;
    private final Clock clock;
    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private volatile Supplier<Set<String>> connectedClients = Set::of;
    private volatile Instant lastSweep = Instant.EPOCH;

    public MqttAccess(DeviceRegistry devices, ObjectProvider<AccessTokens> accessTokens, MqttGatewayAccount gateway, StaProperties sta,
                      OperationPermissions permissions, DisclosedRecords disclosed, Clock clock) {
        this.permissions = permissions;
        this.disclosed = disclosed;
        this.devices = devices;
        this.accessTokens = accessTokens;
        this.gateway = gateway;
        this.sta = sta;
        this.clock = clock;
    }

    /** The client ids connected to the broker now, so that the logins of departed clients are let go. */
    void connectedClients(Supplier<Set<String>> connected) {
        this.connectedClients = connected;
    }

    // --- authentication -------------------------------------------------------------------------------------------

    /** Called by Moquette for every CONNECT that carries a username (password null if it carries none). */
    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        Identity identity;
        try {
            identity = identify(username, password);
        } catch (Refused refused) {
            log.warn("MQTT connection refused: client id {}, username {}: {}", clientId, printable(username), refused.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn("MQTT connection refused: client id {}, username {}: the credentials could not be checked ({})", clientId,
                    printable(username), e.toString());
            return false;
        }
        Instant now = clock.instant();
        logins.put(clientId, new Login(username, identity, now));
        sweep(now);
        return true;
    }

    private Identity identify(String username, byte[] password) {
        if (password == null || password.length == 0) throw new Refused("no password");
        if (MqttGatewayAccount.INTERNAL_USERNAME.equals(username)) {
            if (gateway.isInternal(username, password)) return new Gateway();
            throw new Refused("wrong password for the platform's internal account");
        }
        Optional<Device> device = devices.device(username);
        if (device.isPresent()) {
            // A registered MN names that device: only its own password opens it, never a token.
            Device d = device.get();
            if (d.password() == null || !MessageDigest.isEqual(d.password().getBytes(StandardCharsets.UTF_8), password)) {
                throw new Refused("wrong password for device " + d.mn());
            }
            if (!d.enabled()) throw new Refused("device " + d.mn() + " is disabled");
            return new DeviceLogin(d.mn());
        }
        AccessTokens tokens = accessTokens.getIfAvailable();
        if (tokens == null) {
            throw new Refused("not a registered device, and token logins are not available (this build has no access token verifier)");
        }
        String token = new String(password, StandardCharsets.UTF_8);
        if (tokens.verify(token).isEmpty()) throw new Refused("not a registered device, and the password is not a valid access token");
        return new TokenLogin(token);
    }

    private static String printable(String username) {
        if (username == null) return null;
        return Shortened.to(username, MAX_LOGGED_USERNAME).replaceAll("\\p{Cntrl}", "?");
    }

    /** Lets go of the logins of clients gone for a while (at most once a minute, on a login). */
    private void sweep(Instant now) {
        if (Duration.between(lastSweep, now).compareTo(KEEP_DISCONNECTED) < 0) return;
        lastSweep = now;
        Set<String> connected = connectedClients.get();
        logins.entrySet().removeIf(e -> !connected.contains(e.getKey()) && Duration.between(e.getValue().at(), now).compareTo(KEEP_DISCONNECTED) > 0);
    }

    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    // --- authorisation ----------------------------------------------------------------------------------------------

    /** What this connection logged in as; empty for anonymous connections and for anything not understood. */
    private Optional<Identity> identity(String username, String clientId) {
        if (username == null || clientId == null) return Optional.empty();
        Login login = logins.get(clientId);
        if (login == null || !login.username().equals(username)) return Optional.empty();
        return Optional.of(login.identity());
    }

    /** May this connection subscribe to this topic filter? */
    @Override
    public boolean canRead(Topic topic, String username, String clientId) {
        String filter = topic.toString();
        if (username == null) return MqttTopics.isSensorThings(filter);
        Identity identity = identity(username, clientId).orElse(null);
        if (identity instanceof Gateway) return true;
        if (identity instanceof TokenLogin login) {
            Viewer viewer = verify(login).orElse(null);
            if (viewer == null) return false;
            return MqttTopics.isSensorThings(filter) || MqttTopics.isAlerts(filter) && readsAlerts(viewer);
        }
        // A device publishes only; a connection whose login is unknown gets nothing.
        return false;
    }

    /**
     * Alerts as raised go to those who may open the alert stream over HTTP: its row of the permission matrix, and a
     * sharing policy that shows them the stream unmasked.
     */
    private boolean readsAlerts(Viewer viewer) {
        boolean permitted = permissions.rule("GET", AlertStream.DESTINATION).map(rule -> rule.allows(viewer, true)).orElse(false);
        return permitted && disclosed.showsUnmasked(viewer, AlertStream.DATASET);
    }

    /** May this connection publish to this topic? */
    @Override
    public boolean canWrite(Topic topic, String username, String clientId) {
        String name = topic.toString();
        Identity identity = identity(username, clientId).orElse(null);
        if (identity instanceof Gateway) return true;
        if (identity instanceof DeviceLogin device) {
            return name.equals(MqttTopics.readings(device.mn())) && devices.device(device.mn()).filter(Device::enabled).isPresent();
        }
        if (identity instanceof TokenLogin login) {
            if (!sta.mqttCreate() || !MqttTopics.isSensorThingsCreation(name) || !publicSeesObservationsAsPublished()) return false;
            return verify(login).filter(viewer -> CREATORS.stream().anyMatch(viewer::has)).isPresent();
        }
        return false;
    }

    /**
     * The broker routes a publication to the topic's subscribers as published, before the platform sees it, and anyone
     * may subscribe to {@code v1.1/...} without a login. So a creation is taken over MQTT only while the sharing policy
     * shows the public Observations unmasked (the open policy); under a masking one (the shipped default) it is refused,
     * and creations go over HTTP, whose answers and announcements are disclosed per viewer.
     */
    private boolean publicSeesObservationsAsPublished() {
        return disclosed.showsUnmasked(Viewer.anonymous(), EntityType.OBSERVATION.setName());
    }

    /**
     * The viewer a SensorThings creation published by this connection runs as: the token holder's, verified now. Empty
     * for anyone else (devices, the platform's own clients, anonymous connections) and for a token no longer valid.
     */
    public Optional<Viewer> creator(String username, String clientId) {
        return identity(username, clientId).filter(TokenLogin.class::isInstance).map(TokenLogin.class::cast).flatMap(this::verify)
                .filter(viewer -> CREATORS.stream().anyMatch(viewer::has));
    }

    /** The token's viewer now: empty once it expired or was revoked, or if it cannot be checked. */
    private Optional<Viewer> verify(TokenLogin login) {
        AccessTokens tokens = accessTokens.getIfAvailable();
        if (tokens == null) return Optional.empty();
        try {
            return tokens.verify(login.token());
        } catch (RuntimeException e) {
            log.warn("An MQTT token holder's token could not be verified: {}", e.toString());
            return Optional.empty();
        }
    }
}
