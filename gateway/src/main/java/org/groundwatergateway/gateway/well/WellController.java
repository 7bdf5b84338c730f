package org.groundwatergateway.gateway.well;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/wells")
@Tag(name = "Wells", description = "监测井 / monitoring wells, as GeoJSON")
public class WellController {

    private static final String GEO_JSON = "application/geo+json";
    /** The dataset the sharing policy names these by: the same wells WFS and OGC API publish. */
    private static final String DATASET = "wells";

    private final ParkRepository parks;
    private final MonitoringRepository monitoring;
    private final ParameterRepository parameters;

    private final DisclosedRecords disclosed;

    public WellController(ParkRepository parks, MonitoringRepository monitoring, ParameterRepository parameters, DisclosedRecords disclosed) {
        this.disclosed = disclosed;
        this.parks = parks;
        this.monitoring = monitoring;
        this.parameters = parameters;
    }

    @GetMapping(produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Wells as a GeoJSON FeatureCollection (longitude, latitude in CGCS2000), with their datastreams")
    public Map<String, Object> all(@Parameter(description = "only the wells of this park") @RequestParam(required = false) String park) {
        Disclosure disclosure = disclosed.require(Viewers.current(), DATASET);
        List<Well> wells = park == null ? monitoring.findWells()
                : monitoring.findWells(parks.findByCode(park).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.park.unknown", "park", park))).id());
        Features features = new Features(disclosure);
        return GeoJson.featureCollection(disclosed.wells(disclosure, wells).stream().map(features::of).toList());
    }

    @GetMapping(value = "/{code}", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "One well as a GeoJSON Feature")
    public Map<String, Object> one(@PathVariable String code) {
        Disclosure disclosure = disclosed.require(Viewers.current(), DATASET);
        Well well = monitoring.findWell(code).flatMap(w -> disclosed.wells(disclosure, List.of(w)).stream().findFirst())
                .orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.notFound.well", "code", code)));
        return new Features(disclosure).of(well);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Register a well (administrators)")
    public ResponseEntity<Map<String, Object>> create(@RequestBody NewWell request) {
        Park park = parks.findByCode(request.park()).orElseThrow(() -> new InvalidInput("gateway.park.unknown", "park", request.park()));
        AquiferLayer aquifer = parks.findAquifers(park.id()).stream().filter(a -> a.code().equals(request.aquifer())).findFirst()
                .orElseThrow(() -> new InvalidInput("gateway.well.aquifer", "aquifer", park.code(), request.aquifer()));
        Well saved = monitoring.insert(request.toWell(park.id(), aquifer.id()));
        return ResponseEntity.created(URI.create("/api/v1/wells/" + saved.code())).body(new Features(Disclosure.full()).of(saved));
    }

    /** Builds well features, loading the lookups they share once per request. */
    private final class Features {
        private final Map<Long, Park> parksById = parks.findAll().stream().collect(Collectors.toMap(Park::id, Function.identity()));
        private final Map<Long, String> parameterCodes = new LinkedHashMap<>();
        private final Map<Long, String> parameterUnits = new LinkedHashMap<>();
        private final Map<Long, List<Datastream>> datastreamsByWell = monitoring.findDatastreams().stream()
                .filter(d -> d.wellId() != null).collect(Collectors.groupingBy(Datastream::wellId));
        private final Map<Long, AquiferLayer> aquifers = new LinkedHashMap<>();

        private final Disclosure disclosure;

        Features(Disclosure disclosure) {
            this.disclosure = disclosure;
            parameters.findAll().forEach(p -> {
                parameterCodes.put(p.id(), p.code());
                parameterUnits.put(p.id(), p.unit());
            });
            parksById.keySet().forEach(id -> parks.findAquifers(id).forEach(a -> aquifers.put(a.id(), a)));
        }

        Map<String, Object> of(Well w) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", w.code());
            properties.put("nameZh", w.nameZh());
            properties.put("park", parksById.get(w.parkId()).code());
            properties.put("aquifer", aquifers.get(w.aquiferId()).code());
            properties.put("role", w.role());
            properties.put("status", w.status());
            properties.put("groundElevationM", w.groundElevationM());
            properties.put("casingTopElevationM", w.casingTopElevationM());
            properties.put("screenTopDepthM", w.screenTopDepthM());
            properties.put("screenBottomDepthM", w.screenBottomDepthM());
            List<Map<String, Object>> streams = new ArrayList<>();
            for (Datastream d : datastreamsByWell.getOrDefault(w.id(), List.of())) {
                Map<String, Object> stream = new LinkedHashMap<>();
                stream.put("id", d.id());
                stream.put("code", d.code());
                stream.put("parameter", parameterCodes.get(d.parameterId()));
                stream.put("unit", parameterUnits.get(d.parameterId()));
                stream.put("readings", "/api/v1/datastreams/" + d.id() + "/readings");
                streams.add(stream);
            }
            properties.put("datastreams", streams);
            properties.keySet().removeIf(field -> !DisclosedRecords.shows(disclosure, field));
            return GeoJson.feature(w.code(), w.location(), properties);
        }
    }
}
