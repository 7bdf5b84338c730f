package org.groundwatergateway.policies.sharing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.problem.JsonSlips;
import org.groundwatergateway.policies.Disclosure.Area;
import org.groundwatergateway.policies.Disclosure.BucketScheme;
import org.groundwatergateway.policies.Disclosure.TimeAggregation;
import org.groundwatergateway.policies.OrganisationKind;
import org.groundwatergateway.policies.Role;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Policy documents as JSON or YAML (the same structure; YAML is read with SnakeYAML's safe constructor, so it builds
 * only maps, lists and scalars). Reading validates the whole document and refuses it with every problem found, each
 * with its field as a JSON pointer and the reason, so an administrator fixes a document in one round. Writing gives
 * back the structure reading accepts.
 *
 * <pre>
 * name: shipped default
 * description: why this version exists
 * rules:
 *   - id: public-wells
 *     audiences: [{kind: PUBLIC}]            # or "everyone", {role: REGULATOR}, {organisation: E01}
 *     datasets: [wells, Locations]            # names of Datasets, or "*"
 *     effects:
 *       - {type: coarsenLocation, metres: 500}
 * </pre>
 */
public final class PolicyFormat {

    public enum Syntax { JSON, YAML }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** An attribute, or a nested SensorThings property as its path ({@code parameters/rawValue}). */
    private static final Pattern ATTRIBUTE = Pattern.compile("(?=.{1,64}$)[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int MAX_RULES = 1000;
    /** The coarsest grid that still says where in a park something is; coarser is hiding, which deny does honestly. */
    private static final double MAX_PRECISION_METRES = 100_000;
    private static final long MAX_DELAY_HOURS = 24L * 366;

    private PolicyFormat() {}

    /** Reads and validates a document; {@link InvalidPolicy} lists every problem. */
    public static PolicyDocument read(String text, Syntax syntax) {
        Object tree;
        try {
            tree = syntax == Syntax.JSON ? JSON.readValue(text, Object.class) : yaml().load(text);
        } catch (JacksonException e) {
            var at = e.getLocation();
            throw unreadable(syntax, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(), e.getOriginalMessage());
        } catch (MarkedYAMLException e) {
            Mark at = e.getProblemMark();
            throw unreadable(syntax, at == null ? -1 : at.getLine() + 1, at == null ? -1 : at.getColumn() + 1, e.getProblem());
        } catch (YAMLException e) {
            throw unreadable(syntax, -1, -1, e.getMessage());
        }
        Reader reader = new Reader();
        PolicyDocument document = reader.document(tree);
        if (!reader.problems.isEmpty()) throw new InvalidPolicy(reader.problems);
        return document;
    }

    public static String write(PolicyDocument document, Syntax syntax) {
        Map<String, Object> tree = tree(document);
        return syntax == Syntax.JSON ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) : yaml().dump(tree);
    }

    private static Yaml yaml() {
        DumperOptions dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setWidth(120);
        LoaderOptions load = new LoaderOptions();
        load.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(load), new Representer(dump), dump, load);
    }

    /**
     * A document the parser cannot read, placed by line and column (1-based) where the parser knows them, in the
     * caller's language: the usual slips (a tab, a missing colon or space, uneven indentation, a bracket or quote left
     * open, a key given twice, a stray character) told in their own words; anything else with the parser's own (English)
     * words in brackets as the technical detail.
     */
    private static InvalidPolicy unreadable(Syntax syntax, int line, int column, String parserSays) {
        String detail = firstLine(parserSays);
        return new InvalidPolicy(List.of(line > 0 && column > 0 ? placed(syntax, line, column, detail) : new InvalidInput("policies.policy.syntax", "", syntax, detail)));
    }

    private static final Pattern DUPLICATE = Pattern.compile("(?:found duplicate key|Duplicate field) '?([^'\\s]+)'?");

    private static InvalidInput placed(Syntax syntax, int line, int column, String detail) {
        Matcher duplicate = DUPLICATE.matcher(detail);
        if (duplicate.find()) return new InvalidInput("policies.policy.syntaxDuplicateKey", "", syntax, line, column, duplicate.group(1));
        Optional<String> character = JsonSlips.strayCharacter(detail);
        if (character.isPresent()) return new InvalidInput("policies.policy.syntaxCharacter", "", syntax, line, column, character.get());
        Optional<String> word = JsonSlips.bareWord(detail);
        if (word.isPresent()) return new InvalidInput("policies.policy.syntaxBareWord", "", syntax, line, column, word.get());
        if (detail.contains("(TAB)") || detail.contains("Do not use \\t")) {
            return new InvalidInput("policies.policy.syntaxTab", "", syntax, line, column);
        }
        if (detail.contains("mapping values are not allowed")) return new InvalidInput("policies.policy.syntaxMappingValue", "", syntax, line, column);
        if (detail.contains("could not find expected ':'")) return new InvalidInput("policies.policy.syntaxColon", "", syntax, line, column);
        if (detail.contains("expected <block end>") || detail.contains("did not find expected")) {
            return new InvalidInput("policies.policy.syntaxIndentation", "", syntax, line, column);
        }
        if (detail.contains("end of stream") || detail.contains("<stream end>") || detail.contains("end-of-input")) {
            return new InvalidInput("policies.policy.syntaxEnd", "", syntax, line, column);
        }
        return new InvalidInput("policies.policy.syntaxAt", "", syntax, line, column, detail);
    }

    private static String firstLine(String message) {
        if (message == null) return "?";
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /**
     * A rule as grant templates write it: {@code id}, {@code datasets} and {@code effects}, validated as in a document,
     * without audiences (the grant names its organisation). {@link InvalidPolicy} lists every problem, with fields
     * under {@code path}.
     */
    static Rule readUnaddressedRule(Object tree, String path) {
        Reader reader = new Reader();
        Rule rule = reader.rule(tree, path, false);
        if (!reader.problems.isEmpty()) throw new InvalidPolicy(reader.problems);
        return rule;
    }

    /** A rule as a document writes it ({@code id}, {@code audiences}, {@code datasets}, {@code effects}), for answers that show rules. */
    public static Map<String, Object> describe(Rule rule) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", rule.id());
        if (!rule.audiences().isEmpty()) r.put("audiences", rule.audiences().stream().map(PolicyFormat::tree).toList());
        r.put("datasets", rule.datasets());
        r.put("effects", rule.effects().stream().map(PolicyFormat::tree).toList());
        return r;
    }

    private static Map<String, Object> tree(PolicyDocument document) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", document.name());
        if (document.description() != null) root.put("description", document.description());
        List<Object> rules = new ArrayList<>();
        for (Rule rule : document.rules()) rules.add(describe(rule));
        root.put("rules", rules);
        return root;
    }

    private static Object tree(Audience audience) {
        if (audience instanceof Audience.OfKind k) return Map.of("kind", k.kind().name());
        if (audience instanceof Audience.WithRole r) return Map.of("role", r.role().name());
        if (audience instanceof Audience.Organisation o) return Map.of("organisation", o.code());
        return "everyone";
    }

    private static Map<String, Object> tree(Effect effect) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", effect.type());
        if (effect instanceof Effect.Withhold w) {
            e.put("attributes", w.attributes());
        } else if (effect instanceof Effect.RestrictRows r) {
            e.put("attribute", r.attribute());
            e.put("values", r.values().stream().sorted().toList());
        } else if (effect instanceof Effect.OwnRows o) {
            e.put("attribute", o.attribute());
            e.put("mode", o.onlyOwn() ? "only" : "full");
        } else if (effect instanceof Effect.RestrictArea a) {
            e.put("bbox", List.of(a.area().west(), a.area().south(), a.area().east(), a.area().north()));
        } else if (effect instanceof Effect.CoarsenLocation c) {
            e.put("metres", c.metres());
        } else if (effect instanceof Effect.Bucket b) {
            e.put("attribute", b.attribute());
            e.put("scheme", b.scheme().name());
        } else if (effect instanceof Effect.Delay d) {
            e.put("hours", d.delay().toHours());
        } else if (effect instanceof Effect.AggregateTime t) {
            e.put("step", t.step().name());
        } else if (effect instanceof Effect.MinimumCount m) {
            e.put("enterprises", m.enterprises());
        }
        return e;
    }

    /** Walks the tree once, collecting every problem instead of stopping at the first. */
    private static final class Reader {
        final List<InvalidInput> problems = new ArrayList<>();

        PolicyDocument document(Object tree) {
            Map<String, Object> root = object(tree, "");
            if (root == null) return null;
            fields(root, "", List.of("name", "description", "rules"));
            String name = text(root, "", "name", true);
            String description = text(root, "", "description", false);
            List<Object> rawRules = list(root, "", "rules");
            List<Rule> rules = new ArrayList<>();
            if (rawRules != null && rawRules.size() > MAX_RULES) problem(new InvalidInput("policies.policy.maxRules", "/rules", MAX_RULES));
            Map<String, String> ids = new HashMap<>();
            for (int i = 0; rawRules != null && i < rawRules.size(); i++) {
                Rule rule = rule(rawRules.get(i), "/rules/" + i, true);
                if (rule == null) continue;
                String earlier = ids.putIfAbsent(rule.id(), "/rules/" + i + "/id");
                if (earlier != null) problem(new InvalidInput("policies.policy.duplicateId", "/rules/" + i + "/id", rule.id(), earlier));
                rules.add(rule);
            }
            return problems.isEmpty() ? new PolicyDocument(name, description, rules) : null;
        }

        Rule rule(Object raw, String path, boolean addressed) {
            Map<String, Object> r = object(raw, path);
            if (r == null) return null;
            fields(r, path, addressed ? List.of("id", "audiences", "datasets", "effects") : List.of("id", "datasets", "effects"));
            String id = text(r, path, "id", true);
            if (id != null && !ID.matcher(id).matches()) problem(new InvalidInput("policies.policy.id", path + "/id"));
            List<Audience> audiences = addressed ? each(r, path, "audiences", this::audience) : List.of();
            List<String> datasets = each(r, path, "datasets", this::dataset);
            List<Effect> effects = each(r, path, "effects", this::effect);
            if (effects != null && effects.stream().anyMatch(e -> e instanceof Effect.Deny) && effects.size() > 1) {
                problem(new InvalidInput("policies.policy.denyAlone", path + "/effects"));
            }
            if (id == null || audiences == null || datasets == null || effects == null) return null;
            return new Rule(id, audiences, datasets, effects);
        }

        Audience audience(Object raw, String path) {
            if ("everyone".equals(raw)) return new Audience.Everyone();
            if (!(raw instanceof Map)) {
                problem(new InvalidInput("policies.policy.audience", path));
                return null;
            }
            Map<String, Object> a = object(raw, path);
            fields(a, path, List.of("kind", "role", "organisation"));
            if (a.size() != 1) {
                problem(new InvalidInput("policies.policy.audienceOne", path));
                return null;
            }
            String key = a.keySet().iterator().next();
            String value = text(a, path, key, true);
            if (value == null) return null;
            return switch (key) {
                case "kind" -> constant(OrganisationKind.class, value, path + "/kind", Audience.OfKind::new);
                case "role" -> constant(Role.class, value, path + "/role", Audience.WithRole::new);
                case "organisation" -> {
                    if (ORGANISATION.matcher(value).matches()) yield new Audience.Organisation(value);
                    problem(new InvalidInput("policies.policy.organisation", path + "/organisation"));
                    yield null;
                }
                default -> null;
            };
        }

        String dataset(Object raw, String path) {
            if (!(raw instanceof String name)) {
                problem(new InvalidInput("policies.policy.datasetText", path));
                return null;
            }
            if (name.equals(Rule.EVERY_DATASET) || Datasets.find(name).isPresent()) return name;
            problem(new InvalidInput("policies.policy.unknownDataset", path, name, String.join(", ", Datasets.ALL.stream().map(Datasets.Dataset::name).toList())));
            return null;
        }

        Effect effect(Object raw, String path) {
            Map<String, Object> e = object(raw, path);
            if (e == null) return null;
            String type = text(e, path, "type", true);
            if (type == null) return null;
            return switch (type) {
                case "allow" -> only(e, path, new Effect.Allow());
                case "deny" -> only(e, path, new Effect.Deny());
                case "withhold" -> {
                    fields(e, path, List.of("type", "attributes"));
                    List<String> attributes = each(e, path, "attributes", this::attribute);
                    yield attributes == null ? null : new Effect.Withhold(attributes);
                }
                case "restrictRows" -> {
                    fields(e, path, List.of("type", "attribute", "values"));
                    String attribute = attribute(e.get("attribute"), path + "/attribute");
                    List<String> values = each(e, path, "values", this::value);
                    yield attribute == null || values == null ? null : new Effect.RestrictRows(attribute, new LinkedHashSet<>(values));
                }
                case "ownRows" -> {
                    fields(e, path, List.of("type", "attribute", "mode"));
                    String attribute = attribute(e.get("attribute"), path + "/attribute");
                    String mode = text(e, path, "mode", true);
                    if (mode != null && !mode.equals("only") && !mode.equals("full")) {
                        problem(new InvalidInput("policies.policy.ownRowsMode", path + "/mode"));
                        mode = null;
                    }
                    yield attribute == null || mode == null ? null : new Effect.OwnRows(attribute, mode.equals("only"));
                }
                case "restrictArea" -> {
                    fields(e, path, List.of("type", "bbox"));
                    yield area(e.get("bbox"), path + "/bbox");
                }
                case "coarsenLocation" -> {
                    fields(e, path, List.of("type", "metres"));
                    Double metres = number(e, path, "metres", 1, MAX_PRECISION_METRES);
                    yield metres == null ? null : new Effect.CoarsenLocation(metres);
                }
                case "bucket" -> {
                    fields(e, path, List.of("type", "attribute", "scheme"));
                    String attribute = attribute(e.get("attribute"), path + "/attribute");
                    String scheme = text(e, path, "scheme", true);
                    BucketScheme bucket = scheme == null ? null : constant(BucketScheme.class, scheme, path + "/scheme", s -> s);
                    yield attribute == null || bucket == null ? null : new Effect.Bucket(attribute, bucket);
                }
                case "delay" -> {
                    fields(e, path, List.of("type", "hours"));
                    Double hours = number(e, path, "hours", 1, MAX_DELAY_HOURS);
                    if (hours != null && hours != Math.rint(hours)) {
                        problem(new InvalidInput("policies.policy.wholeHours", path + "/hours"));
                        hours = null;
                    }
                    yield hours == null ? null : new Effect.Delay(Duration.ofHours(hours.longValue()));
                }
                case "aggregateTime" -> {
                    fields(e, path, List.of("type", "step"));
                    String step = text(e, path, "step", true);
                    TimeAggregation aggregation = step == null ? null : constant(TimeAggregation.class, step, path + "/step", s -> s);
                    if (aggregation == TimeAggregation.NONE) {
                        problem(new InvalidInput("policies.policy.aggregateNone", path + "/step"));
                        aggregation = null;
                    }
                    yield aggregation == null ? null : new Effect.AggregateTime(aggregation);
                }
                case "minimumCount" -> {
                    fields(e, path, List.of("type", "enterprises"));
                    Double k = number(e, path, "enterprises", 2, 1000);
                    if (k != null && k != Math.rint(k)) {
                        problem(new InvalidInput("policies.policy.wholeNumber", path + "/enterprises"));
                        k = null;
                    }
                    yield k == null ? null : new Effect.MinimumCount(k.intValue());
                }
                default -> {
                    problem(new InvalidInput("policies.policy.unknownEffect", path + "/type", type,
                            "allow, deny, withhold, restrictRows, ownRows, restrictArea, coarsenLocation, bucket, delay, aggregateTime, minimumCount"));
                    yield null;
                }
            };
        }

        /** An effect without parameters. */
        Effect only(Map<String, Object> e, String path, Effect effect) {
            int before = problems.size();
            fields(e, path, List.of("type"));
            return problems.size() == before ? effect : null;
        }

        Effect.RestrictArea area(Object raw, String path) {
            if (!(raw instanceof List<?> box) || box.size() != 4 || !box.stream().allMatch(v -> v instanceof Number)) {
                problem(new InvalidInput("policies.policy.bbox", path));
                return null;
            }
            double[] v = box.stream().mapToDouble(n -> ((Number) n).doubleValue()).toArray();
            try {
                return new Effect.RestrictArea(new Area(v[0], v[1], v[2], v[3]));
            } catch (InvalidInput bad) {
                problem(bad.at(path));
                return null;
            }
        }

        String attribute(Object raw, String path) {
            if (raw == null) {
                problem(new InvalidInput("policies.policy.required", path));
                return null;
            }
            if (raw instanceof String name && ATTRIBUTE.matcher(name).matches()) return name;
            problem(new InvalidInput("policies.policy.attribute", path));
            return null;
        }

        String value(Object raw, String path) {
            if (raw instanceof String value) return value;
            problem(new InvalidInput("policies.policy.value", path));
            return null;
        }

        <E extends Enum<E>, T> T constant(Class<E> type, String value, String path, Function<E, T> make) {
            for (E constant : type.getEnumConstants()) if (constant.name().equals(value)) return make.apply(constant);
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) names.add(constant.name());
            problem(new InvalidInput("policies.policy.unknownConstant", path, value, String.join(", ", names)));
            return null;
        }

        /** A required, non-empty list, each element read by {@code item}; null if it or any element is wrong. */
        <T> List<T> each(Map<String, Object> parent, String path, String field, ItemReader<T> item) {
            List<Object> raw = list(parent, path, field);
            if (raw == null) return null;
            List<T> items = new ArrayList<>();
            boolean failed = false;
            for (int i = 0; i < raw.size(); i++) {
                T read = item.read(raw.get(i), path + "/" + field + "/" + i);
                if (read == null) failed = true;
                else items.add(read);
            }
            return failed ? null : items;
        }

        List<Object> list(Map<String, Object> parent, String path, String field) {
            Object raw = parent.get(field);
            if (raw == null) {
                problem(new InvalidInput("policies.policy.required", path + "/" + field));
                return null;
            }
            if (!(raw instanceof List<?> list) || list.isEmpty()) {
                problem(new InvalidInput("policies.policy.list", path + "/" + field));
                return null;
            }
            return new ArrayList<>(list);
        }

        String text(Map<String, Object> parent, String path, String field, boolean required) {
            Object raw = parent.get(field);
            if (raw == null) {
                if (required) problem(new InvalidInput("policies.policy.required", path + "/" + field));
                return null;
            }
            if (!(raw instanceof String value) || value.isBlank() || value.length() > 2000) {
                problem(new InvalidInput("policies.policy.text", path + "/" + field));
                return null;
            }
            return value;
        }

        Double number(Map<String, Object> parent, String path, String field, double min, double max) {
            Object raw = parent.get(field);
            if (!(raw instanceof Number n) || !(n.doubleValue() >= min && n.doubleValue() <= max)) {
                problem(raw == null ? new InvalidInput("policies.policy.numberRequired", path + "/" + field, format(min), format(max))
                        : new InvalidInput("policies.policy.number", path + "/" + field, format(min), format(max)));
                return null;
            }
            return n.doubleValue();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(Object raw, String path) {
            if (raw instanceof Map<?, ?> map && map.keySet().stream().allMatch(k -> k instanceof String)) return (Map<String, Object>) map;
            problem(new InvalidInput("policies.policy.object", path));
            return null;
        }

        /** Unknown fields are refused: a misspelt effect parameter would otherwise be ignored and disclose more. */
        void fields(Map<String, Object> object, String path, List<String> known) {
            for (String field : object.keySet()) {
                if (!known.contains(field)) problem(new InvalidInput("policies.policy.unknownField", path + "/" + field, String.join(", ", known)));
            }
        }

        void problem(InvalidInput problem) {
            problems.add(problem);
        }

        private static String format(double value) {
            return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
        }
    }

    @FunctionalInterface
    private interface ItemReader<T> {
        T read(Object raw, String path);
    }
}
