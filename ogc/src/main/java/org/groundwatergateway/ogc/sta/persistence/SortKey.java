package org.groundwatergateway.ogc.sta.persistence;

import java.util.List;

/** One key of a page's order: a value and its direction. */
record SortKey(Sql value, boolean descending) {

    /** The keys as an ORDER BY list. */
    static Sql list(List<SortKey> keys) {
        Sql list = new Sql();
        for (SortKey key : keys) {
            if (!list.isEmpty()) list.append(", ");
            list.append(key.value()).append(key.descending() ? " DESC" : " ASC");
        }
        return list;
    }
}
