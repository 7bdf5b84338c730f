package org.groundwatergateway.ogc.sta.query;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.groundwatergateway.core.geo.Cgcs2000;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.ogc.sta.model.ValueType;
import org.groundwatergateway.ogc.sta.query.Expression.Binary;
import org.groundwatergateway.ogc.sta.query.Expression.FunctionCall;
import org.groundwatergateway.ogc.sta.query.Expression.Literal;
import org.groundwatergateway.ogc.sta.query.Expression.Negate;
import org.groundwatergateway.ogc.sta.query.Expression.Not;
import org.groundwatergateway.ogc.sta.query.Expression.Operator;
import org.groundwatergateway.ogc.sta.query.Expression.PropertyPath;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Parses the expression language of {@code $filter} and {@code $orderby} (OGC 18-088 §9.3.3.5): literals
 * (strings, numbers, booleans, null, date-times, dates, times, {@code duration'…'}, {@code geography'…'}),
 * property paths, function calls and the operators, lowest precedence first: {@code or}, {@code and},
 * {@code not}, comparisons, {@code add sub}, {@code mul div mod}, unary minus. Knows nothing of SQL.
 */
public final class ExpressionParser {

    private static final Map<String, Operator> OR = Map.of("or", Operator.OR);
    private static final Map<String, Operator> AND = Map.of("and", Operator.AND);
    private static final Map<String, Operator> COMPARISONS = Map.of("eq", Operator.EQ, "ne", Operator.NE, "gt", Operator.GT,
            "ge", Operator.GE, "lt", Operator.LT, "le", Operator.LE);
    private static final Map<String, Operator> ADDITIVE = Map.of("add", Operator.ADD, "sub", Operator.SUB);
    private static final Map<String, Operator> MULTIPLICATIVE = Map.of("mul", Operator.MUL, "div", Operator.DIV, "mod", Operator.MOD);
    private static final Pattern DATE_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME_START = Pattern.compile("\\d{2}:\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern SRID_PREFIX = Pattern.compile("(?i)^SRID=\\d+;");
    /**
     * The deepest nesting of parentheses, function arguments, {@code not} and unary minus read: the parser and the
     * SQL compiler recurse once per level, and a few thousand levels in one URL would overflow the thread's stack.
     */
    static final int MAX_NESTING = 64;

    private enum Kind { WORD, STRING, NUMBER, DATETIME, TYPED, OPEN, CLOSE, COMMA, SLASH, MINUS, END }

    private record Token(Kind kind, String text, int position, String prefix) {}

    private final String option;
    private final String text;
    private final List<Token> tokens;
    private int next;
    private int nesting;

    private ExpressionParser(String option, String text) {
        this.option = option;
        this.text = text;
        this.tokens = tokenize();
    }

    /** Parses a whole boolean or value expression; {@code option} names the query option in error messages. */
    public static Expression parse(String option, String text) {
        ExpressionParser parser = new ExpressionParser(option, text);
        Expression expression = parser.or();
        parser.expectEnd();
        return expression;
    }

    /** Parses {@code $orderby}: expressions separated by commas, each optionally followed by {@code asc} or {@code desc}. */
    public static List<OrderBy> parseOrderBy(String option, String text) {
        ExpressionParser parser = new ExpressionParser(option, text);
        List<OrderBy> items = new ArrayList<>();
        do {
            if (!items.isEmpty()) parser.next++;
            Expression expression = parser.additive();
            boolean descending = false;
            if (parser.word("asc") || parser.word("desc")) {
                descending = parser.tokens.get(parser.next++).text().equals("desc");
            }
            items.add(new OrderBy(expression, descending));
        } while (parser.peek().kind() == Kind.COMMA);
        parser.expect(Kind.END, "asc, desc or ','");
        return items;
    }

    private Expression or() {
        return leftAssociative(OR, this::and);
    }

    private Expression and() {
        return leftAssociative(AND, this::not);
    }

    private Expression not() {
        if (word("not")) {
            Token not = tokens.get(next++);
            deeper(not);
            Expression operand = not();
            nesting--;
            return new Not(operand, not.position());
        }
        return comparison();
    }

    private Expression comparison() {
        return leftAssociative(COMPARISONS, this::additive);
    }

    private Expression additive() {
        return leftAssociative(ADDITIVE, this::multiplicative);
    }

    private Expression multiplicative() {
        return leftAssociative(MULTIPLICATIVE, this::unary);
    }

    /**
     * One precedence level: operands of the next level joined by this level's operators, grouped from the left.
     * Each operator of a chain nests the tree one level deeper, so it counts against {@link #MAX_NESTING}; except
     * {@code and} and {@code or}, whose chains (id eq 1 or id eq 2 or …) may be long and are grouped as a balanced
     * tree instead, which means the same since both are associative.
     */
    private Expression leftAssociative(Map<String, Operator> operators, Supplier<Expression> operand) {
        boolean associative = operators == OR || operators == AND;
        List<Expression> operands = new ArrayList<>(List.of(operand.get()));
        List<Token> joins = new ArrayList<>();
        int chained = 0;
        while (peek().kind() == Kind.WORD && operators.containsKey(peek().text())) {
            Token operator = tokens.get(next++);
            if (!associative) {
                deeper(operator);
                chained++;
            }
            joins.add(operator);
            operands.add(operand.get());
        }
        nesting -= chained;
        if (associative) return balanced(operators, operands, joins, 0, operands.size());
        Expression left = operands.get(0);
        for (int i = 0; i < joins.size(); i++) {
            left = new Binary(operators.get(joins.get(i).text()), left, operands.get(i + 1), joins.get(i).position());
        }
        return left;
    }

    /** Operands {@code from} (inclusive) to {@code to} (exclusive) joined by the operators between them, halves first. */
    private static Expression balanced(Map<String, Operator> operators, List<Expression> operands, List<Token> joins, int from, int to) {
        if (to - from == 1) return operands.get(from);
        int middle = (from + to) / 2;
        Token join = joins.get(middle - 1);
        return new Binary(operators.get(join.text()), balanced(operators, operands, joins, from, middle),
                balanced(operators, operands, joins, middle, to), join.position());
    }

    private Expression unary() {
        if (peek().kind() == Kind.MINUS) {
            Token minus = tokens.get(next++);
            deeper(minus);
            Expression operand = unary();
            nesting--;
            if (operand instanceof Literal l && l.value() instanceof Long n) return new Literal(-n, ValueType.NUMBER, minus.position());
            if (operand instanceof Literal l && l.value() instanceof Double d) return new Literal(-d, ValueType.NUMBER, minus.position());
            return new Negate(operand, minus.position());
        }
        return primary();
    }

    private Expression primary() {
        Token token = tokens.get(next++);
        switch (token.kind()) {
            case OPEN -> {
                deeper(token);
                Expression inner = or();
                expect(Kind.CLOSE, "')'");
                nesting--;
                return inner;
            }
            case STRING -> {
                return new Literal(token.text(), ValueType.STRING, token.position());
            }
            case NUMBER -> {
                return number(token);
            }
            case DATETIME -> {
                return dateTime(token);
            }
            case TYPED -> {
                return typed(token);
            }
            case WORD -> {
                return word(token);
            }
            default -> throw token.kind() == Kind.END ? error(token, new InvalidInput("ogc.sta.filter.valueExpectedAtEnd", null))
                    : error(token, new InvalidInput("ogc.sta.filter.valueExpected", null, token.text()));
        }
    }

    private Expression word(Token token) {
        switch (token.text()) {
            case "true", "false" -> {
                return new Literal(Boolean.valueOf(token.text()), ValueType.BOOLEAN, token.position());
            }
            case "null" -> {
                return new Literal(null, ValueType.NULL, token.position());
            }
            default -> { }
        }
        if (peek().kind() == Kind.OPEN) {
            deeper(tokens.get(next++));
            List<Expression> arguments = new ArrayList<>();
            if (peek().kind() != Kind.CLOSE) {
                arguments.add(or());
                while (peek().kind() == Kind.COMMA) {
                    next++;
                    arguments.add(or());
                }
            }
            expect(Kind.CLOSE, "',' or ')' after the arguments of " + token.text());
            nesting--;
            return new FunctionCall(token.text().toLowerCase(Locale.ROOT), arguments, token.position());
        }
        List<String> segments = new ArrayList<>();
        segments.add(token.text());
        while (peek().kind() == Kind.SLASH) {
            next++;
            Token segment = tokens.get(next++);
            if (segment.kind() != Kind.WORD) throw error(segment, new InvalidInput("ogc.sta.filter.nameAfterSlash", null));
            segments.add(segment.text());
        }
        return new PropertyPath(segments, token.position());
    }

    private Literal number(Token token) {
        String n = token.text();
        try {
            if (n.contains(".") || n.contains("e") || n.contains("E")) return new Literal(Double.valueOf(n), ValueType.NUMBER, token.position());
            return new Literal(Long.valueOf(n), ValueType.NUMBER, token.position());
        } catch (NumberFormatException e) {
            throw error(token, new InvalidInput("ogc.sta.filter.number", null, n));
        }
    }

    private Literal dateTime(Token token) {
        String t = token.text();
        try {
            if (t.contains("T")) return new Literal(OffsetDateTime.parse(t).toInstant(), ValueType.DATETIME, token.position());
            if (t.contains(":")) return new Literal(LocalTime.parse(t), ValueType.TIME, token.position());
            return new Literal(LocalDate.parse(t), ValueType.DATE, token.position());
        } catch (DateTimeParseException e) {
            throw error(token, new InvalidInput("ogc.sta.filter.time", null, t));
        }
    }

    private Literal typed(Token token) {
        String prefix = token.prefix().toLowerCase(Locale.ROOT);
        switch (prefix) {
            case "duration" -> {
                try {
                    return new Literal(Duration.parse(token.text()), ValueType.DURATION, token.position());
                } catch (DateTimeParseException e) {
                    throw error(token, new InvalidInput("ogc.sta.filter.duration", null, token.text()));
                }
            }
            case "geography", "geometry" -> {
                try {
                    Geometry geometry = new WKTReader(Cgcs2000.GEOMETRY_FACTORY).read(SRID_PREFIX.matcher(token.text()).replaceFirst(""));
                    return new Literal(geometry, ValueType.GEOMETRY, token.position());
                } catch (ParseException | IllegalArgumentException e) {
                    throw error(token, new InvalidInput("ogc.sta.filter.wkt", null, token.text(), e.getMessage()));
                }
            }
            default -> throw error(token, new InvalidInput("ogc.sta.filter.literalType", null, token.prefix()));
        }
    }

    /** Enters one more level of nesting at {@code token}; refused beyond {@link #MAX_NESTING}. */
    private void deeper(Token token) {
        if (++nesting > MAX_NESTING) throw error(token, new InvalidInput("ogc.sta.filter.nesting", null, MAX_NESTING));
    }

    private boolean word(String word) {
        Token token = peek();
        return token.kind() == Kind.WORD && token.text().equals(word);
    }

    private Token peek() {
        return tokens.get(next);
    }

    /** The expression ends here; anything after it is refused. */
    private void expectEnd() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) throw error(token, new InvalidInput("ogc.sta.filter.trailing", null, token.text()));
    }

    private void expect(Kind kind, String what) {
        Token token = tokens.get(next);
        if (token.kind() != kind) {
            throw token.kind() == Kind.END ? error(token, new InvalidInput("ogc.sta.filter.expectedAtEnd", null, what))
                    : error(token, new InvalidInput("ogc.sta.filter.expected", null, what, token.text()));
        }
        next++;
    }

    private StaQueryException error(Token token, InvalidInput problem) {
        return StaQueryException.at(option, token.position(), problem);
    }

    private List<Token> tokenize() {
        List<Token> list = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                list.add(new Token(Kind.OPEN, "(", i++, null));
            } else if (c == ')') {
                list.add(new Token(Kind.CLOSE, ")", i++, null));
            } else if (c == ',') {
                list.add(new Token(Kind.COMMA, ",", i++, null));
            } else if (c == '/') {
                list.add(new Token(Kind.SLASH, "/", i++, null));
            } else if (c == '-') {
                list.add(new Token(Kind.MINUS, "-", i++, null));
            } else if (c == '\'') {
                int start = i;
                StringBuilder s = new StringBuilder();
                i = quoted(i, s);
                list.add(new Token(Kind.STRING, s.toString(), start, null));
            } else if (Character.isDigit(c)) {
                int start = i;
                if (lookingAt(DATE_START, i) || lookingAt(TIME_START, i)) {
                    i = dateTimeEnd(i);
                    // A '+' typed unencoded in a URL arrives as a space.
                    list.add(new Token(Kind.DATETIME, text.substring(start, i).replace(' ', '+'), start, null));
                } else {
                    Matcher m = NUMBER.matcher(text).region(i, n);
                    m.lookingAt();
                    i = m.end();
                    list.add(new Token(Kind.NUMBER, text.substring(start, i), start, null));
                }
            } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || "_.@$".indexOf(text.charAt(i)) >= 0)) i++;
                String word = text.substring(start, i);
                if (i < n && text.charAt(i) == '\'') {
                    StringBuilder s = new StringBuilder();
                    i = quoted(i, s);
                    list.add(new Token(Kind.TYPED, s.toString(), start, word));
                } else {
                    list.add(new Token(Kind.WORD, word, start, null));
                }
            } else {
                throw StaQueryException.at(option, i, new InvalidInput("ogc.sta.filter.character", null, c));
            }
        }
        list.add(new Token(Kind.END, "", n, null));
        return list;
    }

    /** Reads a quoted string starting at {@code i} ('' stands for one quote); returns the index after it. */
    private int quoted(int i, StringBuilder s) {
        int start = i++;
        while (true) {
            if (i >= text.length()) throw StaQueryException.at(option, start, new InvalidInput("ogc.sta.filter.stringNotClosed", null));
            char c = text.charAt(i++);
            if (c != '\'') {
                s.append(c);
            } else if (i < text.length() && text.charAt(i) == '\'') {
                s.append('\'');
                i++;
            } else {
                return i;
            }
        }
    }

    private boolean lookingAt(Pattern pattern, int i) {
        return pattern.matcher(text).region(i, text.length()).lookingAt();
    }

    private int dateTimeEnd(int i) {
        boolean timePart = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == 'T' || c == ':') timePart = true;
            if (Character.isDigit(c) || c == '-' || c == ':' || c == '.' || c == 'T' || c == 'Z' || c == '+') {
                i++;
            } else if (c == ' ' && timePart && lookingAt(TIME_START, i + 1)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
