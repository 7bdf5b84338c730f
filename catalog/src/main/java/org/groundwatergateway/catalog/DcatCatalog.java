package org.groundwatergateway.catalog;

import static org.groundwatergateway.catalog.Vocabulary.*;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.groundwatergateway.catalog.CatalogFacts.Member;
import org.groundwatergateway.catalog.CatalogFacts.ParkArea;
import org.groundwatergateway.catalog.CatalogFacts.Period;
import org.groundwatergateway.policies.AccessPolicy;
import org.groundwatergateway.policies.Disclosure;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.published.Door;
import org.groundwatergateway.policies.published.Grouping;
import org.groundwatergateway.policies.published.PublishedDataset;
import org.groundwatergateway.policies.published.PublishedDatasets;
import org.groundwatergateway.policies.sharing.Datasets;
import org.locationtech.jts.io.WKTWriter;

/**
 * The park's DCAT-AP 3 catalog as one viewer may see it: every published dataset of the registry whose governing policy
 * dataset the viewer sees, each with a distribution per door that can serve the viewer's disclosure, the data services
 * behind the doors, and the park boundary as spatial coverage. A dataset the policy withholds is not named at all; no
 * description carries a well's place (datasets cover the park, not a well), and a delayed dataset's period ends where
 * the delay begins. URIs are built under the gateway's public root, so the catalog names the URLs its reader can reach.
 */
public final class DcatCatalog {

    /** Labels of the EU data themes the registry uses (SHACL asks every concept for a label). */
    private static final Map<String, String[]> THEME_LABELS = Map.of("ENVI", new String[] {"环境", "Environment"},
            "ECON", new String[] {"经济与金融", "Economy and finance"}, "HEAL", new String[] {"卫生", "Health"},
            "REGI", new String[] {"地区与城市", "Regions and cities"}, "TRAN", new String[] {"交通", "Transport"});

    private final PublishedDatasets registry;
    private final AccessPolicy policy;
    private final CatalogFacts facts;
    private final CatalogSettings settings;
    private final Clock clock;
    private final Duration cacheFor;
    private final List<DatasetAnnotations> annotations;
    /** Described catalogs by what they were described from, least recently used first. */
    private final Map<List<Object>, Described> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Described> eldest) {
            return size() > MAX_CACHED;
        }
    };

    /** The most catalogs kept: one per distinct audience (set of disclosures) and root, and there are few of those. */
    private static final int MAX_CACHED = 64;

    private record Described(Model model, Instant at) {}

    /** A catalog described afresh on every call. @param clock the time a disclosure's delay counts back from */
    public DcatCatalog(PublishedDatasets registry, AccessPolicy policy, CatalogFacts facts, CatalogSettings settings, Clock clock) {
        this(registry, policy, facts, settings, clock, Duration.ZERO);
    }

    /**
     * @param clock    the time a disclosure's delay counts back from, and the cache's age is counted on
     * @param cacheFor how long a described catalog is served again to callers the policy discloses exactly the same to
     *                 (zero: never): the policy is asked on every call, so a policy change shows at once, while what the
     *                 store holds (a new well, a later reading) shows after at most this long
     */
    public DcatCatalog(PublishedDatasets registry, AccessPolicy policy, CatalogFacts facts, CatalogSettings settings, Clock clock,
                       Duration cacheFor) {
        this(registry, policy, facts, settings, clock, cacheFor, List.of());
    }

    /** @param annotations what other parts of the catalog add to each dataset (links, quality measurements) */
    public DcatCatalog(PublishedDatasets registry, AccessPolicy policy, CatalogFacts facts, CatalogSettings settings, Clock clock,
                       Duration cacheFor, List<DatasetAnnotations> annotations) {
        if (cacheFor.isNegative()) throw new IllegalArgumentException("the catalog's cache time cannot be negative");
        this.registry = registry;
        this.policy = policy;
        this.facts = facts;
        this.settings = settings;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.annotations = List.copyOf(annotations);
    }

    /**
     * The catalog the viewer may see. The model may be shared with other callers: read it, never change it.
     *
     * @param root the gateway's public root URL, without a trailing slash
     */
    public Model describe(Viewer viewer, String root) {
        if (cacheFor.isZero()) return new Writer(viewer, root).write();
        // The key is everything the description depends on besides the store: the root and each disclosure it asks for,
        // so viewers of one audience under one policy version share it, and another version's answer is never served.
        List<Object> key = new ArrayList<>();
        key.add(root);
        for (PublishedDataset dataset : registry.all()) key.add(policy.disclose(viewer, dataset.governedBy()));
        key.add(policy.disclose(viewer, "Things"));
        key.add(policy.disclose(viewer, "ObservedProperties"));
        for (DatasetAnnotations annotation : annotations) key.add(annotation.cacheKey(viewer));
        Instant now = clock.instant();
        synchronized (cache) {
            Described described = cache.get(key);
            if (described != null && now.isBefore(described.at().plus(cacheFor))) return described.model();
        }
        Model model = new Writer(viewer, root).write();
        synchronized (cache) {
            cache.put(key, new Described(model, now));
        }
        return model;
    }

    /** One description in the making: the model and the resources it shares between datasets. */
    private final class Writer {
        private final Viewer viewer;
        private final String root;
        private final String base;
        private final Model model = ModelFactory.createDefaultModel();
        private final Map<String, Resource> services = new LinkedHashMap<>();
        /** Each dataset's period, read once however many members it is described for. */
        private final Map<String, Optional<Period>> periods = new HashMap<>();
        /** Each member's period, read once however many grouped datasets it is a member of. */
        private final Map<String, Optional<Period>> memberPeriods = new HashMap<>();
        private Resource catalog;
        private Resource publisher;
        private Resource contact;
        private Resource license;
        private List<Resource> spatial;
        private List<DatasetAnnotations.Annotator> annotators;

        Writer(Viewer viewer, String root) {
            this.viewer = viewer;
            this.root = root;
            this.base = root + "/catalog";
        }

        Model write() {
            model.setNsPrefix("dcat", DCAT).setNsPrefix("dct", DCT).setNsPrefix("foaf", FOAF).setNsPrefix("vcard", VCARD)
                    .setNsPrefix("locn", LOCN).setNsPrefix("gsp", GSP).setNsPrefix("skos", SKOS).setNsPrefix("xsd", XSD);
            catalog = model.createResource(base, Catalog);
            text(catalog, DCTerms.title, "化工园区地下水数据目录", "Groundwater data catalog of the chemical industrial park");
            text(catalog, DCTerms.description, "园区地下水监测井、监测数据、污染羽、风险分区和报告的开放目录,按访问者的共享策略列出。",
                    "Monitoring wells, readings, plumes, risk zones and reports the park publishes, as the sharing policy shows them to the reader.");
            publisher = publisher();
            contact = contact();
            license = model.createResource(settings.license(), LicenseDocument);
            spatial = facts.parks().stream().map(this::location).toList();
            catalog.addProperty(DCTerms.publisher, publisher).addProperty(contactPoint, contact).addProperty(DCTerms.license, license)
                    .addProperty(homepage, model.createResource(root + "/", Document))
                    .addProperty(DCTerms.language, model.createResource(EU_LANGUAGE + "ZHO", LinguisticSystem))
                    .addProperty(DCTerms.language, model.createResource(EU_LANGUAGE + "ENG", LinguisticSystem))
                    .addProperty(themeTaxonomy, themeScheme());
            spatial.forEach(location -> catalog.addProperty(DCTerms.spatial, location));
            annotators = annotations.stream().map(a -> a.start(viewer, root, catalog)).toList();
            for (PublishedDataset dataset : registry.all()) {
                Disclosure disclosure = Datasets.wholeOrNothing(dataset.governedBy(), policy.disclose(viewer, dataset.governedBy()));
                List<DoorService> doors = dataset.doors().stream().filter(door -> DoorRules.serves(door, disclosure)).map(DoorService::of).toList();
                if (!disclosure.visible() || doors.isEmpty()) continue;
                Optional<List<Member>> members = members(dataset);
                if (members.isPresent()) {
                    for (Member member : members.get()) dataset(dataset, disclosure, doors, member);
                } else {
                    dataset(dataset, disclosure, doors, null);
                }
            }
            services.values().forEach(service -> catalog.addProperty(Vocabulary.service, service));
            return model;
        }

        /**
         * The members a grouped dataset is described for, one dataset each; empty (described once, as a whole) when the
         * viewer may not see the members themselves unrestricted, or not their names: a member's dataset carries the
         * well's or parameter's code and names in its identifier, URI and title, which SensorThings shows as the Thing's
         * or ObservedProperty's {@code name} and {@code description}, so a disclosure that withholds either keeps them out
         * of the catalog too.
         */
        private Optional<List<Member>> members(PublishedDataset dataset) {
            if (dataset.groupedBy() == null) return Optional.empty();
            String memberSet = dataset.groupedBy() == Grouping.WELL ? "Things" : "ObservedProperties";
            Disclosure members = policy.disclose(viewer, memberSet);
            if (!DoorRules.serves(Door.SENSORTHINGS, members) || !members.restrictedTo().isEmpty()) return Optional.empty();
            if (!members.shows("name") || !members.shows("description")) return Optional.empty();
            return Optional.of(dataset.groupedBy() == Grouping.WELL ? facts.wellsWithDatastreams() : facts.parametersWithDatastreams());
        }

        private void dataset(PublishedDataset dataset, Disclosure disclosure, List<DoorService> doors, Member member) {
            String uri = base + "/datasets/" + dataset.id() + (member == null ? "" : "/" + URLEncoder.encode(member.code(), StandardCharsets.UTF_8));
            Resource resource = model.createResource(uri, Dataset).addProperty(DCTerms.identifier, member == null ? dataset.id() : dataset.id() + "/" + member.code());
            if (member == null) {
                text(resource, DCTerms.title, dataset.title().zh(), dataset.title().en());
            } else {
                text(resource, DCTerms.title, dataset.title().zh() + ":" + member.nameZh(), dataset.title().en() + ": " + member.nameEn());
            }
            text(resource, DCTerms.description, dataset.description().zh(), dataset.description().en());
            dataset.keywords().zh().forEach(k -> resource.addProperty(keyword, k, "zh"));
            dataset.keywords().en().forEach(k -> resource.addProperty(keyword, k, "en"));
            resource.addProperty(theme, theme(dataset.theme()))
                    .addProperty(DCTerms.accrualPeriodicity, model.createResource(EU_FREQUENCY + dataset.updateFrequency().euCode(), Frequency))
                    .addProperty(DCTerms.publisher, publisher).addProperty(contactPoint, contact);
            spatial.forEach(location -> resource.addProperty(DCTerms.spatial, location));
            period(dataset, disclosure, member).ifPresent(period -> resource.addProperty(DCTerms.temporal, period));
            for (DoorService door : doors) resource.addProperty(distribution, distribution(uri, dataset, door, member, resource));
            catalog.addProperty(Vocabulary.dataset, resource);
            annotators.forEach(annotator -> annotator.annotate(resource, dataset, member));
        }

        private Resource distribution(String datasetUri, PublishedDataset dataset, DoorService door, Member member, Resource datasetResource) {
            Resource service = services.computeIfAbsent(door.serviceId(), id -> service(door));
            service.addProperty(servesDataset, datasetResource);
            Resource distribution = model.createResource(datasetUri + "/distributions/" + door.door().name().toLowerCase(Locale.ROOT), Distribution)
                    .addProperty(accessURL, url(root + door.accessPath().apply(dataset.id(), member == null ? null : member.id())))
                    .addProperty(accessService, service)
                    .addProperty(mediaType, model.createResource(IANA_MEDIA_TYPES + door.mediaType(), MediaType))
                    .addProperty(DCTerms.license, license);
            text(distribution, DCTerms.title, dataset.title().zh() + "(" + door.label() + ")", dataset.title().en() + " (" + door.label() + ")");
            if (door.format() != null) distribution.addProperty(DCTerms.conformsTo, model.createResource(door.format(), Standard));
            return distribution;
        }

        private Resource service(DoorService door) {
            Resource service = model.createResource(base + "/services/" + door.serviceId(), DataService)
                    .addProperty(endpointURL, url(root + door.endpointPath()))
                    .addProperty(endpointDescription, url(root + door.descriptionPath()))
                    .addProperty(DCTerms.conformsTo, model.createResource(door.standard(), Standard))
                    .addProperty(DCTerms.publisher, publisher).addProperty(contactPoint, contact).addProperty(DCTerms.license, license);
            text(service, DCTerms.title, door.titleZh(), door.titleEn());
            return service;
        }

        /**
         * The period the dataset's items cover, or a member's share of them (that well's or parameter's datastreams), ending
         * no later than the viewer's delay lets it see.
         */
        private Optional<Resource> period(PublishedDataset dataset, Disclosure disclosure, Member member) {
            if (dataset.temporalProperty() == null) return Optional.empty();
            Optional<Period> covered = member == null ? periods.computeIfAbsent(dataset.id(), facts::period)
                    : memberPeriods.computeIfAbsent(dataset.groupedBy() + "/" + member.id(), key -> facts.period(dataset.groupedBy(), member));
            return covered.flatMap(period -> {
                Instant end = period.end();
                if (!disclosure.delay().isZero()) {
                    Instant cutoff = clock.instant().minus(disclosure.delay());
                    if (end.isAfter(cutoff)) end = cutoff;
                }
                if (end.isBefore(period.start())) return Optional.empty();
                return Optional.of(model.createResource(PeriodOfTime).addLiteral(startDate, dateTime(period.start())).addLiteral(endDate, dateTime(end)));
            });
        }

        private Resource publisher() {
            Resource agent = model.createResource(base + "#publisher", Agent).addProperty(RDF.type, Organization);
            return agent.addProperty(name, settings.publisherZh(), "zh").addProperty(name, settings.publisherEn(), "en");
        }

        private Resource contact() {
            return model.createResource(base + "#contact", Kind).addProperty(RDF.type, VcardOrganization)
                    .addProperty(fn, settings.publisherZh(), "zh").addProperty(fn, settings.publisherEn(), "en")
                    .addProperty(hasEmail, model.createResource("mailto:" + settings.contactEmail()));
        }

        /**
         * The park as a location: its boundary in GeoSPARQL WKT. Stored coordinates are CGCS2000 longitude/latitude, written
         * without a CRS, that is as CRS84: the two datums agree to centimetres, which a catalog's coverage does not need,
         * and CRS84 spares harvesters the latitude-first axis order of EPSG:4490.
         */
        private Resource location(ParkArea park) {
            String id = base + "#park-" + URLEncoder.encode(park.code(), StandardCharsets.UTF_8);
            WKTWriter wkt = new WKTWriter();
            Resource boundary = model.createResource(id + "-boundary", LocnGeometry).addProperty(RDF.type, GspGeometry)
                    .addLiteral(asWKT, model.createTypedLiteral(wkt.write(park.boundary()), WKT_LITERAL));
            Resource location = model.createResource(id, Location).addProperty(geometry, boundary)
                    .addLiteral(bbox, model.createTypedLiteral(wkt.write(park.boundary().getEnvelope()), WKT_LITERAL));
            location.addProperty(prefLabel, park.nameZh(), "zh");
            if (park.nameEn() != null) location.addProperty(prefLabel, park.nameEn(), "en");
            return location;
        }

        private Resource themeScheme() {
            Resource scheme = model.createResource(EU_THEME, ConceptScheme);
            text(scheme, DCTerms.title, "数据主题", "Data theme");
            return scheme;
        }

        private Resource theme(String code) {
            String[] labels = THEME_LABELS.getOrDefault(code, new String[] {code, code});
            Resource concept = model.createResource(EU_THEME + "/" + code, Concept).addProperty(inScheme, themeScheme());
            return concept.addProperty(prefLabel, labels[0], "zh").addProperty(prefLabel, labels[1], "en");
        }

        /**
         * A web address. Typed {@code rdfs:Resource} in so many words: DCAT-AP's range shapes ask for that class, and SHACL
         * infers no type, so a harvester validating without RDFS reasoning would otherwise refuse every URL.
         */
        private Resource url(String uri) {
            return model.createResource(uri, RDFS.Resource);
        }

        private Literal dateTime(Instant instant) {
            return model.createTypedLiteral(instant.toString(), XSDDatatype.XSDdateTime);
        }

        private void text(Resource resource, org.apache.jena.rdf.model.Property property, String zh, String en) {
            resource.addProperty(property, zh, "zh").addProperty(property, en, "en");
        }
    }
}
