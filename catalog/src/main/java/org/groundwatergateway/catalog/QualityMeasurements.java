package org.groundwatergateway.catalog;

import static org.groundwatergateway.catalog.LinkedVocabulary.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.groundwatergateway.catalog.CatalogFacts.Member;
import org.groundwatergateway.core.quality.DataQuality;
import org.groundwatergateway.core.reading.QualityFlag;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.sharing.Datasets;

/**
 * DQV quality measurements of the datasets that hold readings, from the platform's own statistics ({@link DataQuality},
 * what {@code GET /api/v1/data-quality} and the O&M report count): completeness (readings stored of those the loggers'
 * intervals asked for) and the QA/QC flag rate (stored readings flagged for review), over a stated period up to the
 * time of description. Only for viewers shown the readings as they are, as the data-quality API is: counts of the last
 * hours would otherwise tell a delayed audience what its delay hides.
 */
public final class QualityMeasurements implements DatasetAnnotations {

    /** The metrics, each with its definition (resolvable at {@code /catalog/id/metrics/{name}}). */
    public enum Metric {
        COMPLETENESS("completeness", "完整率", "Completeness",
                "时段内存储的监测值占各数据采集仪按上报间隔应上报监测值的比例(0–1;实验室数据不计)。",
                "Readings stored in the period over those the data loggers' reporting intervals asked for (0-1; laboratory series not counted).",
                LDQD + "completeness"),
        FLAG_RATE("flag-rate", "质控标记率", "QA/QC flag rate",
                "时段内存储的监测值中被质控规则标记为需复核的比例(0–1)。",
                "Of the readings stored in the period, the share QA/QC flagged for review (0-1).",
                LDQD + "semanticAccuracy");

        private final String name;
        private final String labelZh;
        private final String labelEn;
        private final String definitionZh;
        private final String definitionEn;
        private final String dimension;

        Metric(String name, String labelZh, String labelEn, String definitionZh, String definitionEn, String dimension) {
            this.name = name;
            this.labelZh = labelZh;
            this.labelEn = labelEn;
            this.definitionZh = definitionZh;
            this.definitionEn = definitionEn;
            this.dimension = dimension;
        }

        public static Optional<Metric> ofName(String name) {
            return Arrays.stream(values()).filter(m -> m.name.equals(name)).findFirst();
        }

        /** The metric's definition in the model. */
        Resource describe(Model model, String root) {
            return model.createResource(LinkedUris.METRICS.of(root, name), LinkedVocabulary.DqvMetric)
                    .addProperty(Vocabulary.prefLabel, labelZh, "zh").addProperty(Vocabulary.prefLabel, labelEn, "en")
                    .addProperty(definition, definitionZh, "zh").addProperty(definition, definitionEn, "en")
                    .addProperty(expectedDataType, model.createResource(XSDDatatype.XSDdouble.getURI()))
                    .addProperty(inDimension, model.createResource(dimension, Dimension));
        }
    }

    /** The datasets holding readings, by id, and which of the period's datastreams each (or a member of it) covers. */
    private static final Map<String, BiPredicate<DataQuality.Stream, Member>> COVERED = Map.of(
            "latest_readings", (stream, member) -> stream.well() != null,
            "datastreams_by_well", (stream, member) -> stream.well() != null && (member == null || member.code().equals(stream.well())),
            "datastreams_by_parameter", (stream, member) -> member == null || member.code().equals(stream.parameter()));

    /** The platform's counts of a period's readings: {@link DataQuality#of}. */
    @FunctionalInterface
    public interface ReadingCounts {
        DataQuality.Period of(Instant from, Instant to);
    }

    private final ReadingCounts quality;
    private final AccessPolicy policy;
    private final Clock clock;
    private final Duration period;

    /** @param period how far back from the time of description the measurements count */
    public QualityMeasurements(ReadingCounts quality, AccessPolicy policy, Clock clock, Duration period) {
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("the quality period must be positive");
        this.quality = quality;
        this.policy = policy;
        this.clock = clock;
        this.period = period;
    }

    @Override
    public Object cacheKey(Viewer viewer) {
        return policy.disclose(viewer, Datasets.READINGS);
    }

    @Override
    public Annotator start(Viewer viewer, String root, Resource catalog) {
        Disclosure readings = policy.disclose(viewer, Datasets.READINGS);
        if (!readings.visible() || readings.masks()) return (dataset, published, member) -> {};
        Instant to = clock.instant();
        Instant from = to.minus(period);
        // Counted once per description, and only once a dataset with readings is described.
        Supplier<DataQuality.Period> counts = new Supplier<>() {
            private DataQuality.Period counted;

            @Override
            public DataQuality.Period get() {
                if (counted == null) counted = quality.of(from, to);
                return counted;
            }
        };
        return (dataset, published, member) -> {
            BiPredicate<DataQuality.Stream, Member> covers = COVERED.get(published.id());
            if (covers == null) return;
            List<DataQuality.Stream> streams = counts.get().datastreams().stream().filter(s -> covers.test(s, member)).toList();
            DataQuality.Period covered = new DataQuality.Period(from, to, streams);
            long received = covered.received();
            measure(dataset, root, Metric.COMPLETENESS, covered.completeness(), from, to);
            measure(dataset, root, Metric.FLAG_RATE, received == 0 ? null : (double) covered.flagged(QualityFlag.NEEDS_REVIEW) / received, from, to);
        };
    }

    private static void measure(Resource dataset, String root, Metric metric, Double value, Instant from, Instant to) {
        if (value == null) return;
        Model model = dataset.getModel();
        model.setNsPrefix("dqv", DQV).setNsPrefix("prov", PROV);
        Resource period = model.createResource(Vocabulary.PeriodOfTime)
                .addLiteral(Vocabulary.startDate, model.createTypedLiteral(from.toString(), XSDDatatype.XSDdateTime))
                .addLiteral(Vocabulary.endDate, model.createTypedLiteral(to.toString(), XSDDatatype.XSDdateTime));
        Resource measurement = model.createResource(dataset.getURI() + "/quality/" + metric.name, QualityMeasurement)
                .addProperty(isMeasurementOf, metric.describe(model, root)).addProperty(computedOn, dataset)
                .addLiteral(LinkedVocabulary.dqvValue, model.createTypedLiteral(value, XSDDatatype.XSDdouble))
                .addLiteral(generatedAtTime, model.createTypedLiteral(to.toString(), XSDDatatype.XSDdateTime))
                .addProperty(DCTerms.temporal, period);
        dataset.addProperty(hasQualityMeasurement, measurement);
    }
}
