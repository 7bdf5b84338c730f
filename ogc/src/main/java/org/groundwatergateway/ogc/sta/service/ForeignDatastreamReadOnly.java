package org.groundwatergateway.ogc.sta.service;

import org.groundwatergateway.ogc.sta.query.StaQueryException;

/**
 * A write to a datastream a partner shares with us, mirrored: refused (409), since a mirror is written only by the
 * federation puller and message intake, and what the partner measured is the partner's to change.
 */
final class ForeignDatastreamReadOnly extends StaQueryException {

    ForeignDatastreamReadOnly(long id) {
        super("Datastreams(" + id + ") is a partner gateway's, mirrored here read-only: it and its observations are changed at their source only");
    }

    String message(boolean english) {
        if (english) return getMessage();
        String id = getMessage().substring("Datastreams(".length(), getMessage().indexOf(')'));
        return "Datastreams(" + id + ") 是合作网关共享的数据流，在本平台为只读镜像：它及其观测只能在来源网关修改";
    }
}
