package org.groundwatergateway.policies.published;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry of published datasets: every dataset declared once, in {@code published/datasets.json}, as pygeoapi
 * declares its resources in one configuration. The OGC services bind their SQL views to these ids and take their titles
 * and descriptions from here; the catalog describes exactly these.
 */
public final class PublishedDatasets {

    static final String RESOURCE = "/published/datasets.json";

    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final PublishedDatasets SHIPPED = read(RESOURCE);

    private final List<PublishedDataset> all;

    PublishedDatasets(List<PublishedDataset> all) {
        Set<String> ids = new HashSet<>();
        for (PublishedDataset dataset : all) {
            if (!ids.add(dataset.id())) throw new IllegalArgumentException("dataset declared twice: " + dataset.id());
        }
        this.all = List.copyOf(all);
    }

    /** The datasets the platform ships with; read once, as the classes that bind them are loaded. */
    public static PublishedDatasets shipped() {
        return SHIPPED;
    }

    static PublishedDatasets read(String resource) {
        try (InputStream in = PublishedDatasets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing " + resource);
            return new PublishedDatasets(List.of(JSON.readValue(in, PublishedDataset[].class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException(resource + " is not a valid dataset registry: " + e.getOriginalMessage(), e);
        }
    }

    /** Every published dataset, in the order declared. */
    public List<PublishedDataset> all() {
        return all;
    }

    public List<PublishedDataset> through(Door door) {
        return all.stream().filter(d -> d.publishedThrough(door)).toList();
    }

    public Optional<PublishedDataset> find(String id) {
        return all.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** A dataset a service binds by id; a missing one is a programming error, found at start-up. */
    public PublishedDataset require(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("no published dataset '" + id + "' in " + RESOURCE));
    }
}
