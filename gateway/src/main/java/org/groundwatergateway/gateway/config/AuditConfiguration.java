package org.groundwatergateway.gateway.config;

import java.time.Clock;
import org.groundwatergateway.core.storage.Database;
import org.groundwatergateway.gateway.security.AuditTrail;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.audit.AuditRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tamper-evident audit log of disclosures, logins and administrative actions; closed (and flushed) with the context. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    /** Room for a few seconds of appends at the benchmarked rate while the database stalls; batches as large as the backlog. */
    private static final int QUEUE_CAPACITY = 50_000;
    private static final int MAX_BATCH = 1_000;

    @Bean
    AuditLog auditLog(Database database, Clock clock) {
        return new AuditLog(new AuditRepository(database), clock, QUEUE_CAPACITY, MAX_BATCH);
    }

    @Bean
    AuditTrail auditTrail(AuditLog audit) {
        return new AuditTrail(audit);
    }
}
