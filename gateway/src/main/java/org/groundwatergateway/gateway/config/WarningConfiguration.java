package org.groundwatergateway.gateway.config;

import java.time.Clock;
import org.groundwatergateway.core.alert.AlertRepository;
import org.groundwatergateway.core.event.EventBus;
import org.groundwatergateway.core.parameter.ParameterRepository;
import org.groundwatergateway.core.park.ParkRepository;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.core.warning.AlarmFeedback;
import org.groundwatergateway.core.warning.RuleValidation;
import org.groundwatergateway.core.warning.ThresholdTuning;
import org.groundwatergateway.core.warning.SoilScreening;
import org.groundwatergateway.core.warning.WarningEvaluator;
import org.groundwatergateway.core.warning.WarningRuleRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Warning rules, their evaluation of every committed reading, and the tuning of their thresholds on history. */
@Configuration(proxyBeanMethods = false)
public class WarningConfiguration {

    @Bean
    WarningRuleRepository warningRuleRepository(Database database) {
        return new WarningRuleRepository(database);
    }

    @Bean
    RuleValidation ruleValidation(ParameterRepository parameters, ParkRepository parks) {
        return new RuleValidation(parameters, parks);
    }

    @Bean
    AlarmFeedback alarmFeedback(Database database, AlertRepository alerts) {
        return new AlarmFeedback(database, alerts);
    }

    @Bean
    ThresholdTuning thresholdTuning(Database database, AlarmFeedback feedback) {
        return new ThresholdTuning(database, feedback);
    }

    @Bean(destroyMethod = "close")
    WarningEvaluator warningEvaluator(Database database, AlertRepository alerts, EventBus events, Clock clock, WarningProperties properties) {
        WarningEvaluator evaluator = new WarningEvaluator(database, alerts, clock, properties.baselineRefresh());
        evaluator.subscribeTo(events);
        return evaluator;
    }

    @Bean
    SoilScreening soilScreening(Database database, AlertRepository alerts, EventBus events, Clock clock) {
        SoilScreening screening = new SoilScreening(database, alerts, clock);
        screening.subscribeTo(events);
        return screening;
    }
}
