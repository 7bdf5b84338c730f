package org.groundwatergateway.gateway.federation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.groundwatergateway.core.federation.ForeignDatastream;
import org.groundwatergateway.core.federation.ForeignObservation;
import org.groundwatergateway.core.federation.MirrorState;
import org.groundwatergateway.core.federation.Mirrors;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.gateway.config.FederationProperties;
import org.groundwatergateway.policies.federation.Agreement;
import org.groundwatergateway.policies.federation.Agreements;
import org.groundwatergateway.policies.federation.Peer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Pulls what partners share with us under the agreements in force, every {@code gw.federation.pull-interval}: each
 * agreed datastream's observations through the partner's SensorThings API, from a little before the newest one
 * mirrored ({@code gw.federation.lookback}) on, oldest first, page after page. Observations are merged by time, so
 * reading one again stores nothing twice, and the start follows what is stored, so a pull after an outage takes up
 * where the last stored page ended: no gaps. A failed pull leaves the mirror stale (with the time of the last whole
 * pull) and is tried again after a wait that doubles with each failure up to {@code gw.federation.backoff-max}.
 */
public final class MirrorPuller {

    private static final Logger log = LoggerFactory.getLogger(MirrorPuller.class);
    private static final String STA = "/sta/v1.1";

    private final Agreements agreements;
    private final Mirrors mirrors;
    private final PartnerClient partners;
    private final FederationProperties properties;
    private final Clock clock;

    public MirrorPuller(Agreements agreements, Mirrors mirrors, PartnerClient partners, FederationProperties properties, Clock clock) {
        this.agreements = agreements;
        this.mirrors = mirrors;
        this.partners = partners;
        this.properties = properties;
        this.clock = clock;
    }

    /** Pulls every partner whose pull is due (each {@code gw.federation.pull-interval}, checked every second at most). */
    public void tick() {
        Map<Long, List<Agreement>> byPeer = new LinkedHashMap<>();
        for (Agreement agreement : agreements.receivingNow()) byPeer.computeIfAbsent(agreement.peerId(), k -> new ArrayList<>()).add(agreement);
        byPeer.forEach((peerId, agreed) -> {
            MirrorState state = mirrors.state(peerId);
            if (state.due(clock.instant())) pull(agreements.peer(peerId), agreed, state);
        });
    }

    private void pull(Peer peer, List<Agreement> agreed, MirrorState before) {
        Instant started = clock.instant();
        Instant deadline = started.plus(properties.pullDeadline());
        try {
            int added = 0;
            for (Agreement agreement : agreed) {
                for (long datastream : agreement.datastreams()) added += pullDatastream(peer, datastream, agreement, deadline);
            }
            mirrors.record(new MirrorState(peer.id(), started, started, 0, null, started.plus(properties.pullInterval())));
            if (before.failures() > 0) log.info("Partner {} answers again: mirror current after {} failed pulls", peer.gatewayId(), before.failures());
            if (added > 0) log.debug("Pulled {} observations from partner {}", added, peer.gatewayId());
        } catch (RuntimeException e) {
            int failures = before.failures() + 1;
            // Our own words only: a parser's message may quote what the partner sent, and the last error is shown.
            String error = e instanceof PartnerFailure ? e.getMessage() : "partner " + peer.gatewayId() + ": " + PartnerFailure.UNREADABLE;
            mirrors.record(new MirrorState(peer.id(), started, before.lastSuccessAt(), failures, error, started.plus(backoff(failures))));
            if (failures == 1) log.warn("Pulling from partner {} failed; its mirror is stale until a pull succeeds: {}", peer.gatewayId(), error, e);
        }
    }

    /** The wait after this many failures in a row: the pull interval, doubled per failure, at most the maximum. */
    Duration backoff(int failures) {
        Duration wait = properties.pullInterval().multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : wait;
    }

    /**
     * Mirrors one datastream's new observations; how many were new. A datastream the partner does not show us, or masks
     * otherwise than when it was mirrored under this agreement, fails the pull and stores nothing. At most
     * {@code gw.federation.max-pages} pages are read (the next pull goes on from what is stored); a next link that
     * repeats, or a pull beyond its deadline, fails it.
     */
    private int pullDatastream(Peer peer, long remoteId, Agreement agreement, Instant deadline) {
        JsonNode datastream = partners.get(peer, STA + "/Datastreams(" + remoteId + ")?$expand="
                + encode("Thing($select=name;$expand=Locations($select=location))")).body();
        Instant newest = mirrors.newest(peer.id(), remoteId);
        String since = newest == null ? "" : "$filter=" + encode("phenomenonTime ge " + newest.minus(properties.lookback())) + "&";
        String next = STA + "/Datastreams(" + remoteId + ")/Observations?" + since + "$orderby=" + encode("phenomenonTime asc,id asc")
                + "&$top=" + properties.pageSize() + "&$select=" + encode("id,phenomenonTime,result");
        long local = -1;
        int added = 0;
        Set<String> followed = new HashSet<>();
        for (int pages = 0; next != null && pages < properties.maxPages(); pages++) {
            if (!followed.add(next)) throw new PartnerFailure("partner " + peer.gatewayId() + " links datastream " + remoteId + " to a page read already");
            if (clock.instant().isAfter(deadline)) {
                throw new PartnerFailure("pulling from partner " + peer.gatewayId() + " took longer than " + properties.pullDeadline());
            }
            PartnerClient.Answer page = partners.get(peer, next);
            if (local < 0) {
                ForeignDatastream stored = mirrors.datastream(peer.id(), remoteId).orElse(null);
                if (stored != null && !stored.masksAs(agreement.id(), page.disclosure())) {
                    throw new PartnerFailure("partner " + peer.gatewayId() + " masks datastream " + remoteId + " otherwise than agreed (was: "
                            + stored.disclosure() + "; now: " + page.disclosure() + "): not mirrored until an agreement covers it again");
                }
                local = mirrors.mirror(peer.id(), remoteId, agreement.id(), datastream.path("name").asString(), datastream.path("description").asString(null),
                        datastream.path("unitOfMeasurement").path("symbol").asString(null), datastream.path("Thing").path("name").asString(null),
                        agreement.licence(), page.disclosure());
                mirrors.place(local, place(datastream.path("Thing").path("Locations").path(0).path("location")));
            }
            List<ForeignObservation> observations = new ArrayList<>();
            for (JsonNode o : page.body().path("value")) {
                JsonNode result = o.path("result");
                String time = o.path("phenomenonTime").asString();
                observations.add(new ForeignObservation(o.path("@iot.id").asLong(), Instant.parse(time.contains("/") ? time.substring(0, time.indexOf('/')) : time),
                        result.isNumber() ? result.asDouble() : null));
            }
            added += mirrors.merge(local, observations, clock.instant()).added();
            JsonNode link = page.body().path("@iot.nextLink");
            next = link.isString() ? link.asString() : null;
        }
        return added;
    }

    /**
     * A Location's point as the partner shows it (GeoJSON, longitude first, CGCS2000 or WGS 84 — within a metre of each
     * other); null for anything else, so that a partner's odd geometry places nothing rather than failing the pull.
     */
    static Point place(JsonNode location) {
        JsonNode xy = location.path("coordinates");
        if (!"Point".equals(location.path("type").asString(null)) || xy.size() < 2 || !xy.get(0).isNumber() || !xy.get(1).isNumber()) return null;
        double lon = xy.get(0).asDouble();
        double lat = xy.get(1).asDouble();
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) return null;
        return Cgcs2000.GEOMETRY_FACTORY.createPoint(new Coordinate(lon, lat));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
