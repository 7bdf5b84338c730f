package org.groundwatergateway.ingest.bulk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.storage.Rows;
import tools.jackson.databind.json.JsonMapper;

/** Stored column-mapping templates for CSV imports. */
public final class ImportTemplates {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Database database;
    private final Clock clock;

    public ImportTemplates(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public ImportTemplate save(ImportTemplate template) {
        database.jdbc().sql("DELETE FROM import_templates WHERE name = ?").param(template.name()).update();
        database.jdbc().sql("INSERT INTO import_templates (name, definition, created_at) VALUES (?, ?, ?)")
                .params(template.name(), JSON.writeValueAsString(template), Rows.timestamp(clock.instant())).update();
        return template;
    }

    public Optional<ImportTemplate> find(String name) {
        return database.jdbc().sql("SELECT definition FROM import_templates WHERE name = ?").param(name).query(String.class).optional()
                .map(json -> JSON.readValue(json, ImportTemplate.class));
    }

    public List<ImportTemplate> findAll() {
        return database.jdbc().sql("SELECT definition FROM import_templates ORDER BY name").query(String.class).list().stream()
                .map(json -> JSON.readValue(json, ImportTemplate.class)).toList();
    }
}
