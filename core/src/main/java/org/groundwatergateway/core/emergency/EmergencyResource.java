package org.groundwatergateway.core.emergency;

/** A team, material stock or piece of equipment held at a depot for emergency response. */
public record EmergencyResource(Long id, long depotId, String code, Kind kind, String nameZh, double quantity, String unit,
                                Status status) {

    public enum Kind { TEAM, MATERIAL, EQUIPMENT }

    public enum Status { AVAILABLE, DISPATCHED, UNAVAILABLE }

    public EmergencyResource withId(long newId) {
        return new EmergencyResource(newId, depotId, code, kind, nameZh, quantity, unit, status);
    }
}
