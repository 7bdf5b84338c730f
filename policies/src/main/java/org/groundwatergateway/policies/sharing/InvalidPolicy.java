package org.groundwatergateway.policies.sharing;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * A policy document refused, with every problem found: each with its field as a JSON pointer into the document and
 * its reason from the message catalogue, in either language. It is an {@link IllegalArgumentException}, so a caller
 * that knows nothing of policies still answers 400; its {@link #getMessage()} is the English text, for logs.
 */
public final class InvalidPolicy extends IllegalArgumentException {

    private final List<InvalidInput> problems;

    public InvalidPolicy(List<InvalidInput> problems) {
        this.problems = List.copyOf(problems);
    }

    /** Every problem; its field is a JSON pointer, "" for the whole document. */
    public List<InvalidInput> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return detail(Locale.ENGLISH);
    }

    /** All the problems in one sentence, in Chinese for a Chinese locale, otherwise English. */
    public String detail(Locale locale) {
        boolean chinese = locale.getLanguage().equals(Locale.CHINESE.getLanguage());
        String all = problems.stream().map(p -> (p.field().isEmpty() ? "/" : p.field()) + (chinese ? "：" : ": ") + p.reason(locale))
                .collect(Collectors.joining(chinese ? "；" : "; "));
        return new InvalidInput("policies.policy.invalid", null, all).message(locale);
    }
}
