package org.groundwatergateway.gateway.federation;

/** A signed federation message refused, with the reason a sender can act on. */
public final class MessageRefusal extends RuntimeException {

    /** Why a message is refused, one reason per kind of tampering or mishap, with the claim or part it concerns. */
    public enum Reason {
        /** Not a compact JWS of our message type, or its claims or body are not as the protocol says. */
        MALFORMED("signature", "消息格式错误"),
        /** The sender gateway is not a registered partner, or not the caller. */
        UNKNOWN_SENDER("iss", "发送网关未登记或与调用方不符"),
        /** The sender's published keys (its JWKS) have no key of this id. */
        UNKNOWN_KEY("kid", "发送网关未公布该密钥"),
        /** The signature does not verify under the sender's key: the signed part was altered, or signed by another key. */
        BAD_SIGNATURE("signature", "签名验证失败"),
        /** The body is not the one signed: its SHA-256 differs from the signed digest. */
        BODY_TAMPERED("body", "消息体与签名摘要不符"),
        /** The message's time is further from ours than the allowed clock skew. */
        CLOCK_SKEW("iat", "发送时间超出允许的时钟偏差"),
        /** The sequence number was accepted already (or is older than the last accepted): a replay. */
        REPLAY("seq", "序号已接收过（重放）"),
        /** The sequence number skips ahead of the next expected: a message was lost, and the sender must resend from it. */
        SEQUENCE_GAP("seq", "序号不连续"),
        /** No agreement in force lets the sender share this stream with us. */
        NOT_AGREED("stream", "没有生效的协议涵盖该数据流"),
        /** The message names another licence than the agreement's, or the agreement's is one we no longer accept. */
        LICENCE("body.licence", "许可协议与约定不符或不被本平台接受");

        private final String field;
        private final String zh;

        Reason(String field, String zh) {
            this.field = field;
            this.zh = zh;
        }

        /** The claim or part of the message the reason concerns. */
        public String field() {
            return field;
        }

        public String zh() {
            return zh;
        }
    }

    private final Reason reason;

    private final String detail;

    private final String field;

    public MessageRefusal(Reason reason, String detail) {
        this(reason, reason.field(), detail);
    }

    /** Refused for a part of the message other than the reason's own (a member of the body, say). */
    public MessageRefusal(Reason reason, String field, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
        this.field = field;
        this.detail = detail;
    }

    /** The claim or part of the message refused. */
    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }

    public Reason reason() {
        return reason;
    }
}
