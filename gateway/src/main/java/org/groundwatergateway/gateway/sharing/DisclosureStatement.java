package org.groundwatergateway.gateway.sharing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.groundwatergateway.policies.Disclosure;

/**
 * What the sharing policy masked in one answer, said for people: dataset by dataset, every effect applied, and the
 * policy version that decided it. English is the {@value DisclosureReceipts#HEADER} header's form (header values are
 * ASCII); Chinese, or English where the caller prefers it, is the {@code disclosure} property of a JSON body.
 */
public final class DisclosureStatement {

    private DisclosureStatement() {}

    /** E.g. {@code policy v2; wells: location to 500 m; latest_readings: location to 500 m, result_value as GB/T 14848 class, delayed 24 h}. */
    public static String english(Map<String, Disclosure> disclosed, int version) {
        return statement(disclosed, version, Words.ENGLISH);
    }

    /** E.g. {@code 策略 v2; wells: 位置已粗化至500米; latest_readings: 位置已粗化至500米, result_value 仅显示GB/T 14848类别, 数值延迟24小时}. */
    public static String chinese(Map<String, Disclosure> disclosed, int version) {
        return statement(disclosed, version, Words.CHINESE);
    }

    private enum Words {
        ENGLISH("policy v", "nothing masked", "location to %d m", "%s as GB/T 14848 class", "withheld %s", "delayed %s",
                "%s means instead of single values", "aggregates over fewer than %d enterprises withheld", "rows limited by %s",
                "own rows only", "own rows in full", "area limited", ", ", " h", " min"),
        CHINESE("策略 v", "未作脱敏", "位置已粗化至%d米", "%s 仅显示GB/T 14848类别", "不提供 %s", "数值延迟%s",
                "按%s均值提供", "少于%d家企业的汇总不提供", "仅限 %s 允许的记录", "仅本单位的记录", "本单位的记录完整提供", "仅限指定区域",
                "，", "小时", "分钟");

        final String policy;
        final String nothing;
        final String location;
        final String bucket;
        final String withheld;
        final String delayed;
        final String aggregated;
        final String minimum;
        final String restricted;
        final String onlyOwn;
        final String ownInFull;
        final String area;
        final String separator;
        final String hours;
        final String minutes;

        Words(String policy, String nothing, String location, String bucket, String withheld, String delayed, String aggregated,
              String minimum, String restricted, String onlyOwn, String ownInFull, String area, String separator, String hours,
              String minutes) {
            this.policy = policy;
            this.nothing = nothing;
            this.location = location;
            this.bucket = bucket;
            this.withheld = withheld;
            this.delayed = delayed;
            this.aggregated = aggregated;
            this.minimum = minimum;
            this.restricted = restricted;
            this.onlyOwn = onlyOwn;
            this.ownInFull = ownInFull;
            this.area = area;
            this.separator = separator;
            this.hours = hours;
            this.minutes = minutes;
        }

        String step(Disclosure.TimeAggregation step) {
            boolean english = this == ENGLISH;
            return switch (step) {
                case HOURLY -> english ? "hourly" : "小时";
                case DAILY -> english ? "daily" : "日";
                case MONTHLY -> english ? "monthly" : "月";
                case NONE -> throw new IllegalArgumentException("no aggregation step");
            };
        }
    }

    private static String statement(Map<String, Disclosure> disclosed, int version, Words words) {
        List<String> parts = new ArrayList<>();
        parts.add(words.policy + version);
        disclosed.forEach((dataset, d) -> {
            List<String> effects = effects(d, words);
            if (!effects.isEmpty()) parts.add(dataset + ": " + String.join(words.separator, effects));
        });
        if (parts.size() == 1) parts.add(words.nothing);
        return String.join("; ", parts);
    }

    private static List<String> effects(Disclosure d, Words words) {
        List<String> effects = new ArrayList<>();
        if (d.locationPrecisionMetres() > 0) effects.add(words.location.formatted(Math.round(d.locationPrecisionMetres())));
        d.bucketed().keySet().stream().sorted().forEach(p -> effects.add(words.bucket.formatted(p)));
        if (!d.withheldProperties().isEmpty()) effects.add(words.withheld.formatted(String.join(" ", d.withheldProperties().stream().sorted().toList())));
        if (!d.delay().isZero()) effects.add(words.delayed.formatted(duration(d.delay(), words)));
        if (d.timeAggregation() != Disclosure.TimeAggregation.NONE) effects.add(words.aggregated.formatted(words.step(d.timeAggregation())));
        if (d.minimumCount() > 0) effects.add(words.minimum.formatted(d.minimumCount()));
        if (!d.restrictedTo().isEmpty()) effects.add(words.restricted.formatted(String.join(" ", d.restrictedTo().keySet().stream().sorted().toList())));
        if (d.ownership() != null) effects.add(d.ownership().onlyOwn() ? words.onlyOwn : words.ownInFull);
        if (d.area() != null) effects.add(words.area);
        return effects;
    }

    private static String duration(Duration delay, Words words) {
        return delay.toMinutes() % 60 == 0 ? delay.toHours() + words.hours : delay.toMinutes() + words.minutes;
    }
}
