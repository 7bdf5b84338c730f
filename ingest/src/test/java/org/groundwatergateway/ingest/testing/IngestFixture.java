package org.groundwatergateway.ingest.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.monitoring.MaintenanceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.reading.ReadingRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ingest.device.DeviceRegistry;
import org.groundwatergateway.ingest.device.SampledLog;
import org.groundwatergateway.ingest.intake.ReadingIntake;
import org.groundwatergateway.ingest.qaqc.QcConfiguration;
import org.groundwatergateway.ingest.qaqc.QualityControl;
import org.groundwatergateway.ingest.qaqc.StoredQcContext;
import org.groundwatergateway.ingest.review.ReviewQueue;

/** A database with the demo park (a few days of it) and the ingest machinery over it, as the gateway wires it. */
public final class IngestFixture implements AutoCloseable {

    /** Room for every refusal a test sends on purpose to be kept (the shipped default keeps 10 a minute per sender). */
    public static final SampledLog.Budget REJECTION_LOG = new SampledLog.Budget(100, Duration.ofMinutes(1));

    public final TestDatabase db;
    public final Database database;
    public final EventBus events = new EventBus();
    public final AlertRepository alerts;
    public final ReviewQueue reviews;
    public final ReadingIntake intake;
    public final DeviceRegistry devices;
    public final ReadingRepository readings;
    public final MonitoringRepository monitoring;

    public IngestFixture(TestDatabase db, int demoDays, Clock clock) {
        this(db, demoDays, clock, UnaryOperator.identity());
    }

    /** The same over the test database's data source as {@code reach} wraps it (a source a test can cut off, say). */
    public IngestFixture(TestDatabase db, int demoDays, Clock clock, UnaryOperator<DataSource> reach) {
        this.db = db;
        this.database = Database.migrate(reach.apply(db.dataSource()));
        this.readings = new ReadingRepository(database);
        this.monitoring = new MonitoringRepository(database);
        this.alerts = new AlertRepository(database, events);
        this.reviews = new ReviewQueue(database, alerts, clock);
        var context = new StoredQcContext(monitoring, new ParameterRepository(database), new MaintenanceRepository(database), readings);
        this.intake = new ReadingIntake(database, new QualityControl(QcConfiguration.load(), context), reviews, events, 50_000);
        if (demoDays > 0) {
            new DemoParkLoader(database, batch -> intake.submitAndWait(batch, ReadingIntake.Mode.HISTORICAL)).loadIfAbsent(demoDays, p -> {});
        }
        this.devices = new DeviceRegistry(database, alerts, clock, REJECTION_LOG);
    }

    @Override
    public void close() throws Exception {
        intake.close();
        events.close();
        db.close();
    }
}
