package org.groundwatergateway.core.emergency;

import org.groundwatergateway.core.problem.InvalidInput;
import org.locationtech.jts.geom.Point;

/**
 * A video camera, named by its GB/T 28181-2016 device id: 20 digits, the first 8 the centre (administrative division and
 * base unit), then 2 of industry, 3 of type (131 camera, 132 network camera) and 7 of network and serial number.
 */
public record Camera(Long id, long parkId, String deviceId, String nameZh, Point location) {

    public Camera {
        if (deviceId == null || !deviceId.matches("\\d{20}")) throw new InvalidInput("core.camera.id", "deviceId", deviceId);
        String type = deviceId.substring(10, 13);
        if (!type.equals("131") && !type.equals("132")) {
            throw new InvalidInput("core.camera.type", "deviceId", type);
        }
    }

    public Camera withId(long newId) {
        return new Camera(newId, parkId, deviceId, nameZh, location);
    }
}
