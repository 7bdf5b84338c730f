package org.groundwatergateway.ogc.sta.query;

import java.util.List;
import org.groundwatergateway.ogc.sta.model.ValueType;

/**
 * The expression tree of {@code $filter} and {@code $orderby} (OGC 18-088 §9.3.3.5, after OData 4.0 URL
 * conventions §5.1.1). Positions are 0-based offsets into the option's text, kept for error messages.
 */
public sealed interface Expression {

    int position();

    /**
     * A constant: a String, a Long or Double, a Boolean, an {@link java.time.Instant}, a {@link java.time.LocalDate},
     * a {@link java.time.LocalTime}, a {@link java.time.Duration}, a JTS geometry, or null.
     */
    record Literal(Object value, ValueType type, int position) implements Expression {}

    /** A property of the entity, possibly reached over navigation properties: {@code Datastream/ObservedProperty/name}. */
    record PropertyPath(List<String> segments, int position) implements Expression {
        public String text() {
            return String.join("/", segments);
        }
    }

    record FunctionCall(String name, List<Expression> arguments, int position) implements Expression {}

    record Binary(Operator operator, Expression left, Expression right, int position) implements Expression {}

    record Not(Expression operand, int position) implements Expression {}

    record Negate(Expression operand, int position) implements Expression {}

    enum Operator {
        EQ, NE, GT, GE, LT, LE, AND, OR, ADD, SUB, MUL, DIV, MOD;

        public boolean comparison() {
            return ordinal() <= LE.ordinal();
        }

        public boolean arithmetic() {
            return ordinal() >= ADD.ordinal();
        }
    }
}
