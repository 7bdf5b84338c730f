package org.groundwatergateway.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.groundwatergateway.analytics.InvalidArgument;
import org.groundwatergateway.analytics.Progress;
import org.groundwatergateway.core.drill.DrillService;
import org.groundwatergateway.core.emergency.IncidentService;
import org.groundwatergateway.core.problem.CataloguedRefusal;
import org.groundwatergateway.core.problem.InvalidInput;
import org.groundwatergateway.core.storage.DatabaseUnavailable;
import org.groundwatergateway.core.storage.StatementWatch;
import org.groundwatergateway.core.storage.StorageException;
import org.groundwatergateway.gateway.policy.PolicyController;
import org.groundwatergateway.gateway.security.FirstAccounts;
import org.groundwatergateway.ingest.device.DeviceRegistration;
import org.groundwatergateway.policies.audit.AuditLog;
import org.groundwatergateway.policies.disclosed.DisclosedRecords;
import org.groundwatergateway.policies.identity.Accounts;
import org.groundwatergateway.policies.sharing.InvalidPolicy;
import org.groundwatergateway.policies.sharing.ShareRefusal;
import org.groundwatergateway.policies.sharing.SharingPolicies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns domain errors into RFC 9457 problem details that say what was wrong, never a stack trace. Consulted before
 * {@link UnhandledProblems}, which answers whatever is left.
 */
@Order(0)
@RestControllerAdvice(basePackages = "org.groundwatergateway.gateway")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Every problem of a refused policy document, each with its field (a JSON pointer) and reason, in {@code errors};
     * in the caller's language.
     */
    @ExceptionHandler(InvalidPolicy.class)
    ProblemDetail invalidPolicy(InvalidPolicy e, HttpServletRequest request) {
        log.info("Rejected sharing policy: {}", e.getMessage());
        Locale language = Languages.of(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.detail(language));
        problem.setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "reason", p.reason(language))).toList());
        return problem;
    }

    /**
     * A share request, decision or revocation refused: every problem with its field and reason in {@code errors}, in
     * Chinese unless the caller prefers English (Accept-Language).
     */
    @ExceptionHandler(ShareRefusal.class)
    ProblemDetail shareRefused(ShareRefusal e, HttpServletRequest request, HttpServletResponse response) {
        log.info("Refused share workflow request: {}", e.getMessage());
        boolean english = Languages.prefersEnglish(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.detail(english));
        problem.setProperty("errors", e.problems().stream().map(p -> Map.of("field", p.field(), "reason", english ? p.reason() : p.reasonZh())).toList());
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, english ? "en" : "zh-CN");
        return problem;
    }

    /**
     * Input the caller can correct, or a model parameter the analytics library refused: the detail in the caller's
     * language and the field at fault, where known, in {@code field}.
     */
    @ExceptionHandler(InvalidArgument.class)
    ProblemDetail invalidInput(InvalidArgument e, HttpServletRequest request) {
        log.info("Rejected request: {}", e.getMessage());
        return problem(e, request);
    }

    /** The problem detail of invalid input, also for a body whose binding the domain refused. */
    static ProblemDetail problem(InvalidArgument e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.message(Languages.of(request)));
        if (e instanceof InvalidInput input && input.field() != null) problem.setProperty("field", input.field());
        return problem;
    }

    /** Any other argument refused: its message, in English. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        log.info("Rejected request: {}", e.getMessage());
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** What a request names does not exist: in the caller's language, the field that named it in {@code field}. */
    @ExceptionHandler({NotFoundException.class, IncidentService.NoSuchIncident.class, DrillService.NoSuchDrill.class, SharingPolicies.NoSuchVersion.class,
            DisclosedRecords.NotDisclosed.class})
    ProblemDetail notFound(CataloguedRefusal e, HttpServletRequest request) {
        return refused(e, HttpStatus.NOT_FOUND, request);
    }

    private static ProblemDetail refused(CataloguedRefusal e, HttpStatus status, HttpServletRequest request) {
        ProblemDetail problem = problem(e.problem(), request);
        problem.setStatus(status);
        return problem;
    }

    @ExceptionHandler(Progress.Cancelled.class)
    ProblemDetail cancelled(Progress.Cancelled e, HttpServletRequest request) {
        return RequestExceptionHandler.problem(request, HttpStatus.CONFLICT, e.message(Locale.CHINESE), e.message(Locale.ENGLISH));
    }

    /** The request is understood but not possible in the drill's present state (still replaying, finished already). */
    @ExceptionHandler(DrillService.NotNow.class)
    ProblemDetail notNow(DrillService.NotNow e, HttpServletRequest request) {
        log.info("Refused request: {}", e.getMessage());
        return refused(e, HttpStatus.CONFLICT, request);
    }

    /** Security errors say only what the caller may know, in the caller's language. */
    @ExceptionHandler({FirstAccounts.SetupRefused.class, Accounts.NotYours.class, PolicyController.PolicyApiWithheld.class})
    ProblemDetail forbidden(CataloguedRefusal e, HttpServletRequest request) {
        log.info("Refused: {}", e.getMessage());
        return refused(e, HttpStatus.FORBIDDEN, request);
    }

    /** Nothing is disclosed or done that the audit log cannot record. */
    @ExceptionHandler(AuditLog.Unavailable.class)
    ProblemDetail auditUnavailable(AuditLog.Unavailable e, HttpServletRequest request, HttpServletResponse response) {
        log.error("Refused for want of an audit entry: {}", e.getMessage());
        RetryLater.setHeader(response);
        return RequestExceptionHandler.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "审计日志暂时无法记录此请求，请稍后重试。",
                "The audit log cannot record this request now; try again shortly.");
    }

    /**
     * The database away (stopped, restarting, no connection free within {@code spring.datasource.hikari.connection-timeout}):
     * 503 with Retry-After at once, logged without a stack trace, for it is no fault of the request. Any other storage
     * failure is ours: 500, logged in full.
     */
    @ExceptionHandler({DataAccessException.class, StorageException.class})
    ProblemDetail storageFailed(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        if (StatementWatch.cancelledHere()) {
            // AbandonedRequests stopped it (and logged so): no one waits for this answer.
            log.info("Request {} stopped: its client closed the connection ({})", request.getRequestURI(), e.getMessage());
            return RequestExceptionHandler.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "请求已停止：客户端已关闭连接。",
                    "The request was stopped: its client had closed the connection.");
        }
        if (DatabaseUnavailable.explains(e)) {
            log.warn("Answered {} with 503: the database is unavailable ({})", request.getRequestURI(), e.getMessage());
            RetryLater.setHeader(response);
            return RequestExceptionHandler.problem(request, HttpStatus.SERVICE_UNAVAILABLE, "数据库暂不可用，请在 " + RetryLater.AFTER.toSeconds() + " 秒后重试。",
                    "The database is unavailable; try again in " + RetryLater.AFTER.toSeconds() + " s.");
        }
        log.error("Request {} failed in storage", request.getRequestURI(), e);
        return RequestExceptionHandler.problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "请求未能完成。", "The request could not be completed.");
    }

    /** A device registration refused: in the caller's language, the field at fault in {@code field}. */
    @ExceptionHandler(DeviceRegistration.Refused.class)
    ProblemDetail registrationRefused(DeviceRegistration.Refused e, HttpServletRequest request) {
        log.info("Refused device registration: {}", e.getMessage());
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return refused(e, status, request);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail conflict(DuplicateKeyException e, HttpServletRequest request) {
        log.info("Rejected duplicate: {}", e.getMostSpecificCause().getMessage());
        return RequestExceptionHandler.problem(request, HttpStatus.CONFLICT, "已有代码相同的记录。", "An entity with the same code exists already.");
    }
}
