package org.groundwatergateway.gateway.sharing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.sharing.Datasets;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The REST resources the sharing policy shows whole or not at all: parks, parameters, devices, the on-call roster,
 * incidents, drills and the catalog have no masks a door could apply to them (no coarse place, no class, no delay), so a read is
 * answered only where the policy shows the dataset unmasked, and as not found (404) otherwise. The permission matrix
 * says who may call each; this says what the policy lets them see, in one table beside the doors that mask.
 */
public final class WholeDatasets implements HandlerInterceptor {

    private record Resource(PathPattern path, String dataset) {}

    private static final List<Resource> RESOURCES = resources(
            "/api/v1/parks/**", "parks",
            "/api/v1/parameters/**", "parameters",
            "/api/v1/devices/**", "devices",
            "/api/v1/sensors/*/maintenance", "devices",
            "/api/v1/on-call/**", "on_call_contacts",
            "/api/v1/incidents/**", "incidents",
            "/api/v1/plans", "incidents",
            "/api/v1/cameras", "incidents",
            "/api/v1/drills/**", "drills",
            // What partners share with us, mirrored: shown as they shared it, or not at all.
            "/api/v1/federation/foreign-datastreams/**", Datasets.FOREIGN_OBSERVATIONS,
            // The catalog lists each dataset as its own disclosure allows; the catalog as such is shown or not.
            "/catalog/**", "catalog");

    private final DisclosedRecords disclosed;

    public WholeDatasets(DisclosedRecords disclosed) {
        this.disclosed = disclosed;
    }

    /** The paths this gate stands before, for registering it. */
    public static List<String> paths() {
        return RESOURCES.stream().map(r -> r.path().getPatternString()).toList();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod())) return true;
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (Resource resource : RESOURCES) {
            if (resource.path().matches(path)) {
                disclosed.requireUnmasked(Viewers.current(), resource.dataset());
                return true;
            }
        }
        return true;
    }

    private static List<Resource> resources(String... pathsAndDatasets) {
        PathPatternParser parser = new PathPatternParser();
        List<Resource> resources = new java.util.ArrayList<>();
        for (int i = 0; i < pathsAndDatasets.length; i += 2) {
            resources.add(new Resource(parser.parse(pathsAndDatasets[i]), pathsAndDatasets[i + 1]));
        }
        return List.copyOf(resources);
    }
}
