package org.groundwatergateway.core.emergency;

/**
 * The park's three-level emergency response (园区三级响应, following the grading of the 国家突发环境事件应急预案 scaled to
 * a park): 一级 when pollution threatens receptors outside the park (drinking-water sources, rivers, residents) or is beyond
 * the park's means — the park's emergency command leads and the government is notified; 二级 when it crosses an
 * enterprise's boundary inside the park — the park's emergency office leads; 三级 when it stays on one enterprise's site —
 * the enterprise responds and the park watches. A severe alert opens at 二级; people raise or lower it.
 */
public enum ResponseLevel {
    LEVEL_1("一级"), LEVEL_2("二级"), LEVEL_3("三级");

    private final String nameZh;

    ResponseLevel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
