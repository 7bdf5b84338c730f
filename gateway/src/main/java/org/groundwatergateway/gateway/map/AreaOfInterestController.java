package org.groundwatergateway.gateway.map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.map.AreaOfInterest;
import org.groundwatergateway.core.map.AreasOfInterest;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.gateway.security.Viewers;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.groundwatergateway.policies.Viewer;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's areas of interest on the map: theirs alone, kept on the server (issue #17). */
@RestController
@RequestMapping("/api/v1/areas-of-interest")
@Tag(name = "Map", description = "地图关注区 / the map's areas of interest")
public class AreaOfInterestController {

    /** An area as sent: its name and a GeoJSON Polygon in longitude/latitude. */
    public record AreaRequest(String name, Object geometry) {}

    /** An area as shown: the geometry is a GeoJSON Polygon in CGCS2000 longitude/latitude. */
    public record AreaView(long id, String name, Map<String, Object> geometry, Instant savedAt) {
        static AreaView of(AreaOfInterest a) {
            return new AreaView(a.id(), a.name(), GeoJson.geometry(a.area()), a.savedAt());
        }
    }

    private final AreasOfInterest areas;

    public AreaOfInterestController(AreasOfInterest areas) {
        this.areas = areas;
    }

    @GetMapping
    @Operation(summary = "My areas of interest, by name")
    public List<AreaView> mine() {
        return areas.of(owner()).stream().map(AreaView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Keep an area of interest under a name (an area of mine under the same name is replaced)")
    public AreaView keep(@RequestBody AreaRequest request) {
        return AreaView.of(areas.keep(owner(), request.name(), request.geometry()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of my areas of interest")
    public void delete(@PathVariable long id) {
        if (!areas.delete(owner(), id)) throw new NotFoundException(new InvalidInput("gateway.notFound.areaOfInterest", "id", id));
    }

    /**
     * The signed-in person or client, by organisation and name. A caller the platform cannot place (its token names no
     * organisation, so it reads as the public) has no areas: refused, never pooled with others under one owner.
     */
    private static AreaOfInterest.Owner owner() {
        Viewer viewer = Viewers.current();
        if (viewer.isAnonymous() || viewer.organisation() == null) throw new DisclosedRecords.NotDisclosed("areas_of_interest");
        return new AreaOfInterest.Owner(viewer.organisation(), viewer.name());
    }
}
