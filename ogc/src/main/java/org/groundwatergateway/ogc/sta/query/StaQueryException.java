package org.groundwatergateway.ogc.sta.query;

import java.util.Locale;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;

/**
 * A request the service cannot answer as asked: a syntax error (with the option and character position), an
 * unknown property or entity set, a type mismatch. Answered with 400 and this message in the caller's language (the
 * ogc module's catalogue {@code org/groundwatergateway/ogc/problems(_zh).properties}); never a server error.
 */
public class StaQueryException extends CataloguedRefusal {

    public StaQueryException(InvalidInput problem) {
        super(problem);
    }

    /**
     * A problem at {@code position} (0-based) in the text of {@code option}; reported 1-based, as an editor counts, with
     * the option as the field at fault.
     */
    public static StaQueryException at(String option, int position, InvalidInput problem) {
        return new StaQueryException(new AtPosition(option, position + 1, problem));
    }

    /** A refusal placed in the text of a query option: "$filter, character 18: …" / "$filter 第 18 个字符处：…". */
    static final class AtPosition extends InvalidInput {

        private final int position;

        AtPosition(String option, int position, InvalidInput problem) {
            super(problem.key(), option, problem.arguments());
            this.position = position;
        }

        @Override
        public String message(Locale locale) {
            return InvalidArgument.catalogued("ogc.sta.atPosition", locale, field(), String.valueOf(position), reason(locale));
        }
    }
}
