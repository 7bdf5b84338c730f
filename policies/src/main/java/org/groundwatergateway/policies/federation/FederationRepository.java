package org.groundwatergateway.policies.federation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Partner gateways and agreements. Agreements are only inserted; ending one is a row of its own. */
public final class FederationRepository {

    private static final String AGREEMENTS = "SELECT a.*, e.ended_by, e.ended_at, e.reason FROM federation_agreements a "
            + "LEFT JOIN federation_agreement_ends e ON e.agreement_id = a.id";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public FederationRepository(Database database) {
        this.jdbc = database.jdbc();
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    }

    /** Runs work in one transaction with everything it does in this database (the share workflow's grants too), or joins the caller's. */
    public <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }

    /** Records a partner's grant and the agreements it carries. */
    public void insertPartnerGrant(long grant, long peer, List<Long> agreements) {
        jdbc.sql("INSERT INTO federation_partner_grants (grant_id, peer_id) VALUES (?, ?)").params(grant, peer).update();
        for (long agreement : agreements) {
            jdbc.sql("INSERT INTO federation_partner_grant_agreements (grant_id, agreement_id) VALUES (?, ?)").params(grant, agreement).update();
        }
    }

    /** The grants ever issued to a partner for its agreements to share, oldest first. */
    public List<Long> partnerGrants(long peer) {
        return jdbc.sql("SELECT grant_id FROM federation_partner_grants WHERE peer_id = ? ORDER BY grant_id").param(peer).query(Long.class).list();
    }

    /** The partner's grants that carry this agreement, oldest first. */
    public List<Long> grantsCarrying(long agreement) {
        return new ArrayList<>(jdbc.sql("SELECT grant_id FROM federation_partner_grant_agreements WHERE agreement_id = ? ORDER BY grant_id")
                .param(agreement).query(Long.class).list());
    }

    public long insertPeer(Peer p) {
        return Rows.insert(jdbc.sql("INSERT INTO federation_peers (gateway_id, name, park_code, base_url, outbound_client_id, outbound_client_secret, "
                        + "inbound_client_id, boundary, contact, role, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(p.gatewayId(), p.name(), p.parkCode(), p.baseUrl(), p.outboundClientId(), p.outboundClientSecret(), p.inboundClientId(),
                        p.boundary(), p.contact(), p.role().name(), p.createdBy(), Rows.timestamp(p.createdAt())));
    }

    public List<Peer> peers() {
        return jdbc.sql("SELECT * FROM federation_peers ORDER BY id").query(FederationRepository::peer).list();
    }

    public Optional<Peer> peer(long id) {
        return jdbc.sql("SELECT * FROM federation_peers WHERE id = ?").param(id).query(FederationRepository::peer).optional();
    }

    public Optional<Peer> peerByGateway(String gatewayId) {
        return jdbc.sql("SELECT * FROM federation_peers WHERE gateway_id = ?").param(gatewayId).query(FederationRepository::peer).optional();
    }

    public long insertAgreement(Agreement a) {
        return Rows.insert(jdbc.sql("INSERT INTO federation_agreements (peer_id, direction, datastreams, level, licence, valid_from, valid_until, "
                        + "grant_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.peerId(), a.direction().name(), Rows.joinList(a.datastreams().stream().map(String::valueOf).toList()), a.level(),
                        a.licence(), Rows.timestamp(a.validFrom()), Rows.timestamp(a.validUntil()), a.grantId(), a.createdBy(),
                        Rows.timestamp(a.createdAt())));
    }

    public void end(long agreement, Agreement.End end) {
        jdbc.sql("INSERT INTO federation_agreement_ends (agreement_id, ended_by, ended_at, reason) VALUES (?, ?, ?, ?)")
                .params(agreement, end.endedBy(), Rows.timestamp(end.endedAt()), end.reason()).update();
    }

    /** Newest first. */
    public List<Agreement> agreements() {
        return jdbc.sql(AGREEMENTS + " ORDER BY a.id DESC").query(FederationRepository::agreement).list();
    }

    public Optional<Agreement> agreement(long id) {
        return jdbc.sql(AGREEMENTS + " WHERE a.id = ?").param(id).query(FederationRepository::agreement).optional();
    }

    /** Of our datastreams, those with these ids. */
    public List<Long> existingDatastreams(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        String marks = String.join(", ", ids.stream().map(id -> "?").toList());
        return jdbc.sql("SELECT id FROM datastreams WHERE id IN (" + marks + ")").params(List.<Object>copyOf(ids)).query(Long.class).list();
    }

    private static Peer peer(ResultSet rs, int row) throws SQLException {
        return new Peer(rs.getLong("id"), rs.getString("gateway_id"), rs.getString("name"), rs.getString("park_code"), rs.getString("base_url"),
                rs.getString("outbound_client_id"), rs.getString("outbound_client_secret"), rs.getString("inbound_client_id"),
                rs.getString("boundary"), rs.getString("contact"), Peer.Role.valueOf(rs.getString("role")), rs.getString("created_by"),
                Rows.instant(rs, "created_at"));
    }

    private static Agreement agreement(ResultSet rs, int row) throws SQLException {
        Instant endedAt = Rows.instant(rs, "ended_at");
        return new Agreement(rs.getLong("id"), rs.getLong("peer_id"), Agreement.Direction.valueOf(rs.getString("direction")),
                Rows.splitList(rs.getString("datastreams")).stream().map(Long::valueOf).toList(), rs.getString("level"), rs.getString("licence"),
                Rows.instant(rs, "valid_from"), Rows.instant(rs, "valid_until"), Rows.nullableLong(rs, "grant_id"), rs.getString("created_by"),
                Rows.instant(rs, "created_at"), endedAt == null ? null : new Agreement.End(rs.getString("ended_by"), endedAt, rs.getString("reason")));
    }
}
