package org.groundwatergateway.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.problem.JsonSlips;
import org.groundwatergateway.ingest.bulk.UploadTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Requests that fail before a controller can look at them — a body that is no JSON, a parameter missing or of the
 * wrong type, a content type or method the operation does not take, a multipart body without its boundary — answered
 * as problem details naming what is wrong (the line and column, the parameter, the types taken), in Chinese unless
 * {@code Accept-Language} prefers English, instead of Spring's bare body or {@code For input string: "abc"}. Applies
 * everywhere, since some of these fail before any controller is chosen. Consulted first: a type mismatch caused by a
 * {@link NumberFormatException} would otherwise reach the general {@link IllegalArgumentException} handler.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
public class RequestExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestExceptionHandler.class);

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e, HttpServletRequest request) {
        String reason = e.getMostSpecificCause().getMessage();
        log.info("Rejected multipart request: {}", reason);
        if (e instanceof MaxUploadSizeExceededException) {
            return problem(request, HttpStatus.CONTENT_TOO_LARGE, "multipart 请求体过大：" + reason, "the multipart body is too large: " + reason);
        }
        return problem(request, HttpStatus.BAD_REQUEST, "无法读取 multipart 请求体：" + reason + "（上传请直接以 text/csv 或 application/json 作为请求体）",
                "the multipart body cannot be read: " + reason + " (uploads are sent as the whole body, text/csv or application/json)");
    }

    @ExceptionHandler(UploadTooLarge.class)
    ProblemDetail uploadTooLarge(UploadTooLarge e, HttpServletRequest request) {
        log.info("Refused upload to {} from {}: {}", request.getRequestURI(), request.getRemoteAddr(), e.getMessage());
        boolean bytes = e.limit().equals("bytes");
        String setting = bytes ? "gw.imports.max-bytes" : "gw.imports.max-rows";
        ProblemDetail problem = problem(request, HttpStatus.CONTENT_TOO_LARGE,
                "上传超过每次 " + e.maximum() + (bytes ? " 字节" : " 行") + "的上限（" + setting + "）：已读取 " + e.rowsRead() + " 行，存储 "
                        + e.stored() + " 条读数；请分成几次上传其余部分",
                "the upload goes beyond " + e.maximum() + " " + e.limit() + " per request (" + setting + "): " + e.rowsRead()
                        + " rows were read and " + e.stored() + " readings stored; send the rest in further uploads");
        problem.setProperty("limit", setting);
        problem.setProperty("maximum", e.maximum());
        problem.setProperty("rowsRead", e.rowsRead());
        problem.setProperty("stored", e.stored());
        return problem;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof InvalidArgument refused) {
            log.info("Refused body of {} {}: {}", request.getMethod(), request.getRequestURI(), refused.getMessage());
            return ApiExceptionHandler.problem(refused, request);
        }
        if (cause instanceof IllegalArgumentException refused) {
            // A value the domain refused as the body was bound (a record's own check): its message names the field.
            log.info("Refused body of {} {}: {}", request.getMethod(), request.getRequestURI(), refused.getMessage());
            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        }
        InvalidInput told = told(cause);
        if (told != null) {
            log.info("Rejected unreadable body of {} {}: {}", request.getMethod(), request.getRequestURI(), cause.getMessage());
            return ApiExceptionHandler.problem(told, request);
        }
        String where = "";
        String whereZh = "";
        if (cause instanceof JacksonException json && json.getLocation() != null && json.getLocation() != TokenStreamLocation.NA) {
            TokenStreamLocation at = json.getLocation();
            where = " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            whereZh = "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
        }
        String reason = cause instanceof JacksonException json ? json.getOriginalMessage() : cause.getMessage();
        log.info("Rejected unreadable body of {} {}: {}{}", request.getMethod(), request.getRequestURI(), reason, where);
        if (reason == null || reason.startsWith("Required request body is missing")) {
            return problem(request, HttpStatus.BAD_REQUEST, "缺少请求体", "the request needs a body");
        }
        return problem(request, HttpStatus.BAD_REQUEST, "请求体无法读取" + whereZh + "：" + reason, "the request body cannot be read" + where + ": " + reason);
    }


    /**
     * A body Jackson cannot read, told in the catalogue's words where the slip is a usual one: a value of the wrong kind
     * for a field (named by its path), a stray character, a bare word, a body cut short. Null for anything else, which is
     * told with the parser's own words.
     */
    static InvalidInput told(Throwable cause) {
        if (!(cause instanceof JacksonException json)) return null;
        if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch.getPath());
            Class<?> type = mismatch.getTargetType();
            if (type.isEnum()) {
                return new InvalidInput("gateway.body.oneOf", field, Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
            }
            return switch (kind(type)) {
                case "whole" -> new InvalidInput("gateway.body.wholeNumber", field);
                case "number" -> new InvalidInput("gateway.body.number", field);
                case "boolean" -> new InvalidInput("gateway.body.trueOrFalse", field);
                case "text" -> new InvalidInput("gateway.body.text", field);
                case "list" -> new InvalidInput("gateway.body.list", field);
                case "time" -> new InvalidInput("gateway.body.time", field);
                case "date" -> new InvalidInput("gateway.body.date", field);
                case "duration" -> new InvalidInput("gateway.body.duration", field);
                default -> null;
            };
        }
        TokenStreamLocation at = json.getLocation();
        if (at == null || at == TokenStreamLocation.NA || at.getLineNr() < 1) return null;
        String said = String.valueOf(json.getOriginalMessage());
        Optional<String> character = JsonSlips.strayCharacter(said);
        if (character.isPresent()) return new InvalidInput("gateway.body.character", null, character.get(), at.getLineNr(), at.getColumnNr());
        Optional<String> word = JsonSlips.bareWord(said);
        if (word.isPresent()) return new InvalidInput("gateway.body.bareWord", null, word.get(), at.getLineNr(), at.getColumnNr());
        if (said.startsWith("Unexpected end-of-input")) return new InvalidInput("gateway.body.cutShort", null, at.getLineNr(), at.getColumnNr());
        return null;
    }

    private static String kind(Class<?> type) {
        if (type == long.class || type == Long.class || type == int.class || type == Integer.class || type == short.class || type == Short.class
                || type == java.math.BigInteger.class) {
            return "whole";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == java.math.BigDecimal.class) return "number";
        if (type == boolean.class || type == Boolean.class) return "boolean";
        if (type == String.class) return "text";
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) return "list";
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class || type == java.time.ZonedDateTime.class) return "time";
        if (type == java.time.LocalDate.class) return "date";
        if (type == java.time.Duration.class) return "duration";
        return "";
    }

    /** A field's path as the caller wrote it: {@code particles[2].days}. */
    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName() + "（" + e.getParameterType() + "）",
                e.getParameterName() + ": required (" + e.getParameterType() + ")");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ProblemDetail missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, "缺少请求头 " + e.getHeaderName(), "header " + e.getHeaderName() + ": required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String type = e.getRequiredType() == null ? "value" : switch (e.getRequiredType().getSimpleName()) {
            case "long", "Long", "int", "Integer" -> "whole number";
            case "double", "Double" -> "number";
            case "boolean", "Boolean" -> "true or false";
            default -> e.getRequiredType().getSimpleName();
        };
        String typeZh = switch (type) {
            case "whole number" -> "整数";
            case "number" -> "数值";
            case "true or false" -> "true 或 false";
            default -> type;
        };
        return problem(request, HttpStatus.BAD_REQUEST, e.getName() + "：'" + e.getValue() + "' 不是" + typeZh,
                e.getName() + ": '" + e.getValue() + "' is not a " + type);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String taken = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型 " + e.getContentType() + "；可用：" + taken,
                "Content-Type " + e.getContentType() + " is not taken here; use " + taken);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        String offered = e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining(", "));
        return problem(request, HttpStatus.NOT_ACCEPTABLE, "无法按 Accept 给出的类型回答；可用：" + offered,
                "none of the types in Accept can be answered; available: " + offered);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String allowed = e.getSupportedHttpMethods() == null ? "" : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        return problem(request, HttpStatus.METHOD_NOT_ALLOWED, "不支持 " + e.getMethod() + "；可用：" + allowed,
                e.getMethod() + " is not supported here; use " + allowed);
    }

    /** A problem in the caller's language; {@code Content-Language} says which. */
    static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String zh, String en) {
        boolean english = Languages.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return ProblemDetail.forStatusAndDetail(status, english ? en : zh);
    }
}
