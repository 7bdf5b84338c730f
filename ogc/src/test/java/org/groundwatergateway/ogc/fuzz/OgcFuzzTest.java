package org.groundwatergateway.ogc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.groundwatergateway.core.demo.DemoParkLoader;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.testing.Fuzz;
import org.groundwatergateway.core.testing.FuzzInputs;
import org.groundwatergateway.core.testing.TestDatabases;
import org.groundwatergateway.core.testing.TestDatabases.TestDatabase;
import org.groundwatergateway.ogc.feature.FeatureStore;
import org.groundwatergateway.ogc.feature.PublishedFeatureTypes;
import org.groundwatergateway.ogc.ogcapi.ApiException;
import org.groundwatergateway.ogc.ogcapi.FeaturesApi;
import org.groundwatergateway.ogc.ows.KvpRequest;
import org.groundwatergateway.ogc.ows.OwsException;
import org.groundwatergateway.ogc.ows.OwsResponse;
import org.groundwatergateway.ogc.ows.ServiceSettings;
import org.groundwatergateway.ogc.sta.persistence.EntityStore;
import org.groundwatergateway.ogc.sta.service.EntityWrites;
import org.groundwatergateway.ogc.sta.service.SensorThingsService;
import org.groundwatergateway.ogc.sta.service.StaRequest;
import org.groundwatergateway.ogc.sta.service.StaResponse;
import org.groundwatergateway.ogc.wfs.CsvOutput;
import org.groundwatergateway.ogc.wfs.GeoJsonOutput;
import org.groundwatergateway.ogc.wfs.GmlOutput;
import org.groundwatergateway.ogc.wfs.WfsService;
import org.groundwatergateway.ogc.wms.MapImageCache;
import org.groundwatergateway.ogc.wms.MapLayers;
import org.groundwatergateway.ogc.wms.WmsService;
import org.groundwatergateway.policies.OpenAccessPolicy;
import org.groundwatergateway.policies.Viewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #15: generated WFS, WMS, OGC API and SensorThings requests, read and answered by the real services over both
 * databases holding two days of the demo park. Every request is answered, or refused with the service's own refusal
 * ({@link OwsException}, {@link ApiException}, a SensorThings 4xx): no other exception, no 500, within 2 s. Filters
 * reach SQL, so what the database refuses (a year it cannot store, a type it cannot compare) is found too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcFuzzTest {

    private static final Duration SLOWEST = Duration.ofSeconds(2);
    private static final String URL = "http://gw.test/";

    private final Map<String, Services> services = new LinkedHashMap<>();
    private EventBus events;

    private record Services(TestDatabase test, WfsService wfs, WmsService wms, FeaturesApi api, SensorThingsService sta) {}

    @BeforeAll
    void loadDemo() {
        events = new EventBus();
        for (String kind : List.of("h2gis", "postgis")) {
            TestDatabase test = kind.equals("h2gis") ? TestDatabases.h2gis() : TestDatabases.postgis();
            Database database = Database.migrate(test.dataSource());
            new DemoParkLoader(database).loadIfAbsent(2, p -> {});
            OpenAccessPolicy policy = new OpenAccessPolicy();
            PublishedFeatureTypes types = new PublishedFeatureTypes(policy);
            FeatureStore store = new FeatureStore(database, Clock.systemUTC());
            ServiceSettings settings = new ServiceSettings("t", "a", "p", "e", 100, 1000, 1024, 1 << 20);
            services.put(kind, new Services(test,
                    new WfsService(types, store, settings, List.of(new GmlOutput(), new GeoJsonOutput(), new CsvOutput())),
                    new WmsService(new MapLayers(types, database, store), types, store, database, settings, new MapImageCache(50)),
                    new FeaturesApi(types, store, settings),
                    new SensorThingsService(new EntityStore(database, new EntityStore.Limits(100, 1000, 3, 10_000)), policy,
                            new EntityWrites(database, null, Clock.systemUTC(), events, () -> {}), Clock.systemUTC(), base -> null, 131_072,
                            // The parser under fuzzing, not the permission matrix: every request inside a batch is let through.
                            (viewer, method, path) -> Optional.empty())));
        }
    }

    @AfterAll
    void close() throws InterruptedException {
        services.values().forEach(s -> s.test().close());
        events.close();
    }

    /** Inputs per property on H2GIS; PostGIS, slower to answer, gets a quarter as many. */
    private static int inputs(String kind, int count) {
        return kind.equals("h2gis") ? count : count / 4;
    }

    private static void write(OwsResponse response) {
        assertThat(response.status()).isLessThan(500);
        try {
            response.body().writeTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KvpRequest kvp(Map<String, String> parameters) {
        Map<String, String[]> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> values.put(name, new String[] {value}));
        return new KvpRequest(values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2gis", "postgis"})
    @Timeout(120)
    void wfsRequestsWithFesFiltersAreAnsweredOrRefused(String kind) {
        WfsService wfs = services.get(kind).wfs();
        Fuzz.check("WFS KVP on " + kind, inputs(kind, 2000), SLOWEST, FuzzInputs::wfsKvp, parameters -> {
            KvpRequest kvp = kvp(parameters);
            try {
                write(wfs.handle(wfs.read(kvp), Viewer.anonymous(), URL + "ows?", kvp));
            } catch (OwsException refused) {
                assertThat(refused.httpStatus()).isLessThan(500);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2gis", "postgis"})
    @Timeout(120)
    void wmsRequestsAreAnsweredOrRefused(String kind) {
        WmsService wms = services.get(kind).wms();
        Fuzz.check("WMS KVP on " + kind, inputs(kind, 1000), SLOWEST, FuzzInputs::wmsKvp, parameters -> {
            try {
                write(wms.handle(wms.read(kvp(parameters)), Viewer.anonymous(), URL + "wms?"));
            } catch (OwsException refused) {
                assertThat(refused.httpStatus()).isLessThan(500);
            }
        });
    }

    private static Map<String, String> ogcApiParameters(Random random) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (random.nextBoolean()) parameters.put("datetime", FuzzInputs.time(random) + (random.nextBoolean() ? "/" + FuzzInputs.time(random) : ""));
        if (random.nextBoolean()) parameters.put("bbox", FuzzInputs.number(random) + "," + FuzzInputs.number(random) + ","
                + FuzzInputs.number(random) + "," + FuzzInputs.number(random));
        if (random.nextInt(3) == 0) parameters.put("limit", FuzzInputs.number(random));
        if (random.nextInt(3) == 0) parameters.put("offset", FuzzInputs.number(random));
        if (random.nextInt(3) == 0) parameters.put(FuzzInputs.oneOf(random, List.of("code", "aquifer", "parameter", "result_value", "nope")),
                FuzzInputs.text(random, 8));
        return parameters;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2gis", "postgis"})
    @Timeout(120)
    void ogcApiItemRequestsAreAnsweredOrRefused(String kind) {
        FeaturesApi api = services.get(kind).api();
        Fuzz.check("OGC API items on " + kind, inputs(kind, 1000), SLOWEST, random -> Map.entry(
                FuzzInputs.oneOf(random, List.of("wells", "latest_readings", "plumes", "risk_zones", "nope")), ogcApiParameters(random)), request -> {
            try {
                write(api.items(Viewer.anonymous(), request.getKey(), request.getValue(), URL + "ogcapi", false));
            } catch (ApiException refused) {
                assertThat(refused.status()).isLessThan(500);
            }
        });
    }

    /** Entity sets and properties their filters may name. */
    private static final Map<String, List<String>> STA_SETS = new TreeMap<>(Map.of(
            "/Things", List.of("name", "description", "properties/park", "id", "Locations/location", "Datastreams/name"),
            "/Datastreams", List.of("name", "description", "unitOfMeasurement/symbol", "phenomenonTime", "Thing/name", "id"),
            "/Observations", List.of("result", "phenomenonTime", "resultTime", "id", "Datastream/name", "FeatureOfInterest/feature"),
            "/Datastreams(1)/Observations", List.of("result", "phenomenonTime", "resultTime", "parameters/source"),
            "/Locations", List.of("name", "location", "encodingType", "Things/name"),
            "/FeaturesOfInterest", List.of("name", "feature", "Observations/result"),
            "/Sensors", List.of("name", "encodingType", "metadata"),
            "/ObservedProperties", List.of("name", "definition", "description")));

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2gis", "postgis"})
    @Timeout(120)
    void sensorThingsFiltersAreAnsweredOrRefused(String kind) {
        SensorThingsService sta = services.get(kind).sta();
        int[] answered = {0};
        int checked = Fuzz.check("SensorThings $filter on " + kind, inputs(kind, 2000), SLOWEST, random -> {
            Map.Entry<String, List<String>> set = FuzzInputs.oneOf(random, List.copyOf(STA_SETS.entrySet()));
            String query = "$top=" + (1 + random.nextInt(5)) + "&$filter=" + encode(FuzzInputs.staFilter(random, set.getValue()));
            if (random.nextInt(4) == 0) query += "&$orderby=" + encode(FuzzInputs.oneOf(random, set.getValue()) + (random.nextBoolean() ? " desc" : ""));
            return new String[] {set.getKey(), query};
        }, request -> {
            StaResponse response = sta.handle(new StaRequest("GET", request[0], request[1], null, Viewer.anonymous(), URL + "sta/v1.1"));
            assertThat(response.status()).as(String.valueOf(response.json())).isLessThan(500);
            if (response.status() == 200) answered[0]++;
        });
        // The generated filters must reach the database often enough to test it, not only the parser.
        System.out.printf("SensorThings $filter on %s: %d of %d answered 200%n", kind, answered[0], checked);
        assertThat(answered[0]).isGreaterThan(checked / 50);
    }
}
