package org.groundwatergateway.core.time;

import java.time.ZoneOffset;

/** China Standard Time (UTC+8, no daylight saving): the time devices report and people read dates in. */
public final class ChinaStandardTime {

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);

    private ChinaStandardTime() {}
}
