package org.groundwatergateway.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.groundwatergateway.core.monitoring.Datastream;
import org.groundwatergateway.core.monitoring.MonitoringRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/datastreams/{id}/forecast} on a laboratory datastream (issue #16: it answered 500): a 400
 * problem+json that says why and what to use instead. Forecasts across reporting gaps are core's DatastreamForecastsTest
 * (this context holds two demo days, too few to learn from).
 */
class DatastreamForecastApiTest extends RunningGateway {

    @Autowired
    private MonitoringRepository monitoring;

    @Test
    void aLabDatastreamIsRefusedWithAProblemThatSaysWhy() {
        Datastream logger = monitoring.findDatastreams().stream().filter(d -> d.code().equals("GW-U03/benzene")).findFirst().orElseThrow();
        Datastream lab = monitoring.findDatastreams().stream().filter(d -> d.code().equals("GW-U03/benzene/lab")).findFirst()
                .orElseGet(() -> monitoring.insert(new Datastream(null, "GW-U03/benzene/lab", logger.wellId(), null, logger.parameterId(),
                        logger.sensorId(), null, 0)));
        Http.Response refused = http.get("/api/v1/datastreams/" + lab.id() + "/forecast");
        assertThat(problem(refused, 400)).contains("实验室序列").contains("/api/v1/analytics/trend");
        assertThat(refused.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }
}
