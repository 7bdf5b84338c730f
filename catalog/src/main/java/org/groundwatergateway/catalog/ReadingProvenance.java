package org.groundwatergateway.catalog;

import static org.groundwatergateway.catalog.LinkedVocabulary.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.groundwatergateway.catalog.ProvenanceFacts.Observation;
import org.groundwatergateway.catalog.ProvenanceFacts.Review;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.core.reading.Reading;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.CoarseGrid;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.sharing.Datasets;
import org.locationtech.jts.geom.Point;

/**
 * The PROV-O provenance of a published reading, as one viewer may see it: the value as received and the import or
 * packet that brought it, the QA/QC that flagged it, each later version (a reviewer's correction or rejection) as a
 * revision of the one before, the review decisions with their reviewers, and the sensor and data logger that measured it.
 *
 * <p>It is a door onto the readings, so it shows a reading only as the REST readings door would: a viewer who may not
 * see the reading there (the dataset withheld, rows limited, means over time, inside the delay, outside its area) is
 * told it does not exist. Values are shown as that door shows the current one: as the GB/T 14848 class alone where the
 * policy buckets them; the raw value and the values of earlier versions (the first of which is the raw value) only where
 * {@code raw_value} is shown and values are not bucketed. Nothing places the well: provenance names it by its code and
 * carries no location. The sensor and its logger are named only to viewers shown {@code devices}; reviewers by name only
 * to viewers shown {@code reviewers} (the others are told the role: a data reviewer); a review's reason and a laboratory's
 * sample and report ids only to viewers shown the readings unmasked (a reason may quote the value).
 */
public final class ReadingProvenance {

    private final AccessPolicy policy;
    private final ProvenanceFacts facts;
    private final DisclosedRecords disclosed;
    private final Clock clock;

    /** @param clock the time a disclosure's delay counts back from */
    public ReadingProvenance(AccessPolicy policy, ProvenanceFacts facts, Clock clock) {
        this.policy = policy;
        this.facts = facts;
        this.clock = clock;
        this.disclosed = new DisclosedRecords(policy, clock);
    }

    /**
     * What one viewer is shown of provenance, decided once from the sharing policy.
     *
     * @param readings the disclosure of the readings, or null when the viewer may see no reading one by one
     * @param cutoff   nothing measured after this is shown
     * @param raw      raw values and earlier versions' values are shown
     * @param details  review reasons and laboratory ids are shown
     * @param wells    the disclosure of the wells, or null when a reading's well is not named
     */
    record Audience(Disclosure readings, Instant cutoff, boolean raw, boolean details, boolean devices, boolean reviewerNames, Disclosure wells,
                    boolean datastreams) {

        boolean seesReadings() {
            return readings != null;
        }
    }

    Audience audience(Viewer viewer) {
        Disclosure readings = policy.disclose(viewer, Datasets.READINGS);
        boolean single = readings.visible() && readings.restrictedTo().isEmpty() && readings.ownership() == null && readings.minimumCount() == 0
                && readings.timeAggregation() == Disclosure.TimeAggregation.NONE;
        if (!single) return new Audience(null, Instant.MIN, false, false, false, false, null, false);
        boolean bucketed = readings.bucketed().containsKey("result_value");
        Disclosure wells = policy.disclose(viewer, "wells");
        boolean wellNamed = wells.visible() && wells.restrictedTo().isEmpty() && wells.ownership() == null && wells.shows("code");
        return new Audience(readings, disclosed.readableUntil(readings, Instant.MAX), readings.shows("raw_value") && !bucketed, !readings.masks(),
                disclosed.showsUnmasked(viewer, "devices"), disclosed.showsUnmasked(viewer, Datasets.REVIEWERS), wellNamed ? wells : null,
                policy.disclose(viewer, "Datastreams").visible());
    }

    /** Whether the viewer may see this observation at all, as the REST readings door would show it. */
    boolean shows(Audience audience, Observation observation) {
        if (!audience.seesReadings() || observation.current() == null) return false;
        // Judged by its time now, and by every earlier one too: a PATCH may have moved it into the delay (its current
        // version then is not shown yet), or out of it (its earlier version, inside, would be shown with it).
        if (observation.versions().stream().anyMatch(v -> v.phenomenonTime().isAfter(audience.cutoff()))) return false;
        Disclosure.Area area = audience.readings().area();
        if (area == null) return true;
        // Rows limited to an area: the well's place as the viewer is shown it must lie inside; a reading of no well (or
        // of a well the viewer may not see) is outside every area.
        if (observation.well() == null || audience.wells() == null || audience.wells().area() != null) return false;
        Point shown = (Point) CoarseGrid.snap(observation.well().location(), audience.wells().locationPrecisionMetres());
        return shown.getX() >= area.west() && shown.getX() <= area.east() && shown.getY() >= area.south() && shown.getY() <= area.north();
    }

    /**
     * The provenance of a reading (any version of it), or empty when there is no such reading or the viewer may not see
     * it: the two are answered alike.
     *
     * @param root the gateway's public root URL, without a trailing slash
     */
    public Optional<Model> describe(long readingId, Viewer viewer, String root) {
        Audience audience = audience(viewer);
        if (!audience.seesReadings()) return Optional.empty();
        Optional<Observation> observation = facts.observationOf(readingId);
        if (observation.isEmpty() || !shows(audience, observation.get())) return Optional.empty();
        Model model = ModelFactory.createDefaultModel();
        prefixes(model, root);
        new Chain(model, audience, root).describe(observation.get());
        return Optional.of(model);
    }

    /** Adds the provenance chains of the observations the viewer may see to a model (the SPARQL graph's). */
    void describeAll(Model model, List<Observation> observations, Audience audience, String root) {
        if (!audience.seesReadings()) return;
        Chain chain = new Chain(model, audience, root);
        for (Observation observation : observations) {
            if (shows(audience, observation)) chain.describe(observation);
        }
    }

    static void prefixes(Model model, String root) {
        model.setNsPrefix("prov", PROV).setNsPrefix("sosa", SOSA).setNsPrefix("time", TIME).setNsPrefix("dct", Vocabulary.DCT)
                .setNsPrefix("rdfs", RDFS).setNsPrefix("xsd", Vocabulary.XSD).setNsPrefix("owl", org.apache.jena.vocabulary.OWL.NS).setNsPrefix("gwdef", root + DEF_PATH);
    }

    /** The URI of a reading (one version of an observation). */
    public static String readingUri(String root, long id) {
        return root + "/catalog/readings/" + id;
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Descriptions of observations into one model, for one audience. */
    private final class Chain {
        private final Model model;
        private final Audience audience;
        private final String root;
        private final String base;

        Chain(Model model, Audience audience, String root) {
            this.model = model;
            this.audience = audience;
            this.root = root;
            this.base = root + "/catalog";
        }

        void describe(Observation o) {
            List<Reading> versions = o.versions();
            Reading first = versions.get(0);
            Resource datastream = ObservationNetwork.datastream(model, root, o.datastream().id());
            Resource parameter = ObservationNetwork.parameter(model, root, o.parameter());
            Resource well = o.well() == null || audience.wells() == null ? null : ObservationNetwork.well(model, root, o.well(), audience.wells());
            Resource sensor = audience.devices() && o.sensor() != null ? sensor(o) : null;

            String firstUri = readingUri(root, first.id());
            Resource reception = model.createResource(firstUri + "#reception", Activity);
            channel(reception, first.source());
            reception.addLiteral(endedAtTime, dateTime(first.receivedTime()));
            if (sensor != null) reception.addProperty(wasAssociatedWith, sensor);
            if (o.lab() != null && audience.details()) {
                Resource report = model.createResource(base + "/lab-reports/" + encoded(o.lab().labReportId()), Entity)
                        .addProperty(DCTerms.identifier, o.lab().labReportId());
                text(report, "实验室检测报告", "laboratory report");
                Resource sample = model.createResource(base + "/samples/" + encoded(o.lab().sampleId()), Entity)
                        .addProperty(DCTerms.identifier, o.lab().sampleId());
                text(sample, "样品", "sample");
                reception.addProperty(used, report).addProperty(used, sample);
                if (o.lab().detectionLimit() != null) reception.addLiteral(def(root, "detectionLimit"), o.lab().detectionLimit());
                reception.addLiteral(def(root, "nonDetect"), o.lab().nonDetect());
            }

            Resource received = model.createResource(firstUri + "#received", Entity).addProperty(wasGeneratedBy, reception);
            text(received, "接收到的原始值", "the value as received");
            if (audience.raw()) value(received, first.rawValue(), o);

            Resource qaqc = model.createResource(firstUri + "#qaqc", Activity).addProperty(used, received)
                    .addLiteral(endedAtTime, dateTime(first.receivedTime())).addProperty(wasAssociatedWith, qualityControl());
            text(qaqc, "自动质控(HJ 164-2020 §13.4):量程、重复、缺测、变化率、平直、尖峰、双传感器比对", "automatic QA/QC (HJ 164-2020 §13.4): range, "
                    + "duplicates, gaps, rate of change, flatline, spikes, dual-sensor comparison");

            Resource previous = null;
            for (Reading version : versions) {
                Resource entity = version(version, o, datastream, parameter, well, sensor);
                if (previous == null) {
                    entity.addProperty(wasDerivedFrom, received).addProperty(hadPrimarySource, received).addProperty(wasGeneratedBy, qaqc);
                } else {
                    Resource generation = generation(version, o);
                    entity.addProperty(wasRevisionOf, previous).addProperty(wasGeneratedBy, generation);
                    previous.addProperty(wasInvalidatedBy, generation).addLiteral(invalidatedAtTime, dateTime(version.receivedTime()));
                    generation.listProperties(wasAssociatedWith).toList().forEach(s -> entity.addProperty(wasAttributedTo, s.getResource()));
                }
                previous = entity;
            }
            // Reviews that made no version (accepted, or still open) used the version current when they ended.
            for (Review review : o.reviews()) {
                if (review.status().equals("CORRECTED") || review.status().equals("REJECTED")) continue;
                Resource activity = review(review);
                Reading reviewed = versions.get(0);
                for (Reading version : versions) {
                    if (review.decidedAt() == null || !version.receivedTime().isAfter(review.decidedAt())) reviewed = version;
                }
                activity.addProperty(used, model.createResource(readingUri(root, reviewed.id())));
            }
        }

        private Resource version(Reading version, Observation o, Resource datastream, Resource parameter, Resource well, Resource sensor) {
            Resource entity = model.createResource(readingUri(root, version.id()), Entity).addProperty(RDF.type, Observation)
                    .addProperty(DCTerms.identifier, Long.toString(version.id()))
                    .addLiteral(def(root, "version"), model.createTypedLiteral(version.version(), XSDDatatype.XSDinteger))
                    .addLiteral(def(root, "current"), version.current())
                    .addProperty(def(root, "source"), version.source())
                    .addLiteral(generatedAtTime, dateTime(version.receivedTime()))
                    .addProperty(phenomenonTime, model.createResource(TimeInstant).addLiteral(inXSDDateTimeStamp,
                            model.createTypedLiteral(version.phenomenonTime().toString(), XSDDatatype.XSDdateTimeStamp)))
                    .addProperty(observedProperty, parameter);
            for (QualityFlag flag : QualityFlag.of(version.qualityFlags())) entity.addProperty(def(root, "qualityFlag"), flag.name());
            if (version.current()) {
                DisclosedRecords.ShownReading shown = disclosed.reading(audience.readings(), o.parameter(), version);
                if (shown.value() != null) value(entity, shown.value(), o);
                if (shown.gbt14848Class() != null) entity.addLiteral(def(root, "gbt14848Class"), model.createTypedLiteral(shown.gbt14848Class(),
                        XSDDatatype.XSDinteger));
            } else if (audience.raw()) {
                // An earlier version's value: the first is the raw value itself, so it is shown only where raw values are.
                value(entity, version.value(), o);
                Integer quality = o.parameter().classLimits() == null ? null : o.parameter().classLimits().classOf(version.value());
                if (quality != null) entity.addLiteral(def(root, "gbt14848Class"), model.createTypedLiteral(quality, XSDDatatype.XSDinteger));
            }
            if (audience.datastreams()) datastream.addProperty(hasMember, entity);
            if (well != null) entity.addProperty(hasFeatureOfInterest, well);
            if (sensor != null) entity.addProperty(madeBySensor, sensor);
            return entity;
        }

        /** The activity that made a later version: the review decided at its time, else a revision through its channel. */
        private Resource generation(Reading version, Observation o) {
            if (version.source().equals("review")) {
                for (Review review : o.reviews()) {
                    if (review.decidedAt() != null && review.decidedAt().equals(version.receivedTime())) return review(review);
                }
            }
            Resource revision = model.createResource(readingUri(root, version.id()) + "#revision", Activity)
                    .addLiteral(endedAtTime, dateTime(version.receivedTime()));
            channel(revision, version.source());
            return revision;
        }

        private Resource review(Review review) {
            Resource type = model.createResource(root + DEF_PATH + "Review");
            Resource activity = model.createResource(base + "/reviews/" + review.id(), Activity);
            // A review covers a run of readings: described once, however many of its readings are in the model.
            if (activity.hasProperty(RDF.type, type)) return activity;
            activity.addProperty(RDF.type, type).addProperty(def(root, "decision"), review.status())
                    .addLiteral(startedAtTime, dateTime(review.openedAt()));
            text(activity, "数据审核", "data review");
            for (QualityFlag flag : QualityFlag.of(review.flags())) activity.addProperty(def(root, "raisedBy"), flag.name());
            if (review.decidedAt() != null) activity.addLiteral(endedAtTime, dateTime(review.decidedAt()));
            if (audience.details() && review.reason() != null) activity.addProperty(comment, review.reason());
            if (review.decidedBy() != null) {
                Resource reviewer = reviewer(review.decidedBy());
                activity.addProperty(wasAssociatedWith, reviewer).addProperty(qualifiedAssociation, model.createResource(Association)
                        .addProperty(agent, reviewer).addProperty(hadRole, reviewerRole()));
            }
            return activity;
        }

        /** The reviewer by account name, or, to a viewer not shown reviewers, a person in the role and no more. */
        private Resource reviewer(String account) {
            if (audience.reviewerNames()) {
                Resource person = model.createResource(base + "/agents/" + encoded(account), Agent).addProperty(RDF.type, Person)
                        .addProperty(DCTerms.identifier, account);
                return person.addProperty(label, account);
            }
            Resource someone = model.createResource(Agent).addProperty(RDF.type, Person);
            text(someone, "数据审核员", "a data reviewer");
            return someone;
        }

        private Resource reviewerRole() {
            Resource role = model.createResource(root + DEF_PATH + "DataReviewer", Role);
            if (!role.hasProperty(label)) text(role, "数据审核员", "data reviewer");
            return role;
        }

        private Resource qualityControl() {
            Resource software = model.createResource(base + "/agents/qaqc", SoftwareAgent);
            if (!software.hasProperty(label)) text(software, "平台自动质控", "the platform's automatic QA/QC");
            return software;
        }

        private Resource sensor(Observation o) {
            Resource sensor = model.createResource(base + "/sensors/" + encoded(o.sensor().code()), Sensor).addProperty(RDF.type, Agent);
            if (sensor.hasProperty(DCTerms.identifier)) return sensor;
            sensor.addProperty(DCTerms.identifier, o.sensor().code()).addProperty(def(root, "model"), o.sensor().model())
                    .addProperty(def(root, "serialNumber"), o.sensor().serialNumber());
            Resource logger = model.createResource(base + "/devices/" + encoded(o.sensor().mn()), Agent).addProperty(RDF.type, Platform)
                    .addProperty(DCTerms.identifier, o.sensor().mn());
            text(logger, "数采仪(HJ 212 MN " + o.sensor().mn() + ")", "data logger (HJ 212 MN " + o.sensor().mn() + ")");
            sensor.addProperty(actedOnBehalfOf, logger).addProperty(isHostedBy, logger);
            return sensor;
        }

        private void channel(Resource activity, String source) {
            activity.addProperty(def(root, "channel"), source);
            String[] names = switch (source) {
                case "hj212" -> new String[] {"HJ 212 数据包(数采仪上报)", "HJ 212 packet from the data logger"};
                case "mqtt" -> new String[] {"MQTT 消息(数采仪上报)", "MQTT message from the data logger"};
                case "http" -> new String[] {"HTTP 数据导入(CSV/JSON)", "HTTP upload of readings (CSV/JSON)"};
                case "lab" -> new String[] {"实验室检测结果导入", "import of laboratory results"};
                case "sta" -> new String[] {"SensorThings API 写入", "SensorThings API creation"};
                case "demo" -> new String[] {"演示园区数据生成", "generation of the demo park's data"};
                case "review" -> new String[] {"数据审核", "data review"};
                case "retraction" -> new String[] {"撤回", "retraction"};
                case "correction" -> new String[] {"SensorThings API 修改(时间或结果)", "change of time or result through the SensorThings API"};
                default -> new String[] {source, source};
            };
            text(activity, names[0], names[1]);
        }

        private void value(Resource entity, double value, Observation o) {
            entity.addLiteral(provValue, model.createTypedLiteral(value, XSDDatatype.XSDdouble))
                    .addProperty(def(root, "unit"), o.parameter().unit());
        }

        private Literal dateTime(Instant instant) {
            return model.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
        }

        private void text(Resource resource, String zh, String en) {
            resource.addProperty(label, zh, "zh").addProperty(label, en, "en");
        }
    }
}
