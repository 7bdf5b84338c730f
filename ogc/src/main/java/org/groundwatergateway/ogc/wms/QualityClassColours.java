package org.groundwatergateway.ogc.wms;

import java.awt.Color;

/**
 * Colours of the GB/T 14848-2017 groundwater quality classes I–V, in the blue-to-red order Chinese water quality
 * maps use, and grey where a value has no class.
 */
final class QualityClassColours {

    static final Color[] CLASS = {
        new Color(0x1E, 0x88, 0xE5), // I
        new Color(0x43, 0xA0, 0x47), // II
        new Color(0xFD, 0xD8, 0x35), // III
        new Color(0xFB, 0x8C, 0x00), // IV
        new Color(0xE5, 0x39, 0x35), // V
    };
    static final Color NO_CLASS = new Color(0x9E, 0x9E, 0x9E);
    static final String[] NAMES = {"Ⅰ类", "Ⅱ类", "Ⅲ类", "Ⅳ类", "Ⅴ类"};

    private QualityClassColours() {}

    /** @param qualityClass 1–5, or null */
    static Color of(Long qualityClass) {
        return qualityClass == null || qualityClass < 1 || qualityClass > 5 ? NO_CLASS : CLASS[(int) (qualityClass - 1)];
    }
}
