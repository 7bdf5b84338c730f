package org.groundwatergateway.core.escalation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.groundwatergateway.core.alert.Alert.Level;
import org.groundwatergateway.core.time.ChinaStandardTime;

/** What one tier is told about one alert; every channel words it from here. */
public record Notification(long alertId, Level level, Tier tier, String kind, String subject, String message, Instant raisedAt) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");


    /** A one-line title: 【严重预警】DEVICE_SILENT 32062324000001. */
    public String title() {
        return "【" + level.nameZh() + "预警】" + kind + " " + subject;
    }

    /** The body, times in China Standard Time. */
    public String text() {
        return title() + "\n" + message + "\n发生时间：" + LocalDateTime.ofInstant(raisedAt, ChinaStandardTime.OFFSET).format(TIME)
                + "\n通知层级：" + tier.nameZh() + "\n报警编号：" + alertId + "（请尽快确认）";
    }
}
