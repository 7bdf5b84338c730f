package org.groundwatergateway.gateway.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.geo.LocalGrid;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Device;
import org.groundwatergateway.core.monitoring.DeviceRepository;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.ingest.simulator.SimulatedDevice;
import org.locationtech.jts.geom.Coordinate;

/** A synthetic park of many wells, each with a logger reporting six parameters, for load benchmarks. */
final class BenchPark {

    /** HJ 212 code -> platform parameter, with a plausible level and swing in the code's unit. */
    private static final Map<String, double[]> CHANNELS = Map.of(
            "g01001", new double[] {3.0, 0.3}, "w01010", new double[] {16.8, 1.0}, "w01001", new double[] {7.4, 0.2},
            "w01014", new double[] {1400, 60}, "g20004", new double[] {25, 8}, "w20117", new double[] {12, 3});
    private static final Map<String, String> PARAMETERS = Map.of("g01001", "water-level", "w01010", "water-temperature",
            "w01001", "ph", "w01014", "conductivity", "g20004", "benzene", "w20117", "chromium-vi");

    private BenchPark() {}

    static List<SimulatedDevice> create(Database database, int wells) {
        ParkRepository parks = new ParkRepository(database);
        MonitoringRepository monitoring = new MonitoringRepository(database);
        DeviceRepository devices = new DeviceRepository(database);
        ParameterRepository parameters = new ParameterRepository(database);
        parameters.loadCatalogIfEmpty();
        LocalGrid grid = new LocalGrid(121.0, 32.54);
        Park park = parks.insert(new Park(null, "BENCH", "基准测试园区", "Benchmark park", "320623", "bench",
                Cgcs2000.GEOMETRY_FACTORY.createPolygon(new Coordinate[] {grid.toLonLat(0, 0), grid.toLonLat(5000, 0),
                        grid.toLonLat(5000, 5000), grid.toLonLat(0, 5000), grid.toLonLat(0, 0)})));
        AquiferLayer aquifer = parks.insert(new AquiferLayer(null, park.id(), "Q1", "潜水", "Unconfined", AquiferLayer.Confinement.UNCONFINED,
                1, 12, 30, 0.25));
        List<SimulatedDevice> simulated = new ArrayList<>();
        for (int w = 0; w < wells; w++) {
            String code = String.format("B-%04d", w);
            Well well = monitoring.insert(new Well(null, park.id(), code, code, grid.point(100 + (w % 50) * 95, 100 + (w / 50) * 95), 5, 5.5,
                    3, 10, aquifer.id(), Well.Role.DOWNGRADIENT, Well.Status.ACTIVE));
            String mn = String.format("BENCH%09d", w);
            devices.insert(Device.register(mn, park.id(), "pw" + w, code, Instant.now()));
            Sensor sensor = monitoring.insert(new Sensor(null, code + "-ALL", mn, "bench", "B" + w, 3650, null));
            List<SimulatedDevice.Channel> channels = new ArrayList<>();
            int phase = w;
            for (var channel : CHANNELS.entrySet()) {
                String parameter = PARAMETERS.get(channel.getKey());
                monitoring.insert(new Datastream(null, code + "/" + parameter, well.id(), null,
                        parameters.findByCode(parameter).orElseThrow().id(), sensor.id(), null, 1));
                double level = channel.getValue()[0];
                double swing = channel.getValue()[1];
                // A slow daily swing with a little jitter: realistic data that QA/QC rarely flags, as in the field.
                channels.add(new SimulatedDevice.Channel(channel.getKey(), (c, time) -> level
                        + swing * Math.sin(time.getEpochSecond() / 86400.0 * 2 * Math.PI + phase)
                        + swing * 0.002 * ((time.getEpochSecond() / 60 + phase) % 3 - 1)));
            }
            simulated.add(new SimulatedDevice(mn, "pw" + w, channels));
        }
        return simulated;
    }
}
