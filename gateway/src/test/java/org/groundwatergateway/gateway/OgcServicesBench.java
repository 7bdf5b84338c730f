package org.groundwatergateway.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WMS and WFS throughput against the running application on PostGIS, over HTTP from this JVM: GetMap tiles at 4
 * and 16 concurrent clients, and WFS GetFeature of 1,000 and 10,000 features as GeoJSON (10,000 extra wells are
 * added to the demo park for it). Run with {@code mvn -pl gateway -am verify -Pbench -Dtest=OgcServicesBench
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures in docs/benchmarks.md.
 */
@Tag("bench")
class OgcServicesBench extends RunningGateway {

    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final TestDatabases.TestDatabase POSTGIS = TestDatabases.postgis();

    @DynamicPropertySource
    static void postgis(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", POSTGIS::url);
        registry.add("spring.datasource.username", POSTGIS::user);
        registry.add("spring.datasource.password", () -> "");
        registry.add("gw.demo", () -> true);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        POSTGIS.close();
    }

    @Autowired
    Database database;

    private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();

    @Test
    void wmsTilesAndWfsGeoJson() throws Exception {
        addWells(10_000);
        System.out.println("== OGC services benchmark (PostGIS, demo park + 10,000 wells, " + RUN.toSeconds() + " s per run)");
        for (int clients : new int[] {4, 16}) {
            tiles("GetMap 256x256 EPSG:3857 wells+risk_zones+enterprises, distinct tiles", clients, 256, 256, false);
            tiles("GetMap 1024x768 EPSG:3857 wells+risk_zones+enterprises, distinct maps", clients, 1024, 768, false);
            tiles("GetMap 256x256 EPSG:3857, 64 tiles repeated (cache)", clients, 256, 256, true);
        }
        for (int count : new int[] {1_000, 10_000}) wfs(count);
    }

    private void addWells(int count) {
        long parkId = new ParkRepository(database).findByCode(DemoPark.PARK_CODE).orElseThrow().id();
        long aquifer = new ParkRepository(database).findAquifers(parkId).get(0).id();
        MonitoringRepository wells = new MonitoringRepository(database);
        Random random = new Random(7);
        for (int i = 0; i < count; i++) {
            wells.insert(new Well(null, parkId, String.format("BENCH-%05d", i), "压测井" + i,
                    DemoPark.GRID.point(random.nextDouble() * 3000, random.nextDouble() * 2000), 4.5, 4.9, 3, 9, aquifer,
                    Well.Role.DOWNGRADIENT, Well.Status.ACTIVE));
        }
    }

    private void tiles(String label, int clients, int width, int height, boolean repeat) throws Exception {
        // Web Mercator around the park: tiles about 150 m across at 256 px (zoom 18), maps four times that.
        double x0 = 13_469_600, y0 = 3_834_400;
        double span = width / 256.0 * 150;
        AtomicLong done = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            workers.add(pool.submit(() -> {
                Random random = new Random(seed);
                while (System.nanoTime() < end) {
                    double x = x0 + (repeat ? random.nextInt(8) * span : random.nextDouble() * 3600);
                    double y = y0 - (repeat ? random.nextInt(8) * span * height / width : random.nextDouble() * 2400);
                    String url = http.base() + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=risk_zones,enterprises,wells&STYLES="
                            + "&CRS=EPSG:3857&FORMAT=image/png&TRANSPARENT=TRUE&WIDTH=" + width + "&HEIGHT=" + height
                            + String.format(Locale.ROOT, "&BBOX=%.1f,%.1f,%.1f,%.1f", x, y, x + span, y + span * height / width);
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) throw new IllegalStateException(new String(response.body()));
                    latencies.add(System.nanoTime() - start);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) worker.get();
        pool.shutdown();
        report(label + ", " + clients + " clients", done.get() / (double) RUN.toSeconds(), "images/s", latencies);
    }

    private void wfs(int count) throws Exception {
        String url = http.base() + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gw:wells&OUTPUTFORMAT=application/json&COUNT=" + count;
        List<Long> latencies = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 25; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) throw new IllegalStateException(new String(response.body()));
            if (i >= 5) latencies.add(System.nanoTime() - start);
            bytes = response.body().length;
        }
        double medianSeconds = percentile(latencies, 50) / 1e9;
        report("WFS GetFeature GeoJSON " + count + " features (" + bytes / 1024 + " KiB)", count / medianSeconds, "features/s", latencies);
    }

    private static void report(String label, double rate, String unit, List<Long> latencies) {
        System.out.printf(Locale.ROOT, "%-90s %9.1f %s   p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms%n", label, rate, unit,
                percentile(latencies, 50) / 1e6, percentile(latencies, 95) / 1e6, percentile(latencies, 99) / 1e6);
    }

    private static double percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }
}
