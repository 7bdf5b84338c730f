package org.groundwatergateway.core.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Contacts, the weekly rota and its overrides, and who holds a tier at a given time. */
public final class OnCallRepository {

    private final JdbcClient jdbc;

    public OnCallRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    public Contact addContact(Contact contact) {
        long id = Rows.insert(jdbc.sql("INSERT INTO on_call_contacts (name, phone, email) VALUES (?, ?, ?)")
                .params(contact.name(), contact.phone(), contact.email()));
        return contact.withId(id);
    }

    /** Replaces a contact's details; false if there is no such contact. */
    public boolean updateContact(long id, Contact contact) {
        return jdbc.sql("UPDATE on_call_contacts SET name = ?, phone = ?, email = ? WHERE id = ?")
                .params(contact.name(), contact.phone(), contact.email(), id).update() == 1;
    }

    /** Deletes a contact with its shifts and overrides; false if there is no such contact. */
    public boolean deleteContact(long id) {
        return jdbc.sql("DELETE FROM on_call_contacts WHERE id = ?").param(id).update() == 1;
    }

    public Optional<Contact> contact(long id) {
        return jdbc.sql("SELECT * FROM on_call_contacts WHERE id = ?").param(id).query(OnCallRepository::contact).optional();
    }

    public List<Contact> contacts() {
        return jdbc.sql("SELECT * FROM on_call_contacts ORDER BY id").query(OnCallRepository::contact).list();
    }

    public RotaShift addShift(RotaShift shift) {
        requireContact(shift.contactId());
        long id = Rows.insert(jdbc.sql("INSERT INTO on_call_rota (tier, contact_id, day_of_week, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)")
                .params(shift.tier().name(), shift.contactId(), shift.day().getValue(), shift.start(), shift.end()));
        return shift.withId(id);
    }

    public boolean deleteShift(long id) {
        return jdbc.sql("DELETE FROM on_call_rota WHERE id = ?").param(id).update() == 1;
    }

    public List<RotaShift> rota() {
        return jdbc.sql("SELECT * FROM on_call_rota ORDER BY tier, day_of_week, starts_at, id").query(OnCallRepository::shift).list();
    }

    public OnCallOverride addOverride(OnCallOverride override) {
        requireContact(override.contactId());
        long id = Rows.insert(jdbc.sql("INSERT INTO on_call_overrides (tier, contact_id, starts_at, ends_at, reason) VALUES (?, ?, ?, ?, ?)")
                .params(override.tier().name(), override.contactId(), Rows.timestamp(override.start()), Rows.timestamp(override.end()),
                        override.reason()));
        return override.withId(id);
    }

    public boolean deleteOverride(long id) {
        return jdbc.sql("DELETE FROM on_call_overrides WHERE id = ?").param(id).update() == 1;
    }

    public List<OnCallOverride> overrides() {
        return jdbc.sql("SELECT * FROM on_call_overrides ORDER BY starts_at, id").query(OnCallRepository::override).list();
    }

    /** Who holds the tier at that time: the contacts of overrides in force, else those of the rota's shifts covering it. */
    public List<Contact> onCall(Tier tier, Instant at) {
        List<Contact> overriding = jdbc.sql("SELECT c.* FROM on_call_contacts c JOIN on_call_overrides o ON o.contact_id = c.id "
                        + "WHERE o.tier = ? AND o.starts_at <= ? AND o.ends_at > ? ORDER BY c.id")
                .params(tier.name(), Rows.timestamp(at), Rows.timestamp(at)).query(OnCallRepository::contact).list();
        if (!overriding.isEmpty()) return overriding;
        // A week's rota is short: the shifts are read and matched here, where night shifts are easy to get right.
        List<Long> holders = jdbc.sql("SELECT * FROM on_call_rota WHERE tier = ?").param(tier.name()).query(OnCallRepository::shift).list()
                .stream().filter(shift -> shift.covers(at)).map(RotaShift::contactId).distinct().toList();
        return holders.stream().map(this::contact).flatMap(Optional::stream).toList();
    }

    private void requireContact(long id) {
        if (contact(id).isEmpty()) throw new InvalidInput("core.onCall.noContact", "contactId", id);
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("name"), rs.getString("phone"), rs.getString("email"));
    }

    private static RotaShift shift(ResultSet rs, int row) throws SQLException {
        return new RotaShift(rs.getLong("id"), Tier.valueOf(rs.getString("tier")), rs.getLong("contact_id"),
                DayOfWeek.of(rs.getInt("day_of_week")), rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class));
    }

    private static OnCallOverride override(ResultSet rs, int row) throws SQLException {
        return new OnCallOverride(rs.getLong("id"), Tier.valueOf(rs.getString("tier")), rs.getLong("contact_id"),
                Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"), rs.getString("reason"));
    }
}
