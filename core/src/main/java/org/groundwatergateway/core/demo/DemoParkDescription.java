package org.groundwatergateway.core.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.groundwatergateway.core.monitoring.Well;
import org.locationtech.jts.geom.Polygon;

/**
 * A park the demo loader writes ({@code gw.demo-park}): its code, names, extent and monitoring wells, placed on the demo
 * region's grid ({@link DemoPark#GRID}, metres from the demo park's south-west corner), so that every park of the region
 * has the demo park's flow field, weather and plumes. {@link #DEMO} is the demo park, with the whole site of
 * docs/demo-park.md ({@code demoSite}: enterprises, receptors, roads, soil, the confined aquifer, dual sensors, the
 * weather station). Any other is read from the resource {@code <code>.properties} beside this class: a park of wells
 * only, each in the unconfined aquifer with the demo park's unconfined instruments (docs/demo-park.md, "Park B").
 *
 * @param firstDevice the HJ 212 sequence number of its first well's logger (the next wells' follow)
 */
public record DemoParkDescription(String code, String nameZh, String nameEn, String division, String category, double west, double south,
                                  double east, double north, int firstDevice, List<DemoPark.WellPlan> wells, boolean demoSite) {

    public static final DemoParkDescription DEMO = new DemoParkDescription(DemoPark.PARK_CODE, "海滨示范化工园区", "Haibin Demonstration Chemical Park",
            "320623", "石油化工、精细化工 / petrochemical and fine chemicals", 0, 0, 3000, 2000, 1, DemoPark.wells(), true);

    public DemoParkDescription {
        wells = List.copyOf(wells);
    }

    /** The park of {@code gw.demo-park}: the demo park by its code, any other from its resource. */
    public static DemoParkDescription named(String code) {
        if (code.equals(DEMO.code())) return DEMO;
        try (InputStream in = DemoParkDescription.class.getResourceAsStream(code + ".properties")) {
            if (in == null) throw new IllegalArgumentException("gw.demo-park: no demo park " + code + " (" + DEMO.code() + ", or a resource "
                    + code + ".properties beside " + DemoParkDescription.class.getName() + ")");
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] extent = p.getProperty("extent").split(",");
            // Wells in the order of their codes, which numbers their loggers.
            Map<String, String> wells = new TreeMap<>();
            p.stringPropertyNames().stream().filter(n -> n.startsWith("well.")).forEach(n -> wells.put(n.substring(5), p.getProperty(n)));
            List<DemoPark.WellPlan> plans = new ArrayList<>();
            wells.forEach((well, at) -> {
                String[] v = at.split(",");
                plans.add(new DemoPark.WellPlan(well, Double.parseDouble(v[0].strip()), Double.parseDouble(v[1].strip()), false,
                        Well.Role.valueOf(v[2].strip())));
            });
            return new DemoParkDescription(code, p.getProperty("nameZh"), p.getProperty("nameEn"), p.getProperty("division"), p.getProperty("category"),
                    Double.parseDouble(extent[0].strip()), Double.parseDouble(extent[1].strip()), Double.parseDouble(extent[2].strip()),
                    Double.parseDouble(extent[3].strip()), Integer.parseInt(p.getProperty("firstDevice").strip()), plans, false);
        } catch (IOException e) {
            throw new IllegalStateException("reading demo park " + code, e);
        }
    }

    /** Its boundary: its extent on the demo region's grid, in CGCS2000 longitude and latitude. */
    public Polygon boundary() {
        return DemoPark.rectangle(west, south, east, north);
    }

    /** Codes of its wells, in the order their loggers are numbered. */
    public List<String> wellCodes() {
        return wells.stream().map(DemoPark.WellPlan::code).toList();
    }

    /** Whether a well is in the confined aquifer (and so without the unconfined wells' benzene and Cr(VI) analysers). */
    public boolean confined(String wellCode) {
        return wells.stream().anyMatch(w -> w.code().equals(wellCode) && w.confined());
    }

    /** HJ 212 device number of its n-th well's logger (from 1), or of that well's second logger. */
    public String deviceNumber(int well, boolean secondLogger) {
        return DemoPark.deviceNumber(firstDevice - 1 + well, secondLogger);
    }

    /** The parameter a well measures with two sensors, or null. */
    public String dualSensorParameter(String wellCode) {
        return demoSite ? DemoPark.dualSensorParameter(wellCode) : null;
    }

    /** Its weather station's logger, which only the demo park has. */
    public boolean hasWeatherStation() {
        return demoSite;
    }

    /**
     * The value one of its datastreams (by code, e.g. {@code GW-U04/benzene} or {@code WS-01/rainfall}) has at any instant,
     * in the parameter's unit: what the device simulator sends. Faults are not injected here.
     */
    public double liveValue(String datastreamCode, Instant at) {
        String[] parts = datastreamCode.split("/");
        DemoPark.WellPlan well = wells.stream().filter(w -> w.code().equals(parts[0])).findFirst().orElse(null);
        if (well == null && !(hasWeatherStation() && parts[0].equals("WS-01"))) {
            throw new IllegalArgumentException("not a datastream of demo park " + code + ": " + datastreamCode);
        }
        return DemoPark.Live.SIGNALS.valueAt(new DemoSignals.Stream(datastreamCode, well, parts[1], parts.length == 3), at);
    }
}
