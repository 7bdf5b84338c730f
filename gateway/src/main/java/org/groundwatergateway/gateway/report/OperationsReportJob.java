package org.groundwatergateway.gateway.report;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Generates and stores the month before's operation and maintenance report at 01:00 China Standard Time on the 1st. */
@Component
public class OperationsReportJob {

    static final String BY = "月报任务";
    private static final Logger log = LoggerFactory.getLogger(OperationsReportJob.class);

    private final OperationsReports reports;
    private final Clock clock;

    public OperationsReportJob(OperationsReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 1 1 * *", zone = "Asia/Shanghai")
    public void run() {
        reports.storePreviousMonth(clock.instant(), BY)
                .ifPresent(report -> log.info("Operations report of {} generated and stored", report.month()));
    }
}
