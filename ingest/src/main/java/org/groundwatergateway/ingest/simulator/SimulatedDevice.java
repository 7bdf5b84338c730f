package org.groundwatergateway.ingest.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.groundwatergateway.core.demo.DemoPark;
import org.groundwatergateway.core.demo.DemoParkDescription;
import org.groundwatergateway.ingest.hj212.PollutantCodes;

/**
 * A data logger the simulator plays: its MN and password, and for each pollutant code the value it
 * measures at a given time, in the device's own unit.
 */
public record SimulatedDevice(String mn, String password, List<Channel> channels) {

    /** One measured quantity: its HJ 212 code and its value (device unit) at a time. */
    public record Channel(String code, BiFunction<String, Instant, Double> value) {
        double at(Instant time) {
            return value.apply(code, time);
        }
    }

    /** The demo park's 44 loggers, sending what the demo park's physics says. */
    public static List<SimulatedDevice> demoPark(PollutantCodes codes) {
        return of(codes, DemoParkDescription.DEMO);
    }

    /** A demo park's loggers (the demo park's 44, or a generated park's one per well), sending what the demo region's physics says there. */
    public static List<SimulatedDevice> of(PollutantCodes codes, DemoParkDescription park) {
        List<SimulatedDevice> devices = new ArrayList<>();
        List<String> wellParameters = List.of("water-level", "water-temperature", "ph", "conductivity");
        int n = 0;
        for (String well : park.wellCodes()) {
            String mn = park.deviceNumber(++n, false);
            List<String> parameters = new ArrayList<>(wellParameters);
            if (!park.confined(well)) parameters.addAll(List.of("benzene", "chromium-vi"));
            devices.add(new SimulatedDevice(mn, DemoPark.devicePassword(mn), channels(codes, park, well, parameters, "")));
            String dual = park.dualSensorParameter(well);
            if (dual != null) {
                String second = park.deviceNumber(n, true);
                devices.add(new SimulatedDevice(second, DemoPark.devicePassword(second), channels(codes, park, well, List.of(dual), "/B")));
            }
        }
        if (park.hasWeatherStation()) {
            String station = DemoPark.weatherStationDeviceNumber();
            devices.add(new SimulatedDevice(station, DemoPark.devicePassword(station),
                    channels(codes, park, "WS-01", List.of("rainfall", "air-temperature"), "")));
        }
        return devices;
    }

    private static List<Channel> channels(PollutantCodes codes, DemoParkDescription park, String place, List<String> parameters, String suffix) {
        List<Channel> channels = new ArrayList<>();
        for (String parameter : parameters) {
            String code = codes.codeFor(parameter).orElseThrow(() -> new IllegalStateException("no HJ 212 code for " + parameter));
            double factor = codes.find(code, false).orElseThrow().factor();
            String datastream = place + "/" + parameter + suffix;
            channels.add(new Channel(code, (c, time) -> park.liveValue(datastream, time) / factor));
        }
        return channels;
    }
}
