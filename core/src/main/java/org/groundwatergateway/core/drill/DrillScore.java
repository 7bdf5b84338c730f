package org.groundwatergateway.core.drill;

import java.util.List;

/**
 * How a drill went, step by step from the release to the response, each step against its target. A step scores 100
 * when it met its target, nothing at twice the target or when it did not happen, and in proportion between; the tasks
 * score their share done on time. The drill's score is the mean of its steps.
 *
 * @param total 0 to 100
 */
public record DrillScore(List<Item> items, double total) {

    /**
     * @param measured how long the step took, in {@code unit}; null when it has not happened (yet)
     * @param noteZh what was measured, or why it was not, in Chinese (the drill report's language); {@code noteEn} in English
     */
    public record Item(String code, String nameZh, String nameEn, Double measured, double target, String unit, double score, String noteZh,
            String noteEn) {}

    static DrillScore of(List<Item> items) {
        return new DrillScore(List.copyOf(items), items.stream().mapToDouble(Item::score).average().orElse(0));
    }

    /** A timed step: full marks within the target, none at twice it or when it did not happen. */
    static Item timed(String code, String nameZh, String nameEn, Double measured, double target, String unit, String noteZh, String noteEn) {
        double score = measured == null ? 0 : Math.max(0, Math.min(100, 100 * (2 - measured / target)));
        return new Item(code, nameZh, nameEn, measured, target, unit, score, noteZh, noteEn);
    }
}
