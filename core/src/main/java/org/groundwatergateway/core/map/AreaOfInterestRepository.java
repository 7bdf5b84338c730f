package org.groundwatergateway.core.map;

import static org.groundwatergateway.core.storage.Geometries.BIND;
import static org.groundwatergateway.core.storage.Geometries.read;
import static org.groundwatergateway.core.storage.Geometries.select;
import static org.groundwatergateway.core.storage.Geometries.wkb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.map.AreaOfInterest.Owner;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import org.locationtech.jts.geom.Polygon;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The areas of interest people keep, each read and changed only under its owner. */
public final class AreaOfInterestRepository {

    private static final String COLUMNS = "id, owner_organisation, owner_name, name, " + select("area") + ", saved_at";

    private final JdbcClient jdbc;

    public AreaOfInterestRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    /** Keeps the area under its owner and name; an area the owner kept under the same name is replaced. */
    public AreaOfInterest save(AreaOfInterest area) {
        int updated = jdbc.sql("UPDATE areas_of_interest SET area = " + BIND + ", saved_at = ? "
                        + "WHERE owner_organisation = ? AND owner_name = ? AND name = ?")
                .params(wkb(area.area()), Rows.timestamp(area.savedAt()), area.owner().organisation(), area.owner().name(), area.name())
                .update();
        if (updated == 0) {
            try {
                Rows.insert(jdbc.sql("INSERT INTO areas_of_interest (owner_organisation, owner_name, name, area, saved_at) VALUES (?, ?, ?, "
                                + BIND + ", ?)")
                        .params(area.owner().organisation(), area.owner().name(), area.name(), wkb(area.area()), Rows.timestamp(area.savedAt())));
            } catch (DuplicateKeyException savedMeanwhile) {
                // The same person saved under the same name at the same moment (two tabs): the later outline wins.
                return save(area);
            }
        }
        return find(area.owner(), area.name()).orElseThrow();
    }

    public List<AreaOfInterest> findAll(Owner owner) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM areas_of_interest WHERE owner_organisation = ? AND owner_name = ? ORDER BY name")
                .params(owner.organisation(), owner.name()).query(AreaOfInterestRepository::area).list();
    }

    public Optional<AreaOfInterest> find(Owner owner, String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM areas_of_interest WHERE owner_organisation = ? AND owner_name = ? AND name = ?")
                .params(owner.organisation(), owner.name(), name).query(AreaOfInterestRepository::area).optional();
    }

    public int count(Owner owner) {
        return jdbc.sql("SELECT COUNT(*) FROM areas_of_interest WHERE owner_organisation = ? AND owner_name = ?")
                .params(owner.organisation(), owner.name()).query(Integer.class).single();
    }

    /** Whether the owner had an area of this id (another's area is not theirs to delete, and is not said to exist). */
    public boolean delete(Owner owner, long id) {
        return jdbc.sql("DELETE FROM areas_of_interest WHERE id = ? AND owner_organisation = ? AND owner_name = ?")
                .params(id, owner.organisation(), owner.name()).update() == 1;
    }

    private static AreaOfInterest area(ResultSet rs, int row) throws SQLException {
        return new AreaOfInterest(rs.getLong("id"), new Owner(rs.getString("owner_organisation"), rs.getString("owner_name")),
                rs.getString("name"), read(rs, "area", Polygon.class), Rows.instant(rs, "saved_at"));
    }
}
