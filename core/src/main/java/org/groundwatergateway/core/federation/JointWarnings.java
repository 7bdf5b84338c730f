package org.groundwatergateway.core.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.groundwatergateway.core.alert.Alert;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.emergency.Incident;
import org.groundwatergateway.core.emergency.PlumeForecast;
import org.groundwatergateway.core.escalation.Escalation;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joint warnings with partner gateways (issue #19, docs/federation.md "Joint warnings"). When an incident's forecast
 * (a real incident's or a drill's) reaches a partner's boundary, the warning is raised here as an alert of our escalation
 * chain and sent to the partner, which raises it in its own. Each side's acknowledgement and close is sent to the other;
 * the warning is closed once both have closed it, and its alerts are cleared then. What goes to a partner is handed to the
 * {@link Courier} in the transaction that records it, so nothing is recorded unsent or sent unrecorded. Observers (the
 * province, docs/federation.md "The province") are addressees of the CAP alert too: they are sent the warning and each
 * side's acknowledgement and close, and neither acknowledge nor close it themselves.
 */
public final class JointWarnings {

    /** The alert kind of a joint warning in each gateway's escalation chain. */
    public static final String ALERT_KIND = "joint-warning";
    private static final Logger log = LoggerFactory.getLogger(JointWarnings.class);

    /** A partner gateway with its park's boundary (WKT, EPSG:4326), as registered here. */
    public record Partner(String gateway, String park, String boundary) {}

    /** Takes what a partner must be told, in the transaction that records it here, and delivers it later. */
    public interface Courier {
        void raised(String receiver, JointWarning warning);

        void stepped(String receiver, JointWarning warning, StepKind kind, JointWarning.Step step);
    }

    public enum StepKind { ACKNOWLEDGE, CLOSE }

    /** Refused: a message about a warning the sender is no side of, or not a CAP alert it may send. */
    public static final class NotTheirs extends RuntimeException {
        public NotTheirs(String message) {
            super(message);
        }
    }

    private final JdbcClient jdbc;
    private final ParameterRepository parameters;
    private final ParkRepository parks;
    private final TransactionTemplate transaction;
    private final AlertRepository alerts;
    private final Escalation escalation;
    private final Courier courier;
    private final String gateway;
    private final Clock clock;

    /** @param gateway our gateway id, as partners name us */
    public JointWarnings(Database database, AlertRepository alerts, Escalation escalation, Courier courier, String gateway, Clock clock) {
        this.jdbc = database.jdbc();
        this.parameters = new ParameterRepository(database);
        this.parks = new ParkRepository(database);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        this.alerts = alerts;
        this.escalation = escalation;
        this.courier = courier;
        this.gateway = gateway;
        this.clock = clock;
    }

    public String gateway() {
        return gateway;
    }

    /**
     * An incident's forecast attached: a joint warning for each partner whose boundary the forecast's reach meets, once
     * per incident and partner, also sent to each of {@code observers} (gateway ids). Returns the new ones.
     */
    public List<JointWarning> forecast(Incident incident, PlumeForecast forecast, List<Partner> partners, List<String> observers) {
        Optional<PlumeReach> reach = PlumeReach.of(incident, forecast);
        if (reach.isEmpty()) return List.of();
        Parameter parameter = parameters.findByCode(incident.parameterCode()).orElseThrow();
        String ourPark = parks.findAll().stream().filter(p -> p.id() == incident.parkId()).findFirst().orElseThrow().code();
        List<JointWarning> raised = new ArrayList<>();
        for (Partner partner : partners) {
            Geometry boundary = boundary(partner);
            if (boundary == null || !reach.get().corridor().intersects(boundary)) continue;
            if (jdbc.sql("SELECT COUNT(*) FROM joint_warnings WHERE incident_id = ? AND target_gateway = ?").params(incident.id(), partner.gateway())
                    .query(Long.class).single() > 0) continue;
            boolean likely = reach.get().medianReaches(boundary, incident.location().getX(), incident.location().getY());
            raised.add(raise(incident, reach.get(), likely, parameter.nameZh(), parameter.nameEn(), new JointWarning.Side(gateway, ourPark),
                    new JointWarning.Side(partner.gateway(), partner.park()), observers));
        }
        return raised;
    }

    private JointWarning raise(Incident incident, PlumeReach reach, boolean likely, String parameterZh, String parameterEn, JointWarning.Side origin,
                               JointWarning.Side target, List<String> observers) {
        Instant now = clock.instant();
        boolean exercise = incident.drill() != null;
        String identifier = gateway + ":joint-warning:" + incident.id() + ":" + target.gateway();
        String mark = exercise ? AlertRepository.DRILL_MARK : "";
        String headlineZh = String.format(Locale.ROOT, "%s联合预警：%s %s羽流预测 %.0f 天内可能到达 %s 边界", mark, origin.park(), parameterZh, reach.day(),
                target.park());
        String headlineEn = String.format(Locale.ROOT, "%sJoint warning: the %s plume of %s may reach the boundary of %s within %.0f days",
                exercise ? "[Exercise] " : "", parameterEn, origin.park(), target.park(), reach.day());
        String descriptionZh = String.format(Locale.ROOT, "事件 %d 的蒙特卡罗预测：第 %.0f 天污染前锋沿地下水流向（方位角 %.0f°）推进 %.0f 米（第 95 百分位），"
                + "中位数 %.0f 米；区域为流线两侧各 %.0f 米的范围。", incident.id(), reach.day(), reach.azimuthDegrees(), reach.reachM(), reach.p50M(),
                PlumeReach.HALF_WIDTH_M);
        String descriptionEn = String.format(Locale.ROOT, "Monte Carlo forecast of incident %d: on day %.0f the front reaches %.0f m down the groundwater "
                + "flow (azimuth %.0f°) at the 95th percentile, %.0f m at the median; the area is the flow line widened by %.0f m each side.",
                incident.id(), reach.day(), reach.reachM(), reach.azimuthDegrees(), reach.p50M(), PlumeReach.HALF_WIDTH_M);
        List<String> addresses = new ArrayList<>(List.of(origin.gateway(), target.gateway()));
        observers.stream().filter(o -> !addresses.contains(o)).forEach(addresses::add);
        CapAlert cap = new CapAlert(identifier, gateway, now, exercise ? CapAlert.Status.Exercise : CapAlert.Status.Actual, CapAlert.MsgType.Alert,
                addresses, "Future", severity(incident.severity()), likely ? "Likely" : "Possible",
                List.of(new CapAlert.Info("zh-CN", "地下水污染羽跨园区边界预警", origin.park() + " 园区平台", headlineZh, descriptionZh,
                                target.park() + " 园区边界附近", reach.corridor()),
                        new CapAlert.Info("en-US", "Groundwater plume crossing a park boundary", origin.park() + " park gateway", headlineEn,
                                descriptionEn, "near the boundary of park " + target.park(), reach.corridor())));
        // The alert first, committed on its own: escalation starts from the bus and reads it.
        AlertRepository scope = exercise ? alerts.forDrill(incident.drill().id()) : alerts;
        Long alertId = scope.raise(ALERT_KIND, incident.severity(), identifier, headlineZh, now).map(Alert::id).orElse(null);
        return transaction.execute(status -> {
            long id = insert(identifier, origin, target, incident.id(), exercise, headlineZh, headlineEn, cap.xml(), alertId, now);
            JointWarning warning = find(id).orElseThrow();
            addresses.stream().filter(a -> !a.equals(gateway)).forEach(a -> courier.raised(a, warning));
            return warning;
        });
    }

    /** CAP's severity of an alert level. */
    static String severity(Alert.Level level) {
        return switch (level) {
            case SEVERE -> "Severe";
            case SERIOUS -> "Moderate";
            case GENERAL -> "Minor";
        };
    }

    private static Alert.Level level(String severity) {
        return switch (severity) {
            case "Extreme", "Severe" -> Alert.Level.SEVERE;
            case "Moderate" -> Alert.Level.SERIOUS;
            default -> Alert.Level.GENERAL;
        };
    }

    /**
     * A partner's joint warning about our boundary, or one we are an observer of (an addressee besides both sides),
     * received: recorded once (a second copy of the same identifier changes nothing), in one transaction with
     * {@code accept} (the message's sequence number); then, about our boundary, raised as an alert of our escalation
     * chain, marked as joint with its origin (an observer is told, and has nothing to respond to).
     */
    public JointWarning received(String sender, JointWarning.Side origin, JointWarning.Side target, String cap, Runnable accept) {
        CapAlert.Read read = CapAlert.read(cap);
        boolean addressed = target.gateway().equals(gateway)
                || read.addresses().contains(gateway) && read.addresses().contains(target.gateway()) && !target.gateway().equals(sender);
        // The identifier is the sender's own (as raise names ours), so that no partner can take or block another's.
        if (!origin.gateway().equals(sender) || !read.sender().equals(sender) || !addressed || read.msgType() != CapAlert.MsgType.Alert
                || !read.identifier().startsWith(sender + ":joint-warning:")) {
            throw new NotTheirs("a joint warning from " + sender + " must be its own CAP Alert about our boundary or addressed to us");
        }
        JointWarning stored = transaction.execute(status -> {
            accept.run();
            Optional<JointWarning> known = byIdentifier(read.identifier());
            if (known.isPresent()) {
                if (!known.get().origin().gateway().equals(sender)) throw new NotTheirs("joint warning " + read.identifier() + " is not " + sender + "'s");
                return known.get();
            }
            boolean exercise = read.status() == CapAlert.Status.Exercise;
            return find(insert(read.identifier(), origin, target, null, exercise, read.headline("zh"), read.headline("en"), cap, null, clock.instant()))
                    .orElseThrow();
        });
        if (stored.alertId() != null || observer(stored)) return stored;
        String mark = stored.exercise() && !stored.headlineZh().startsWith(AlertRepository.DRILL_MARK) ? AlertRepository.DRILL_MARK : "";
        Optional<Alert> alert = alerts.raise(ALERT_KIND, level(read.severity()), stored.identifier(),
                mark + stored.headlineZh() + "（来自 " + origin.park() + " 网关 " + origin.gateway() + " 的联合预警）", clock.instant());
        alert.ifPresent(a -> jdbc.sql("UPDATE joint_warnings SET alert_id = ? WHERE id = ?").params(a.id(), stored.id()).update());
        return find(stored.id()).orElseThrow();
    }

    /** A partner's acknowledgement or close of a warning both of us hold, received with its sequence number. */
    public JointWarning stepReceived(String sender, String identifier, StepKind kind, JointWarning.Step step, Runnable accept) {
        JointWarning closedNow = transaction.execute(status -> {
            accept.run();
            JointWarning warning = byIdentifier(identifier).orElseThrow(() -> new NotTheirs("no joint warning " + identifier + " here"));
            if (!warning.origin().gateway().equals(sender) && !warning.target().gateway().equals(sender) || !step.gateway().equals(sender)
                    || !step.park().equals(warning.side(sender).park())) {
                throw new NotTheirs("gateway " + sender + " is no side of joint warning " + identifier);
            }
            record(warning.id(), kind, step);
            return closeIfBoth(warning.id());
        });
        clearIfClosed(closedNow);
        return closedNow;
    }

    /** Our acknowledgement: stops our escalation of it, and is sent to the other side. */
    public JointWarning acknowledge(long id, String by, String note) {
        return step(id, StepKind.ACKNOWLEDGE, by, note);
    }

    /** Our close: the warning is closed once the other side has closed it too (before or after). */
    public JointWarning close(long id, String by, String note) {
        return step(id, StepKind.CLOSE, by, note);
    }

    private JointWarning step(long id, StepKind kind, String by, String note) {
        if (by == null || by.isBlank()) throw new InvalidInput("core.required", "by");
        if (note != null && note.length() > 1000) throw new InvalidInput("core.atMostCharacters", "note", 1000);
        JointWarning warning = find(id).orElseThrow(() -> new InvalidInput("core.jointWarning.unknown", "id", id));
        if (observer(warning)) {
            throw new InvalidInput("core.jointWarning.observer", "id", warning.identifier(), warning.origin().park(), warning.target().park());
        }
        if (warning.closed()) throw new InvalidInput("core.jointWarning.closed", "id", warning.identifier());
        List<JointWarning.Step> done = kind == StepKind.ACKNOWLEDGE ? warning.acknowledgements() : warning.closes();
        if (done.stream().anyMatch(s -> s.gateway().equals(gateway))) {
            if (kind == StepKind.ACKNOWLEDGE) throw new InvalidInput("core.jointWarning.acknowledged", "id", warning.identifier());
            throw new InvalidInput("core.jointWarning.closing", "id", warning.identifier());
        }
        JointWarning.Step step = new JointWarning.Step(gateway, warning.side(gateway).park(), by.strip(), note, clock.instant());
        JointWarning after = transaction.execute(status -> {
            record(id, kind, step);
            addressees(warning).forEach(a -> courier.stepped(a, warning, kind, step));
            return closeIfBoth(id);
        });
        if (kind == StepKind.ACKNOWLEDGE && warning.alertId() != null) escalation.acknowledge(warning.alertId(), step.by(), note);
        clearIfClosed(after);
        return after;
    }

    /** Whether we are told of it without being one of its two sides (the province). */
    private boolean observer(JointWarning warning) {
        return !warning.origin().gateway().equals(gateway) && !warning.target().gateway().equals(gateway);
    }

    /** Whom our steps go to: the CAP alert's addressees but us (the other side, and observers). */
    private List<String> addressees(JointWarning warning) {
        List<String> all = new ArrayList<>(CapAlert.read(warning.cap()).addresses());
        if (!all.contains(warning.other(gateway).gateway())) all.add(warning.other(gateway).gateway());
        all.remove(gateway);
        return all;
    }

    private void record(long id, StepKind kind, JointWarning.Step step) {
        String table = kind == StepKind.ACKNOWLEDGE ? "joint_warning_acknowledgements" : "joint_warning_closes";
        boolean known = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE joint_warning_id = ? AND gateway = ?").params(id, step.gateway())
                .query(Long.class).single() > 0;
        if (known) return;
        jdbc.sql("INSERT INTO " + table + " (joint_warning_id, gateway, park, by_name, note, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, step.gateway(), step.park(), step.by(), step.note(), Rows.timestamp(step.at())).update();
    }

    private JointWarning closeIfBoth(long id) {
        JointWarning warning = find(id).orElseThrow();
        if (warning.closed() || warning.closes().size() < 2) return warning;
        jdbc.sql("UPDATE joint_warnings SET closed_at = ? WHERE id = ? AND closed_at IS NULL").params(Rows.timestamp(clock.instant()), id).update();
        return find(id).orElseThrow();
    }

    /** A closed warning's alert is cleared, in the drill's scope if it is a drill's, so its escalation stops. */
    private void clearIfClosed(JointWarning warning) {
        if (!warning.closed() || warning.alertId() == null) return;
        Long drill = jdbc.sql("SELECT drill_id FROM alerts WHERE id = ?").param(warning.alertId()).query((rs, row) -> Rows.nullableLong(rs, "drill_id"))
                .optional().orElse(null);
        (drill == null ? alerts : alerts.forDrill(drill)).clear(warning.alertId(), warning.closedAt());
    }

    public List<JointWarning> all() {
        return jdbc.sql("SELECT * FROM joint_warnings ORDER BY raised_at DESC, id DESC").query(this::warning).list();
    }

    public Optional<JointWarning> find(long id) {
        return jdbc.sql("SELECT * FROM joint_warnings WHERE id = ?").param(id).query(this::warning).optional();
    }

    public Optional<JointWarning> byIdentifier(String identifier) {
        return jdbc.sql("SELECT * FROM joint_warnings WHERE identifier = ?").param(identifier).query(this::warning).optional();
    }

    private long insert(String identifier, JointWarning.Side origin, JointWarning.Side target, Long incidentId, boolean exercise, String headlineZh,
                        String headlineEn, String cap, Long alertId, Instant at) {
        return Rows.insert(jdbc.sql("INSERT INTO joint_warnings (identifier, origin_gateway, origin_park, target_gateway, target_park, incident_id, "
                        + "exercise, headline_zh, headline_en, cap, alert_id, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(identifier, origin.gateway(), origin.park(), target.gateway(), target.park(), incidentId, exercise, cut(headlineZh), cut(headlineEn),
                        cap, alertId, Rows.timestamp(at)));
    }

    private static String cut(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }

    private JointWarning warning(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new JointWarning(id, rs.getString("identifier"), new JointWarning.Side(rs.getString("origin_gateway"), rs.getString("origin_park")),
                new JointWarning.Side(rs.getString("target_gateway"), rs.getString("target_park")), Rows.nullableLong(rs, "incident_id"),
                rs.getBoolean("exercise"), rs.getString("headline_zh"), rs.getString("headline_en"), rs.getString("cap"), Rows.nullableLong(rs, "alert_id"),
                Rows.instant(rs, "raised_at"), steps("joint_warning_acknowledgements", id), steps("joint_warning_closes", id), Rows.instant(rs, "closed_at"));
    }

    private List<JointWarning.Step> steps(String table, long id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE joint_warning_id = ? ORDER BY at, gateway").param(id)
                .query((rs, row) -> new JointWarning.Step(rs.getString("gateway"), rs.getString("park"), rs.getString("by_name"), rs.getString("note"),
                        Rows.instant(rs, "at"))).list();
    }

    private static Geometry boundary(Partner partner) {
        if (partner.boundary() == null || partner.boundary().isBlank()) return null;
        try {
            return new WKTReader().read(partner.boundary());
        } catch (ParseException e) {
            log.warn("Partner {}: its boundary is not WKT; no joint warning can be raised for it", partner.gateway());
            return null;
        }
    }
}
