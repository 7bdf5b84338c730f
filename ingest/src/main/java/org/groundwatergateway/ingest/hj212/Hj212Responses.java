package org.groundwatergateway.ingest.hj212;

/**
 * Packets the platform (the upper computer) sends back. Replies carry the request's QN, MN and PW and the
 * same protocol version, with ST=91 (system interaction) as HJ 212-2017 Appendix C shows.
 */
public final class Hj212Responses {

    /** HJ 212-2017 Table 7 request-return codes used here. */
    public static final int QN_RTN_REFUSED = 2;
    public static final int QN_RTN_PASSWORD = 3;
    public static final int QN_RTN_MN = 4;

    private Hj212Responses() {}

    /** CN=9014 data acknowledgement: sent only after the packet's data is committed. */
    public static byte[] dataAcknowledgement(Hj212Packet request) {
        return reply(request, "9014", "");
    }

    /** CN=9011 request return with a QnRtn code, for a packet refused before its data was looked at. */
    public static byte[] requestReturn(Hj212Packet request, int qnRtn) {
        return reply(request, "9011", "QnRtn=" + qnRtn);
    }

    private static byte[] reply(Hj212Packet request, String cn, String data) {
        int versionBits = switch (request.version()) {
            case HJ_T_212_2005 -> 0;
            case HJ_212_2017 -> 1;
            case HJ_212_2025 -> 2;
        };
        StringBuilder segment = new StringBuilder();
        if (request.qn() != null) segment.append("QN=").append(request.qn()).append(';');
        segment.append("ST=91;CN=").append(cn).append(";PW=").append(request.pw()).append(";MN=").append(request.mn());
        if (request.flag() != null) segment.append(";Flag=").append(versionBits << 2);
        segment.append(";CP=&&").append(data).append("&&");
        return Hj212Frame.encode(segment.toString());
    }
}
