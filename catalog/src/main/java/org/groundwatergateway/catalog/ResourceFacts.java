package org.groundwatergateway.catalog;

import java.util.List;
import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.Sensor;
import org.groundwatergateway.core.monitoring.Well;
import org.groundwatergateway.core.parameter.Parameter;
import org.groundwatergateway.core.park.AquiferLayer;
import org.groundwatergateway.core.park.Enterprise;
import org.groundwatergateway.core.park.Park;

/** What the linked resources need of the store: the things themselves, exactly as stored (the descriptions disclose). */
public interface ResourceFacts {

    List<Park> parks();

    List<AquiferLayer> aquifers();

    List<Well> wells();

    List<Datastream> datastreams();

    List<Sensor> sensors();

    List<Parameter> parameters();

    List<Enterprise> enterprises();
}
