package org.groundwatergateway.gateway.park;

import org.groundwatergateway.core.problem.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.geo.GeoJson;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Park;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.gateway.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/parks")
@Tag(name = "Parks", description = "园区 / chemical industrial parks")
public class ParkController {

    private final ParkRepository parks;

    public ParkController(ParkRepository parks) {
        this.parks = parks;
    }

    /**
     * A park as the API shows it; the boundary is a GeoJSON geometry in CGCS2000 longitude/latitude, the aquifers its
     * layers from the top down (depths below ground, m), as the 3-D subsurface view draws them.
     */
    public record ParkView(String code, String nameZh, String nameEn, String divisionCode, String pollutionCategory,
                           Map<String, Object> boundary, List<AquiferView> aquifers) {}

    public record AquiferView(String code, String nameZh, String nameEn, String confinement, double topDepthM, double bottomDepthM) {
        static AquiferView of(AquiferLayer a) {
            return new AquiferView(a.code(), a.nameZh(), a.nameEn(), a.confinement().name(), a.topDepthM(), a.bottomDepthM());
        }
    }

    private ParkView view(Park p) {
        return new ParkView(p.code(), p.nameZh(), p.nameEn(), p.divisionCode(), p.pollutionCategory(), GeoJson.geometry(p.boundary()),
                parks.findAquifers(p.id()).stream().map(AquiferView::of).toList());
    }

    @GetMapping
    @Operation(summary = "All parks")
    public List<ParkView> all() {
        return parks.findAll().stream().map(this::view).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One park by its code")
    public ParkView one(@PathVariable String code) {
        return parks.findByCode(code).map(this::view).orElseThrow(() -> new NotFoundException(new InvalidInput("gateway.park.unknown", "code", code)));
    }
}
