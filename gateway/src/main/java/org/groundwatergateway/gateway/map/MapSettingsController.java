package org.groundwatergateway.gateway.map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.groundwatergateway.gateway.config.PortalProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a map client needs to know of this gateway's setup: today, the optional tile base (gw.portal.base-tiles). */
@RestController
@Tag(name = "Map", description = "地图关注区 / the map's areas of interest")
public class MapSettingsController {

    /** An XYZ tile URL template ({x}, {y}, {z}, optionally a {0-7} subdomain range) and its attribution. */
    public record BaseTiles(String url, String attribution) {}

    /** @param baseTiles null where the park has no tile service: the map's base is the platform's own layers */
    public record MapSettings(BaseTiles baseTiles) {}

    private final PortalProperties portal;

    public MapSettingsController(PortalProperties portal) {
        this.portal = portal;
    }

    @GetMapping("/api/v1/map/settings")
    @Operation(summary = "The map's settings: the tile service drawn under the platform's own layers, if the park has one")
    public MapSettings settings() {
        return new MapSettings(portal.baseTiles() == null ? null
                : new BaseTiles(portal.baseTiles(), portal.baseTilesAttribution() == null ? "" : portal.baseTilesAttribution()));
    }
}
