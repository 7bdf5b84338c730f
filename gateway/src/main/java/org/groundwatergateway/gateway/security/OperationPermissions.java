package org.groundwatergateway.gateway.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.web.LocalizedProblems;
import org.groundwatergateway.policies.Role;
import org.groundwatergateway.policies.Viewer;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The permission matrix (role × operation), read from {@code security/operations.csv} and applied to every request
 * before it reaches a controller, so nothing of a refused request is read or parsed. An operation with no row is
 * refused to everyone: a new endpoint without a rule fails closed (and fails the matrix test). docs/security.md
 * shows the same matrix as a table.
 */
public final class OperationPermissions implements AuthorizationManager<RequestAuthorizationContext> {

    /** Who may call an operation: anyone, anyone signed in, or holders of any of these roles. */
    public record Rule(String method, PathPattern path, boolean anyone, boolean authenticated, Set<Role> roles) {

        public boolean allows(Viewer viewer, boolean signedIn) {
            if (anyone) return true;
            if (!signedIn) return false;
            return authenticated || viewer.roles().stream().anyMatch(roles::contains);
        }

        public String who() {
            return anyone ? "anyone" : authenticated ? "authenticated" : String.join(" ", roles.stream().map(Role::name).sorted().toList());
        }
    }

    private static final Comparator<Rule> MOST_SPECIFIC_FIRST = (a, b) -> PathPattern.SPECIFICITY_COMPARATOR.compare(a.path(), b.path());
    /** The rules of each method, so a request is matched against its own method's paths only. */
    private final Map<String, List<Rule>> byMethod;

    public OperationPermissions(List<Rule> rules) {
        this.byMethod = rules.stream().collect(Collectors.groupingBy(Rule::method));
    }

    public static OperationPermissions fromClasspath() {
        try (InputStream in = OperationPermissions.class.getResourceAsStream("/security/operations.csv")) {
            if (in == null) throw new IllegalStateException("security/operations.csv is missing: no request would be allowed");
            return new OperationPermissions(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines {@code METHOD,path pattern,who}; {@code #} starts a comment. Any malformed line stops the start. */
    static List<Rule> parse(List<String> lines) {
        List<Rule> rules = new ArrayList<>();
        PathPatternParser parser = PathPatternParser.defaultInstance;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split(",", -1);
            if (cells.length != 3) throw new IllegalStateException("operations.csv line " + (i + 1) + ": expected METHOD,path,who");
            String method = cells[0].strip().toUpperCase(Locale.ROOT);
            String who = cells[2].strip();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            boolean anyone = who.equals("anyone");
            boolean authenticated = who.equals("authenticated");
            if (!anyone && !authenticated) {
                for (String role : who.split("\\s+")) {
                    try {
                        roles.add(Role.valueOf(role));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("operations.csv line " + (i + 1) + ": no role '" + role + "'");
                    }
                }
            }
            rules.add(new Rule(method, parser.parse(cells[1].strip()), anyone, authenticated, roles));
        }
        return rules;
    }

    /**
     * The rule that decides this request: the most specific path of its method; empty if none. A trailing slash is the
     * same path to the services (SensorThings reads {@code /Observations(5)/} as {@code /Observations(5)}), so it is
     * to the matrix too: else {@code /sta/v1.1/Observations(5)/} would escape the rule for Observations to a broader one.
     */
    public Optional<Rule> rule(String method, String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
        PathContainer container = PathContainer.parsePath(trimmed);
        return byMethod.getOrDefault(method, List.of()).stream().filter(r -> r.path().matches(container)).min(MOST_SPECIFIC_FIRST);
    }

    /**
     * A 403 that says which roles the operation needs, as problem details in the caller's language (written here: no
     * controller, so no {@link LocalizedProblems}, sees it).
     */
    public AccessDeniedHandler deniedHandler() {
        return (request, response, denied) -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            LocalizedProblems.write(request, response, 403, refusalOf(request.getMethod(), path));
        };
    }

    /**
     * Why a signed-in viewer may not make this request, or empty where the matrix lets them: for requests made inside
     * another, as in a SensorThings {@code $batch}, which the filter sees as the one POST around them.
     */
    public Optional<InvalidInput> refusal(Viewer viewer, String method, String path) {
        boolean allowed = rule(method, path).map(r -> r.allows(viewer, !viewer.isAnonymous())).orElse(false);
        return allowed ? Optional.empty() : Optional.of(refusalOf(method, path));
    }

    private InvalidInput refusalOf(String method, String path) {
        String operation = method + " " + path.replace("\\", "").replace("\"", "");
        return rule(method, path).map(r -> new InvalidInput("gateway.forbidden.needs", null, operation, r.who()))
                .orElseGet(() -> new InvalidInput("gateway.forbidden.noRule", null, operation));
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        var request = context.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
        Authentication who = authentication.get();
        boolean signedIn = who != null && who.isAuthenticated() && !(who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
        return new AuthorizationDecision(rule(method, path).map(r -> r.allows(Viewers.of(who), signedIn)).orElse(false));
    }
}
