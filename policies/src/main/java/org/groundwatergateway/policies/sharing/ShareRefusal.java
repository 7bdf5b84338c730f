package org.groundwatergateway.policies.sharing;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A share request, decision or revocation refused, with every problem: the field it concerns and the reason, in
 * English and in Chinese, so that the API answers in the caller's language.
 */
public final class ShareRefusal extends RuntimeException {

    /** Why: the input is wrong, the request or grant does not exist (for this caller), or its state does not allow it. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    public record Problem(String field, String reason, String reasonZh) {}

    private final Kind kind;
    private final List<Problem> problems;

    public ShareRefusal(Kind kind, List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.reason()).collect(Collectors.joining("; ")));
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public static ShareRefusal of(Kind kind, String field, String reason, String reasonZh) {
        return new ShareRefusal(kind, List.of(new Problem(field, reason, reasonZh)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The problems in one line, in English or Chinese. */
    public String detail(boolean english) {
        return problems.stream().map(p -> p.field() + (english ? ": " + p.reason() : "：" + p.reasonZh())).collect(Collectors.joining(english ? "; " : "；"));
    }
}
