package org.groundwatergateway.core.warning;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.parameter.ParameterRepository;

/** A well's datastream with what rules select by: its parameter, the well's role, park and aquifer. */
record WatchedStream(long id, String code, long wellId, String parameterCode, Well.Role role, long parkId, long aquiferId) {

    /** Every datastream at a well (weather stations are no rule's business), by id. */
    static Map<Long, WatchedStream> load(MonitoringRepository monitoring, ParameterRepository parameters) {
        Map<Long, String> parameterCodes = new HashMap<>();
        for (Parameter p : parameters.findAll()) parameterCodes.put(p.id(), p.code());
        Map<Long, Well> wells = new HashMap<>();
        for (Well w : monitoring.findWells()) wells.put(w.id(), w);
        Map<Long, WatchedStream> streams = new HashMap<>();
        List<Datastream> datastreams = monitoring.findDatastreams();
        for (Datastream d : datastreams) {
            Well well = d.wellId() == null ? null : wells.get(d.wellId());
            if (well == null) continue;
            streams.put(d.id(), new WatchedStream(d.id(), d.code(), well.id(), parameterCodes.get(d.parameterId()), well.role(),
                    well.parkId(), well.aquiferId()));
        }
        return streams;
    }
}
