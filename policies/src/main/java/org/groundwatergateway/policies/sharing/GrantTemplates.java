package org.groundwatergateway.policies.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.policies.OrganisationKind;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The grant templates, read from YAML ({@code sharing/grant-templates.yaml} ships the platform's). Their rules are read
 * as a policy document's are; a template may not name every dataset ({@code *}), the sharing policies themselves, or
 * deny (a grant only shows), and a template that does is refused with its field, as a policy document would be.
 */
public final class GrantTemplates {

    private final List<GrantTemplate> templates;

    public GrantTemplates(List<GrantTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    /** The templates the platform ships. */
    public static GrantTemplates shipped() {
        try (InputStream in = GrantTemplates.class.getResourceAsStream("/sharing/grant-templates.yaml")) {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static GrantTemplates read(String yaml) {
        Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        List<GrantTemplate> templates = new ArrayList<>();
        List<Object> raw = (List<Object>) root.get("templates");
        for (int i = 0; i < raw.size(); i++) templates.add(template((Map<String, Object>) raw.get(i), "/templates/" + i));
        return new GrantTemplates(templates);
    }

    @SuppressWarnings("unchecked")
    private static GrantTemplate template(Map<String, Object> t, String path) {
        List<Rule> rules = new ArrayList<>();
        List<Object> raw = (List<Object>) t.get("rules");
        for (int i = 0; i < raw.size(); i++) {
            Rule rule = PolicyFormat.readUnaddressedRule(raw.get(i), path + "/rules/" + i);
            for (String dataset : rule.datasets()) {
                if (dataset.equals(Rule.EVERY_DATASET) || Datasets.find(dataset).orElseThrow().kind() == Datasets.Kind.ADMINISTRATION) {
                    throw new InvalidPolicy(List.of(new InvalidInput("policies.template.datasets", path + "/rules/" + i + "/datasets")));
                }
            }
            if (rule.denies()) throw new InvalidPolicy(List.of(new InvalidInput("policies.template.denies", path + "/rules/" + i + "/effects")));
            rules.add(rule);
        }
        Set<OrganisationKind> kinds = EnumSet.noneOf(OrganisationKind.class);
        ((List<String>) t.get("for")).forEach(k -> kinds.add(OrganisationKind.valueOf(k)));
        Duration longest = t.containsKey("longestHours") ? Duration.ofHours(((Number) t.get("longestHours")).longValue())
                : Duration.ofDays(((Number) t.get("longestDays")).longValue());
        return new GrantTemplate((String) t.get("id"), (String) t.get("name"), (String) t.get("nameZh"), (String) t.get("description"),
                kinds, longest, rules);
    }

    public List<GrantTemplate> all() {
        return templates;
    }

    public Optional<GrantTemplate> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
