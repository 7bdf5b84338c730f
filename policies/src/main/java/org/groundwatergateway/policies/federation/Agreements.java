package org.groundwatergateway.policies.federation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.identity.ApiClientRepository;
import org.groundwatergateway.policies.identity.Organisation;
import org.groundwatergateway.policies.identity.OrganisationRepository;
import org.groundwatergateway.policies.sharing.Audience;
import org.groundwatergateway.policies.sharing.Effect;
import org.groundwatergateway.policies.sharing.Grant;
import org.groundwatergateway.policies.sharing.GrantTemplate;
import org.groundwatergateway.policies.sharing.GrantTemplates;
import org.groundwatergateway.policies.sharing.Rule;
import org.groundwatergateway.policies.sharing.ShareRefusal;
import org.groundwatergateway.policies.sharing.ShareRefusal.Kind;
import org.groundwatergateway.policies.sharing.ShareRefusal.Problem;
import org.groundwatergateway.policies.sharing.ShareWorkflow;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security administrator's register of partner gateways and agreements (issue #19). An agreement to share is
 * made a grant of the sharing policy to the partner's organisation, limited to the agreed datastreams, so that the
 * partner's requests see exactly it through every door and ending it (or its expiry) holds from the next request on.
 */
public final class Agreements {

    /** What a peer form says, as sent; {@code role} {@code PARK} (if absent) or {@code PROVINCE}. */
    public record PeerForm(String gatewayId, String name, String parkCode, String baseUrl, String outboundClientId, String outboundClientSecret,
                           String inboundClientId, String boundary, String contact, String role) {}

    /** What an agreement form says, as sent: times as ISO-8601 text, so that a bad one is refused naming its field. */
    public record AgreementForm(Long peer, String direction, List<Long> datastreams, String level, String licence, String validFrom,
                                String validUntil) {}

    /**
     * The attribute that limits each entity set an agreement covers to the agreed datastreams: a Datastream by its id,
     * an Observation by its Datastream's. Other datasets of the level stay as the policy shows partner parks.
     */
    static final Map<String, String> ROW_KEYS = Map.of("Datastreams", "id", "Observations", "Datastream/id");

    private static final Logger log = LoggerFactory.getLogger(Agreements.class);
    private static final int MAX_TEXT = 2000;
    /** The licence column's length. */
    private static final int MAX_LICENCE = 200;
    /** The years a time of an agreement may lie in, as every time the gateway is given (RequestValues). */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 9999;
    private static final int MAX_DATASTREAMS = 500;

    private final FederationRepository repository;
    private final ShareWorkflow workflow;
    private final GrantTemplates templates;
    private final ApiClientRepository clients;
    private final OrganisationRepository organisations;
    private final boolean allowPlainHttp;
    private final Set<String> acceptedLicences;
    private final Clock clock;

    /** Partners' base URLs must be https. */
    public Agreements(FederationRepository repository, ShareWorkflow workflow, GrantTemplates templates, ApiClientRepository clients,
                      OrganisationRepository organisations, Clock clock) {
        this(repository, workflow, templates, clients, organisations, false, clock);
    }

    /**
     * @param allowPlainHttp whether a partner's base URL may be plain http ({@code gw.federation.allow-plain-http}, for
     *                       tests on loopback): our client secret and tokens would travel in clear
     */
    public Agreements(FederationRepository repository, ShareWorkflow workflow, GrantTemplates templates, ApiClientRepository clients,
                      OrganisationRepository organisations, boolean allowPlainHttp, Clock clock) {
        this(repository, workflow, templates, clients, organisations, allowPlainHttp, Set.of(), clock);
    }

    /**
     * @param acceptedLicences the licences we accept data under ({@code gw.federation.accepted-licences}): an agreement to
     *                         receive under another is refused; empty: any
     */
    public Agreements(FederationRepository repository, ShareWorkflow workflow, GrantTemplates templates, ApiClientRepository clients,
                      OrganisationRepository organisations, boolean allowPlainHttp, Set<String> acceptedLicences, Clock clock) {
        this.acceptedLicences = Set.copyOf(acceptedLicences);
        this.allowPlainHttp = allowPlainHttp;
        this.repository = repository;
        this.workflow = workflow;
        this.templates = templates;
        this.clients = clients;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Whether we accept data under this licence: any, unless {@code gw.federation.accepted-licences} names some. */
    public boolean accepts(String licence) {
        return acceptedLicences.isEmpty() || acceptedLicences.contains(licence);
    }

    public List<Peer> peers() {
        return repository.peers();
    }

    public Peer peer(long id) {
        return repository.peer(id).orElseThrow(() -> ShareRefusal.of(Kind.NOT_FOUND, "id", "no partner gateway " + id, "没有编号为 " + id + " 的合作网关"));
    }

    public synchronized Peer register(Viewer administrator, PeerForm form) {
        List<Problem> problems = new ArrayList<>();
        String gatewayId = text("gatewayId", form.gatewayId(), problems);
        if (gatewayId != null && !gatewayId.matches("[A-Za-z0-9_.-]{3,100}")) {
            problems.add(new Problem("gatewayId", "3 to 100 letters, digits, '_', '.' or '-'", "3 至 100 个字母、数字、“_”“.”或“-”"));
        } else if (gatewayId != null && repository.peerByGateway(gatewayId).isPresent()) {
            problems.add(new Problem("gatewayId", "gateway " + gatewayId + " is registered already", "网关 " + gatewayId + " 已登记"));
        }
        String name = text("name", form.name(), problems);
        String park = text("parkCode", form.parkCode(), problems);
        // Park codes travel in the GW-Federation-Partial header's list: no separators, Latin-1 only.
        if (park != null && !park.matches("[A-Za-z0-9_.-]{1,64}")) {
            problems.add(new Problem("parkCode", "1 to 64 letters, digits, '_', '.' or '-'", "1 至 64 个字母、数字、“_”“.”或“-”"));
        }
        String baseUrl = baseUrl(form.baseUrl(), problems);
        String outboundClient = text("outboundClientId", form.outboundClientId(), problems);
        String outboundSecret = text("outboundClientSecret", form.outboundClientSecret(), problems);
        String inboundClient = text("inboundClientId", form.inboundClientId(), problems);
        String organisation = inboundClient == null ? null : partnerOrganisation(inboundClient, problems);
        // One organisation, one partner: grants go to the client's organisation, so two partners in one would see what
        // was agreed with either, and the senders their messages are checked against would mix.
        if (organisation != null && repository.peers().stream()
                .anyMatch(p -> organisation.equals(partnerOrganisation(p.inboundClientId(), new ArrayList<>())))) {
            problems.add(new Problem("inboundClientId", "client " + inboundClient + " is of organisation " + organisation + ", another partner's already",
                    "客户端 " + inboundClient + " 所属机构 " + organisation + " 已属于另一合作方"));
        }
        String boundary = boundary(form.boundary(), problems);
        String contact = form.contact() == null || form.contact().isBlank() ? null : form.contact().strip();
        Peer.Role role = role(form.role(), problems);
        if (!problems.isEmpty()) throw new ShareRefusal(Kind.INVALID, problems);
        long id = repository.insertPeer(new Peer(0, gatewayId, name, park, baseUrl, outboundClient, outboundSecret, inboundClient, boundary, contact,
                role, administrator.name(), clock.instant()));
        return repository.peer(id).orElseThrow();
    }

    public List<Agreement> agreements() {
        return repository.agreements();
    }

    private static Peer.Role role(String role, List<Problem> problems) {
        if (role == null || role.isBlank()) return Peer.Role.PARK;
        for (Peer.Role r : Peer.Role.values()) if (r.name().equals(role.strip())) return r;
        problems.add(new Problem("role", "PARK or PROVINCE", "PARK（园区）或 PROVINCE（省级）"));
        return null;
    }

    public Agreement agreement(long id) {
        return repository.agreement(id).orElseThrow(() -> ShareRefusal.of(Kind.NOT_FOUND, "id", "no agreement " + id, "没有编号为 " + id + " 的协议"));
    }

    /** The agreements under which partners share with us that are in force now. */
    public List<Agreement> receivingNow() {
        Instant now = clock.instant();
        return repository.agreements().stream()
                .filter(a -> a.direction() == Agreement.Direction.RECEIVE && a.state(now) == Agreement.State.ACTIVE).toList();
    }

    /** Records an agreement; one we share under is granted to the partner's organisation at once, with its other agreements in force. */
    public synchronized Agreement agree(Viewer administrator, AgreementForm form) {
        List<Problem> problems = new ArrayList<>();
        Peer peer = form.peer() == null ? null : repository.peer(form.peer()).orElse(null);
        if (peer == null) problems.add(new Problem("peer", "no partner gateway " + form.peer(), "没有编号为 " + form.peer() + " 的合作网关"));
        Agreement.Direction direction = direction(form.direction(), problems);
        List<Long> datastreams = datastreams(form.datastreams(), direction, problems);
        GrantTemplate level = level(form.level(), problems);
        String licence = text("licence", form.licence(), problems);
        if (licence != null && licence.length() > MAX_LICENCE) {
            problems.add(new Problem("licence", "at most " + MAX_LICENCE + " characters", "最多 " + MAX_LICENCE + " 个字符"));
        } else if (licence != null && direction == Agreement.Direction.RECEIVE && !accepts(licence)) {
            String accepted = String.join(", ", new TreeSet<>(acceptedLicences));
            problems.add(new Problem("licence", "this gateway does not accept data under " + licence + "; it accepts: " + accepted
                    + " (gw.federation.accepted-licences)", "本平台不接受按 " + licence + " 许可共享的数据；可接受：" + accepted
                    + "（gw.federation.accepted-licences）"));
        }
        Instant now = clock.instant();
        Instant from = instant("validFrom", form.validFrom(), false, problems);
        Instant until = instant("validUntil", form.validUntil(), true, problems);
        if (from == null) from = now;
        if (until != null && !until.isAfter(from.isBefore(now) ? now : from)) {
            problems.add(new Problem("validUntil", "must be later than validFrom and now", "必须晚于 validFrom 和当前时间"));
        }
        String grantee = peer == null ? null : partnerOrganisation(peer.inboundClientId(), problems);
        if (direction == Agreement.Direction.SHARE && peer != null && level != null && until != null) {
            sameLevel(peer, level.id(), from, until, now, problems);
        }
        if (!problems.isEmpty()) throw new ShareRefusal(Kind.INVALID, problems);
        Agreement made = new Agreement(0, peer.id(), direction, datastreams, level.id(), licence, from, until, null, administrator.name(), now, null);
        // The agreement and the partner's grants anew in one transaction: no grant without its agreement, nor the reverse.
        long id = workflow.change(() -> repository.inTransaction(() -> {
            long inserted = repository.insertAgreement(made);
            if (direction == Agreement.Direction.SHARE) reissue(administrator, peer, grantee, "agreement " + inserted + " recorded");
            return inserted;
        }));
        log.info("Agreement {} to {} datastreams {} with {} from {} until {} recorded by {}", id, direction, datastreams, peer.gatewayId(), from, until,
                administrator.name());
        return repository.agreement(id).orElseThrow();
    }

    /**
     * Ends an agreement now; one we share under leaves the partner's grants issued anew without it, so it holds from the
     * next request on (on this node; on every other within the grants' refresh).
     */
    public synchronized Agreement end(Viewer administrator, long id, String reason) {
        Agreement agreement = agreement(id);
        List<Problem> problems = new ArrayList<>();
        String why = text("reason", reason, problems);
        if (!problems.isEmpty()) throw new ShareRefusal(Kind.INVALID, problems);
        Agreement.State state = agreement.state(clock.instant());
        if (state == Agreement.State.ENDED || state == Agreement.State.EXPIRED) {
            throw ShareRefusal.of(Kind.CONFLICT, "status", "the agreement is " + state + " already", "该协议已" + (state == Agreement.State.ENDED ? "终止" : "到期"));
        }
        workflow.change(() -> repository.inTransaction(() -> {
            repository.end(id, new Agreement.End(administrator.name(), clock.instant(), why));
            if (agreement.direction() == Agreement.Direction.SHARE) {
                Peer peer = peer(agreement.peerId());
                reissue(administrator, peer, partnerOrganisation(peer.inboundClientId(), new ArrayList<>()), "agreement " + id + " ended: " + why);
            }
            return null;
        }));
        return agreement(id);
    }

    /**
     * The grant that enforces an agreement to share now (or, before it starts, the first that will); after it ended or
     * expired, the last that did; null for an agreement to receive.
     */
    public Long grantOf(Viewer viewer, Agreement agreement) {
        if (agreement.direction() != Agreement.Direction.SHARE) return null;
        List<Long> ids = repository.grantsCarrying(agreement.id());
        if (agreement.grantId() != null) ids.add(0, agreement.grantId());
        Instant now = clock.instant();
        Long scheduled = null;
        for (long id : ids) {
            Grant.State state = workflow.grant(viewer, id).state(now);
            if (state == Grant.State.ACTIVE) return id;
            if (state == Grant.State.SCHEDULED && scheduled == null) scheduled = id;
        }
        return scheduled != null ? scheduled : ids.isEmpty() ? null : ids.get(ids.size() - 1);
    }

    /**
     * One partner sees what is shared with it at one level: an agreement to share at another level than one in force
     * (or to come) with the same partner, over an overlapping period, is refused (its rows could only be shown the most
     * restrictive way of both).
     */
    private void sameLevel(Peer peer, String level, Instant from, Instant until, Instant now, List<Problem> problems) {
        for (Agreement other : liveSharing(peer.id(), now)) {
            if (!other.level().equals(level) && other.validFrom().isBefore(until) && from.isBefore(other.validUntil())) {
                problems.add(new Problem("level", "agreement " + other.id() + " with this partner, over an overlapping period, is at level " + other.level()
                        + ": a partner is shared with at one level; record this one at " + other.level() + " or end agreement " + other.id() + " first",
                        "与该合作网关的协议 " + other.id() + " 期限重叠，级别为 " + other.level() + "：同一合作方只能按一个级别共享；请按 " + other.level()
                                + " 登记，或先终止协议 " + other.id()));
                return;
            }
        }
    }

    /** The partner's agreements to share that have not ended or expired. */
    private List<Agreement> liveSharing(long peer, Instant now) {
        return repository.agreements().stream().filter(a -> a.peerId() == peer && a.direction() == Agreement.Direction.SHARE && a.end() == null
                && a.validUntil().isAfter(now)).toList();
    }

    /**
     * Revokes the partner's grants in force or to come and issues them anew: one per stretch of time over which the set
     * of its agreements to share in force stays the same, each the union of those agreements (grants to one organisation
     * would intersect). Since a grant's period is checked at every evaluation, an agreement starting or expiring takes
     * effect at that instant, with nothing to run. Runs within the caller's transaction and {@link ShareWorkflow#change}.
     */
    private void reissue(Viewer administrator, Peer peer, String grantee, String why) {
        Instant now = clock.instant();
        Set<Long> old = new LinkedHashSet<>(repository.partnerGrants(peer.id()));
        for (Agreement a : repository.agreements()) {
            // Agreements recorded before the partner's grants had each their own.
            if (a.peerId() == peer.id() && a.grantId() != null) old.add(a.grantId());
        }
        for (long id : old) {
            Grant.State state = workflow.grant(administrator, id).state(now);
            if (state == Grant.State.ACTIVE || state == Grant.State.SCHEDULED) workflow.revoke(id, administrator, "replaced: " + why);
        }
        if (grantee == null) {
            // The partner's client here is gone or no longer a partner park's: nothing can be granted (fail closed).
            log.warn("Partner {}: its client {} is no partner park's here; nothing is shared with it", peer.gatewayId(), peer.inboundClientId());
            return;
        }
        for (Segment segment : segments(liveSharing(peer.id(), now), now)) {
            List<Rule> rules = new ArrayList<>();
            for (String level : segment.levels()) {
                for (Rule rule : rules(templates.find(level).orElseThrow(), segment.datastreams(), grantee)) {
                    // Agreements recorded before levels had to agree: each level's rules, over the union (combined the strictest way).
                    rules.add(segment.levels().size() == 1 ? rule : new Rule(level + "." + rule.id(), rule.audiences(), rule.datasets(), rule.effects()));
                }
            }
            String purpose = "federation agreements " + segment.agreements() + " with " + peer.gatewayId() + " under licence "
                    + String.join(", ", segment.licences());
            Grant grant = workflow.grantAgreement(grantee, segment.levels().get(0), rules, purpose, segment.from(), segment.until(), administrator);
            repository.insertPartnerGrant(grant.id(), peer.id(), segment.agreements());
        }
    }

    /** A stretch of time over which the same agreements to share with a partner are in force, and what they share. */
    record Segment(Instant from, Instant until, List<Long> agreements, List<Long> datastreams, List<String> levels, List<String> licences) {}

    /**
     * From now on, the stretches between the agreements' starts and ends over which some are in force, each with the
     * union of their datastreams; neighbouring stretches that share the same datastreams at the same level are one.
     */
    static List<Segment> segments(List<Agreement> live, Instant now) {
        TreeSet<Instant> cuts = new TreeSet<>();
        cuts.add(now);
        for (Agreement a : live) {
            if (a.validFrom().isAfter(now)) cuts.add(a.validFrom());
            if (a.validUntil().isAfter(now)) cuts.add(a.validUntil());
        }
        List<Segment> segments = new ArrayList<>();
        Instant from = cuts.pollFirst();
        for (Instant until : cuts) {
            Instant start = from;
            List<Agreement> inForce = live.stream().filter(a -> !a.validFrom().isAfter(start) && a.validUntil().isAfter(start))
                    .sorted(Comparator.comparingLong(Agreement::id)).toList();
            if (!inForce.isEmpty()) {
                List<Long> datastreams = inForce.stream().flatMap(a -> a.datastreams().stream()).distinct().sorted().toList();
                List<String> levels = inForce.stream().map(Agreement::level).distinct().sorted().toList();
                List<String> licences = inForce.stream().map(Agreement::licence).distinct().toList();
                List<Long> ids = inForce.stream().map(Agreement::id).toList();
                Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
                if (last != null && last.until().equals(start) && last.datastreams().equals(datastreams) && last.levels().equals(levels)) {
                    List<Long> merged = new ArrayList<>(last.agreements());
                    ids.stream().filter(i -> !merged.contains(i)).forEach(merged::add);
                    List<String> mergedLicences = new ArrayList<>(last.licences());
                    licences.stream().filter(l -> !mergedLicences.contains(l)).forEach(mergedLicences::add);
                    segments.set(segments.size() - 1, new Segment(last.from(), until, merged, datastreams, levels, mergedLicences));
                } else {
                    segments.add(new Segment(start, until, ids, datastreams, levels, licences));
                }
            }
            from = until;
        }
        return segments;
    }

    /**
     * The level's rules for the entity sets an agreement covers, each limited to the agreed datastreams and addressed to
     * the partner's organisation; one rule per entity set, since each is limited by its own attribute.
     */
    static List<Rule> rules(GrantTemplate level, List<Long> datastreams, String organisation) {
        Set<String> ids = datastreams.stream().map(String::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : level.rules()) {
            for (String dataset : rule.datasets()) {
                String key = ROW_KEYS.get(dataset);
                if (key == null) continue;
                List<Effect> effects = new ArrayList<>(rule.effects());
                effects.add(new Effect.RestrictRows(key, ids));
                rules.add(new Rule(rule.id() + "-" + dataset, List.of(new Audience.Organisation(organisation)), List.of(dataset), effects));
            }
        }
        return rules;
    }

    /** The organisation of the partner's client here, which must be a partner park's. */
    private String partnerOrganisation(String clientId, List<Problem> problems) {
        Organisation organisation = clients.findByClientId(clientId).flatMap(c -> organisations.find(c.organisationId())).orElse(null);
        if (organisation == null) {
            problems.add(new Problem("inboundClientId", "no client " + clientId + " here", "本平台没有客户端 " + clientId));
            return null;
        }
        if (organisation.kind() != OrganisationKind.PARTNER_PARK) {
            problems.add(new Problem("inboundClientId", "client " + clientId + " is of " + organisation.kind() + ", not of a partner park",
                    "客户端 " + clientId + " 属于 " + organisation.kind() + "，不是合作园区"));
            return null;
        }
        return organisation.code();
    }

    private static Agreement.Direction direction(String value, List<Problem> problems) {
        try {
            if (value != null) return Agreement.Direction.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            // refused below
        }
        problems.add(new Problem("direction", "SHARE (we share with the partner) or RECEIVE (the partner shares with us)",
                "SHARE（我方向对方共享）或 RECEIVE（对方向我方共享）"));
        return null;
    }

    /** The agreed datastreams: some, at most {@value #MAX_DATASTREAMS}; ours must exist, the partner's are its to check. */
    private List<Long> datastreams(List<Long> asked, Agreement.Direction direction, List<Problem> problems) {
        if (asked == null || asked.isEmpty() || asked.size() > MAX_DATASTREAMS || asked.stream().anyMatch(Objects::isNull)) {
            problems.add(new Problem("datastreams", "1 to " + MAX_DATASTREAMS + " datastream ids", "1 至 " + MAX_DATASTREAMS + " 个数据流编号"));
            return List.of();
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(asked));
        if (direction == Agreement.Direction.SHARE) {
            List<Long> existing = repository.existingDatastreams(ids);
            for (int i = 0; i < ids.size(); i++) {
                if (!existing.contains(ids.get(i))) problems.add(new Problem("datastreams[" + i + "]", "no datastream " + ids.get(i), "没有数据流 " + ids.get(i)));
            }
        }
        return ids;
    }

    /** A grant template that covers Datastreams or Observations: the level at which the agreed datastreams are shown. */
    private GrantTemplate level(String id, List<Problem> problems) {
        GrantTemplate template = id == null ? null : templates.find(id.strip()).orElse(null);
        if (template == null || template.datasets().stream().noneMatch(ROW_KEYS::containsKey)) {
            String known = templates.all().stream().filter(t -> t.datasets().stream().anyMatch(ROW_KEYS::containsKey)).map(GrantTemplate::id)
                    .collect(Collectors.joining(", "));
            problems.add(new Problem("level", "one of " + known, "可选：" + known));
            return null;
        }
        return template;
    }

    /**
     * An https URL (http only where allowed) of a host, without user info, query or fragment: our client secret goes
     * there, so it must not travel in clear nor the URL carry credentials or parts a link could be confused by.
     */
    private String baseUrl(String value, List<Problem> problems) {
        String url = text("baseUrl", value, problems);
        if (url == null) return null;
        try {
            URI uri = new URI(url);
            boolean scheme = "https".equals(uri.getScheme()) || allowPlainHttp && "http".equals(uri.getScheme());
            if (scheme && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && !url.contains("?") && !url.contains("#")) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // refused below
        }
        String schemes = allowPlainHttp ? "http(s)" : "https";
        problems.add(new Problem("baseUrl", "an " + schemes + " URL of a host without user info, query or fragment, e.g. https://gw.park-b.example.cn",
                "主机的 " + schemes + " 地址，不含用户信息、查询参数和片段，例如 https://gw.park-b.example.cn"));
        return null;
    }

    private static String boundary(String wkt, List<Problem> problems) {
        if (wkt == null || wkt.isBlank()) return null;
        try {
            Geometry geometry = new WKTReader().read(wkt);
            if (geometry instanceof Polygonal && geometry.isValid()) return wkt.strip();
        } catch (ParseException | IllegalArgumentException e) {
            // refused below (JTS refuses a ring of too few points with the latter)
        }
        problems.add(new Problem("boundary", "a valid POLYGON or MULTIPOLYGON in WKT, longitude and latitude (EPSG:4326)",
                "有效的 WKT 面（POLYGON 或 MULTIPOLYGON），经纬度（EPSG:4326）"));
        return null;
    }

    private static String text(String field, String value, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "required", "必填"));
            return null;
        }
        if (value.length() > MAX_TEXT) problems.add(new Problem(field, "at most " + MAX_TEXT + " characters", "最多 " + MAX_TEXT + " 个字符"));
        return value.strip();
    }

    private static Instant instant(String field, String value, boolean required, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            if (required) problems.add(new Problem(field, "required", "必填"));
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + value + "' is not an ISO-8601 date-time with an offset", "“" + value + "”不是带时区偏移的 ISO-8601 时间"));
            return null;
        }
        // Beyond these years no agreement lies, and date arithmetic on them overflows (a 500, not an answer).
        if (time.getYear() < FIRST_YEAR || time.getYear() > LAST_YEAR) {
            problems.add(new Problem(field, "'" + value + "' lies outside the years " + FIRST_YEAR + " to " + LAST_YEAR,
                    "“" + value + "”不在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 年之间"));
            return null;
        }
        return time.toInstant();
    }
}
