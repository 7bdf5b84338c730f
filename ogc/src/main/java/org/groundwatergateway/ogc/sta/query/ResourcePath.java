package org.groundwatergateway.ogc.sta.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.sta.model.EntityType;
import org.groundwatergateway.ogc.sta.model.NavigationProperty;

/**
 * The resource path of OGC 18-088 §9.2: an entity set, optionally one entity of it, then navigation properties
 * ({@code /Observations(5)/Datastream/Thing}), and at the end a property ({@code /Things(1)/name}), its raw
 * {@code $value}, or {@code $ref} for the links of a relation instead of the entities.
 *
 * @param property a property of the addressed entity, or null
 */
public record ResourcePath(List<Segment> segments, String property, boolean value, boolean ref) {

    /**
     * One step: the entity set (navigation null) or a navigation property, and the entity's id where one is named.
     *
     * @param toMany whether this step addresses a collection (before any id is applied)
     */
    public record Segment(EntityType type, String navigation, Long id, boolean toMany) {
        public boolean collection() {
            return toMany && id == null;
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\(([^)]*)\\))?");

    public ResourcePath {
        segments = List.copyOf(segments);
    }

    public Segment last() {
        return segments.get(segments.size() - 1);
    }

    public EntityType type() {
        return last().type();
    }

    /** Whether the path addresses a collection of entities rather than one entity or a property. */
    public boolean collection() {
        return property == null && last().collection();
    }

    /** Parses a path after the service root, such as {@code /Datastreams(1)/Observations}; an empty path is the root. */
    public static ResourcePath parse(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        if (trimmed.isEmpty()) return null;
        String[] parts = trimmed.split("/");
        List<Segment> segments = new ArrayList<>();
        String property = null;
        boolean value = false;
        boolean ref = false;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i > 0 && part.equals("$value") && property != null && i == parts.length - 1) {
                value = true;
                continue;
            }
            if (i > 0 && part.equals("$ref") && property == null && i == parts.length - 1) {
                ref = true;
                continue;
            }
            if (property != null) throw new StaNotFoundException(new InvalidInput("ogc.sta.afterProperty", null, part, property));
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) throw new StaNotFoundException(new InvalidInput("ogc.sta.noSuchResource", null, part));
            Long id = m.group(2) == null ? null : id(part, m.group(2));
            if (i == 0) {
                EntityType type = EntityType.bySetName(m.group(1))
                        .orElseThrow(() -> new StaNotFoundException(new InvalidInput("ogc.sta.noEntitySet", null, m.group(1))));
                segments.add(new Segment(type, null, id, true));
                continue;
            }
            Segment previous = segments.get(segments.size() - 1);
            NavigationProperty navigation = previous.type().navigationProperty(m.group(1)).orElse(null);
            if (previous.collection()) {
                throw new StaNotFoundException(new InvalidInput("ogc.sta.afterCollection", null, part, previous.type().setName()));
            }
            if (navigation == null) {
                if (id != null) throw new StaNotFoundException(new InvalidInput("ogc.sta.noNavigation", null, previous.type().entityName(), m.group(1)));
                property = m.group(1);
                continue;
            }
            if (id != null && !navigation.toMany()) throw new StaNotFoundException(new InvalidInput("ogc.sta.singleEntity", null, navigation.name()));
            segments.add(new Segment(navigation.target(), navigation.name(), id, navigation.toMany()));
        }
        return new ResourcePath(segments, property, value, ref);
    }

    private static long id(String part, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new StaNotFoundException(new InvalidInput("ogc.sta.integerIds", null, part));
        }
    }
}
