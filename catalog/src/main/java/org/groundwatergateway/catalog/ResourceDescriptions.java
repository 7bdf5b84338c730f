package org.groundwatergateway.catalog;

import static org.groundwatergateway.catalog.LinkedVocabulary.*;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * The things behind the catalog as resources of their own ({@link LinkedUris}): the park, wells (SOSA platforms hosting
 * their sensors), datastreams (SOSA observation collections: what sensor observes which parameter at which well), the
 * parameters (a SKOS vocabulary) and enterprises, each as one viewer may see it. Every description reads through the
 * disclosure engine as the REST doors do: a thing whose dataset the viewer may not see, or may see only in a way these
 * descriptions cannot apply (rows limited, means over time), is not found, exactly as one that does not exist; a well
 * is placed where the viewer may see it (coarsened for the public); a withheld attribute is not written.
 */
public final class ResourceDescriptions {

    private final ResourceFacts facts;
    private final AccessPolicy policy;
    private final DisclosedRecords disclosed;

    public ResourceDescriptions(ResourceFacts facts, AccessPolicy policy, Clock clock) {
        this.facts = facts;
        this.policy = policy;
        this.disclosed = new DisclosedRecords(policy, clock);
    }

    /**
     * One thing described as the viewer may see it; empty when there is no such thing or the viewer may not see it.
     *
     * @param key the thing's code or id; null for the kind as a whole, which only the parameters' concept scheme is
     */
    public Optional<Model> describe(Viewer viewer, String root, LinkedUris kind, String key) {
        Writer writer = new Writer(viewer, root);
        boolean found = switch (kind) {
            case PARKS -> key != null && writer.park(key);
            case WELLS -> key != null && writer.well(key);
            case DATASTREAMS -> key != null && writer.datastream(key);
            case PARAMETERS -> key == null ? writer.scheme() : writer.parameter(key);
            case ENTERPRISES -> key != null && writer.enterprise(key);
            case METRICS -> key != null && writer.metric(key);
        };
        return found ? Optional.of(writer.model) : Optional.empty();
    }

    /** The model's prefixes: what its Turtle and the HTML page abbreviate IRIs with. */
    static void prefixes(Model model, String root) {
        model.setNsPrefix("sosa", SOSA).setNsPrefix("ssn", SSN).setNsPrefix("skos", Vocabulary.SKOS).setNsPrefix("dct", Vocabulary.DCT)
                .setNsPrefix("dcat", Vocabulary.DCAT).setNsPrefix("gsp", Vocabulary.GSP).setNsPrefix("qudt", QUDT).setNsPrefix("unit", UNIT)
                .setNsPrefix("dqv", DQV).setNsPrefix("prov", PROV).setNsPrefix("schema", SCHEMA).setNsPrefix("rdfs", RDFS)
                .setNsPrefix("owl", OWL.NS).setNsPrefix("foaf", Vocabulary.FOAF).setNsPrefix("xsd", Vocabulary.XSD)
                .setNsPrefix("gw", root + DEF_PATH);
    }

    /** One description in the making. */
    private final class Writer {
        private final Viewer viewer;
        private final String root;
        private final Model model = ModelFactory.createDefaultModel();
        /** The sensors the viewer may name, by id; read once per description, when first asked. */
        private Map<Long, Sensor> namedSensors;

        Writer(Viewer viewer, String root) {
            this.viewer = viewer;
            this.root = root;
            prefixes(model, root);
        }

        boolean park(String code) {
            if (!disclosed.showsUnmasked(viewer, "parks")) return false;
            Optional<Park> found = facts.parks().stream().filter(p -> p.code().equals(code)).findFirst();
            if (found.isEmpty()) return false;
            Park park = found.get();
            Resource resource = parkResource(park).addProperty(RDF.type, GspFeature).addProperty(DCTerms.identifier, park.code())
                    .addProperty(def(root, "divisionCode"), park.divisionCode());
            if (park.pollutionCategory() != null) resource.addProperty(def(root, "pollutionCategory"), park.pollutionCategory());
            geometry(resource, park.boundary());
            resource.addProperty(seeAlso, model.createResource(root + "/catalog"));
            for (Well well : visibleWells()) {
                if (well.parkId() == park.id()) resource.addProperty(DCTerms.hasPart, wellResource(well));
            }
            visibleEnterprises().forEach((enterprise, shown) -> {
                if (enterprise.parkId() == park.id()) resource.addProperty(DCTerms.hasPart, enterpriseResource(enterprise, shown));
            });
            return true;
        }

        boolean well(String code) {
            Optional<Disclosure> disclosure = rows("wells");
            Optional<Well> found = visibleWells().stream().filter(w -> w.code().equals(code)).findFirst();
            if (disclosure.isEmpty() || found.isEmpty()) return false;
            Disclosure shown = disclosure.get();
            Well well = found.get();
            Resource resource = wellResource(well).addProperty(RDF.type, FeatureOfInterest).addProperty(RDF.type, GspFeature)
                    .addProperty(DCTerms.identifier, well.code());
            if (shown.shows("name_zh")) resource.addProperty(label, well.nameZh(), "zh");
            if (shown.shows("park_code")) {
                facts.parks().stream().filter(p -> p.id() == well.parkId()).findFirst().ifPresent(p -> resource.addProperty(DCTerms.isPartOf, parkResource(p)));
            }
            if (shown.shows("aquifer")) {
                facts.aquifers().stream().filter(a -> a.id() == well.aquiferId()).findFirst().map(AquiferLayer::code)
                        .ifPresent(aquifer -> resource.addProperty(def(root, "aquifer"), aquifer));
            }
            if (shown.shows("role")) resource.addProperty(def(root, "role"), well.role().name());
            if (shown.shows("status")) resource.addProperty(def(root, "status"), well.status().name());
            number(resource, shown, "ground_elevation_m", "groundElevationM", well.groundElevationM());
            number(resource, shown, "screen_top_depth_m", "screenTopDepthM", well.screenTopDepthM());
            number(resource, shown, "screen_bottom_depth_m", "screenBottomDepthM", well.screenBottomDepthM());
            geometry(resource, well.location());
            if (shown.locationPrecisionMetres() > 0) resource.addLiteral(def(root, "locationPrecisionMetres"), shown.locationPrecisionMetres());
            Map<Long, Parameter> parameters = parametersById();
            if (rows("Datastreams").isPresent()) {
                for (Datastream d : facts.datastreams()) {
                    if (!well.id().equals(d.wellId())) continue;
                    Resource datastream = datastreamResource(d, well, parameters.get(d.parameterId()));
                    resource.addProperty(isFeatureOfInterestOf, datastream);
                    resource.addProperty(hosts, sensor(d, well, parameters.get(d.parameterId())));
                }
            }
            resource.addProperty(seeAlso, model.createResource(root + "/sta/v1.1/Things(" + well.id() + ")"));
            return true;
        }

        boolean datastream(String key) {
            long id;
            try {
                id = Long.parseLong(key);
            } catch (NumberFormatException e) {
                return false;
            }
            if (rows("Datastreams").isEmpty()) return false;
            Optional<Datastream> found = facts.datastreams().stream().filter(d -> d.id() == id).findFirst();
            if (found.isEmpty()) return false;
            Datastream d = found.get();
            Well well = null;
            if (d.wellId() != null) {
                // A datastream is found only where its well is: it names the well.
                well = visibleWells().stream().filter(w -> w.id().equals(d.wellId())).findFirst().orElse(null);
                if (well == null) return false;
            }
            Parameter parameter = parametersById().get(d.parameterId());
            Resource resource = datastreamResource(d, well, parameter).addProperty(DCTerms.identifier, d.code());
            if (parameter != null) resource.addProperty(observedProperty, parameterResource(parameter));
            if (well != null) resource.addProperty(hasFeatureOfInterest, wellResource(well).addProperty(RDF.type, FeatureOfInterest));
            resource.addProperty(madeBySensor, sensor(d, well, parameter));
            if (d.intervalMinutes() > 0) resource.addLiteral(def(root, "intervalMinutes"), d.intervalMinutes());
            resource.addProperty(seeAlso, model.createResource(root + "/sta/v1.1/Datastreams(" + d.id() + ")"))
                    .addProperty(seeAlso, model.createResource(root + "/sta/v1.1/Datastreams(" + d.id() + ")/Observations"));
            return true;
        }

        /** A quality metric's definition: the same for everyone, as it says nothing of the data. */
        boolean metric(String name) {
            Optional<QualityMeasurements.Metric> metric = QualityMeasurements.Metric.ofName(name);
            metric.ifPresent(m -> m.describe(model, root));
            return metric.isPresent();
        }

        boolean scheme() {
            if (!disclosed.showsUnmasked(viewer, "parameters")) return false;
            ParameterConcepts.describeScheme(model, root, facts.parameters());
            return true;
        }

        boolean parameter(String code) {
            if (!disclosed.showsUnmasked(viewer, "parameters")) return false;
            Optional<Parameter> found = facts.parameters().stream().filter(p -> p.code().equals(code)).findFirst();
            found.ifPresent(p -> ParameterConcepts.describe(model, root, p));
            return found.isPresent();
        }

        boolean enterprise(String key) {
            Map<Enterprise, Disclosure> visible = visibleEnterprises();
            Optional<Enterprise> found = visible.keySet().stream().filter(e -> String.valueOf(e.id()).equals(key)).findFirst();
            if (found.isEmpty()) return false;
            Enterprise enterprise = found.get();
            Disclosure shown = visible.get(enterprise);
            Resource resource = enterpriseResource(enterprise, shown).addProperty(DCTerms.identifier, String.valueOf(enterprise.id()));
            if (shown.shows("credit_code")) resource.addProperty(def(root, "creditCode"), enterprise.creditCode());
            if (shown.shows("industry") && enterprise.industry() != null) resource.addProperty(def(root, "industry"), enterprise.industry());
            if (shown.shows("processes")) enterprise.processes().forEach(p -> resource.addProperty(def(root, "process"), p));
            if (shown.shows("characteristic_pollutants")) {
                Map<String, Parameter> byCode = facts.parameters().stream().collect(Collectors.toMap(Parameter::code, Function.identity()));
                for (String code : enterprise.characteristicPollutants()) {
                    Parameter parameter = byCode.get(code);
                    if (parameter != null) resource.addProperty(def(root, "characteristicPollutant"), parameterResource(parameter));
                    else resource.addProperty(def(root, "characteristicPollutant"), code);
                }
            }
            // A boundary is shown exactly or not at all: these descriptions do not coarsen polygons.
            if (shown.locationPrecisionMetres() == 0) geometry(resource, enterprise.boundary());
            if (disclosed.showsUnmasked(viewer, "parks")) {
                facts.parks().stream().filter(p -> p.id() == enterprise.parkId()).findFirst().ifPresent(p -> resource.addProperty(DCTerms.isPartOf, parkResource(p)));
            }
            return true;
        }

        /** The wells the viewer may see, at their shown places; none where their codes (which name them) are withheld. */
        private List<Well> visibleWells() {
            return rows("wells").filter(d -> d.shows("code")).map(d -> disclosed.wells(d, facts.wells())).orElse(List.of());
        }

        /** The enterprises the viewer may see, with the disclosure each is shown under; none under an area (a polygon is not placed here). */
        private Map<Enterprise, Disclosure> visibleEnterprises() {
            Optional<Disclosure> disclosure = rows("enterprises").filter(d -> d.area() == null);
            if (disclosure.isEmpty()) return Map.of();
            return facts.enterprises().stream().collect(Collectors.toMap(Function.identity(), e -> disclosure.get(), (a, b) -> a,
                    java.util.LinkedHashMap::new));
        }

        /** The dataset's disclosure where these descriptions can apply it, as the REST doors require it. */
        private Optional<Disclosure> rows(String dataset) {
            try {
                return Optional.of(disclosed.require(viewer, dataset));
            } catch (DisclosedRecords.NotDisclosed e) {
                return Optional.empty();
            }
        }

        private Map<Long, Parameter> parametersById() {
            return facts.parameters().stream().collect(Collectors.toMap(Parameter::id, Function.identity()));
        }

        private Resource parkResource(Park park) {
            Resource resource = model.createResource(LinkedUris.PARKS.of(root, park.code())).addProperty(label, park.nameZh(), "zh");
            if (park.nameEn() != null) resource.addProperty(label, park.nameEn(), "en");
            return resource;
        }

        private Resource wellResource(Well well) {
            return model.createResource(LinkedUris.WELLS.of(root, well.code()), Platform).addProperty(label, well.code());
        }

        private Resource enterpriseResource(Enterprise enterprise, Disclosure shown) {
            Resource resource = model.createResource(LinkedUris.ENTERPRISES.of(root, enterprise.id()), Vocabulary.Organization);
            if (shown.shows("name_zh")) resource.addProperty(label, enterprise.nameZh(), "zh");
            if (shown.shows("name_en") && enterprise.nameEn() != null) resource.addProperty(label, enterprise.nameEn(), "en");
            if (!resource.hasProperty(label)) resource.addProperty(label, String.valueOf(enterprise.id()));
            return resource;
        }

        private Resource parameterResource(Parameter parameter) {
            return ParameterConcepts.named(model, root, parameter.code(), parameter.nameZh(), parameter.nameEn());
        }

        private Resource datastreamResource(Datastream d, Well well, Parameter parameter) {
            Resource resource = model.createResource(LinkedUris.DATASTREAMS.of(root, d.id()), ObservationCollection);
            String at = well == null ? d.code() : well.code();
            if (parameter != null) {
                resource.addProperty(label, at + " " + parameter.nameZh(), "zh");
                resource.addProperty(label, at + " " + (parameter.nameEn() != null ? parameter.nameEn() : parameter.code()), "en");
            } else {
                resource.addProperty(label, d.code());
            }
            return resource;
        }

        /**
         * The sensor behind a datastream, hosted by its well and observing its parameter: named (its code) where the
         * viewer sees sensors, otherwise a blank node that says no more than the datastream does.
         */
        private Resource sensor(Datastream d, Well well, Parameter parameter) {
            if (namedSensors == null) {
                namedSensors = rows("Sensors").filter(s -> s.shows("name")).map(s -> facts.sensors().stream()
                        .collect(Collectors.toMap(sensor -> sensor.id(), Function.identity()))).orElse(Map.of());
            }
            Optional<Sensor> named = Optional.ofNullable(namedSensors.get(d.sensorId()));
            String host = well == null ? LinkedUris.DATASTREAMS.of(root, d.id()) : LinkedUris.WELLS.of(root, well.code());
            Resource sensor = named.map(s -> model.createResource(host + "#sensor-" + java.net.URLEncoder.encode(s.code(), java.nio.charset.StandardCharsets.UTF_8), Sensor)
                    .addProperty(label, s.code()).addProperty(DCTerms.identifier, s.code())).orElseGet(() -> model.createResource(Sensor));
            if (parameter != null) sensor.addProperty(observes, parameterResource(parameter).addProperty(RDF.type, ObservableProperty));
            if (well != null) sensor.addProperty(isHostedBy, wellResource(well));
            return sensor;
        }

        private void number(Resource resource, Disclosure shown, String attribute, String term, double value) {
            if (shown.shows(attribute)) resource.addLiteral(def(root, term), model.createTypedLiteral(value, XSDDatatype.XSDdouble));
        }

        /** A geometry as GeoSPARQL WKT (CGCS2000 longitude/latitude, written as CRS84: the catalog's convention). */
        private void geometry(Resource resource, Geometry geometry) {
            if (geometry == null) return;
            Resource shape = model.createResource(Vocabulary.GspGeometry).addLiteral(Vocabulary.asWKT,
                    model.createTypedLiteral(new WKTWriter().write(geometry), Vocabulary.WKT_LITERAL));
            resource.addProperty(hasGeometry, shape);
        }
    }
}
