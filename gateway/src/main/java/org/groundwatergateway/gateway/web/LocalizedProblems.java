package org.groundwatergateway.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.groundwatergateway.core.problem.InvalidInput;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every problem detail the REST API answers has its title in the caller's language — Chinese unless
 * {@code Accept-Language} prefers English — and says which in {@code Content-Language}. The details are written in
 * that language by the handlers that can ({@link RequestExceptionHandler}, share refusals, and whatever is refused from
 * the message catalogues: {@link org.groundwatergateway.core.problem.InvalidInput}, the analytics library's
 * {@link org.groundwatergateway.analytics.InvalidArgument}, the catalogued refusals and a refused sharing policy); the
 * rest (an argument refused with a message of its own, no catalogue's) are English.
 */
@RestControllerAdvice
public class LocalizedProblems implements ResponseBodyAdvice<ProblemDetail> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<Integer, String> TITLES_ZH = Map.ofEntries(Map.entry(400, "请求有误"), Map.entry(401, "未登录"),
            Map.entry(403, "无权限"), Map.entry(404, "未找到"), Map.entry(405, "不支持的方法"), Map.entry(406, "无法按所需类型回答"),
            Map.entry(409, "与现有数据冲突"), Map.entry(413, "请求体过大"), Map.entry(415, "不支持的内容类型"), Map.entry(422, "无法处理"),
            Map.entry(429, "请求过于频繁"), Map.entry(500, "服务器内部错误"), Map.entry(503, "服务暂不可用"));

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return ProblemDetail.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public ProblemDetail beforeBodyWrite(ProblemDetail body, MethodParameter returnType, MediaType contentType,
                                         Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (body == null) return null;
        boolean english = Languages.prefersEnglish(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        if (!english && TITLES_ZH.containsKey(body.getStatus())) body.setTitle(TITLES_ZH.get(body.getStatus()));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, tag(english ? Locale.ENGLISH : Locale.CHINESE));
        return body;
    }

    /** A problem's title for a status in a language, for problem details written outside Spring MVC. */
    public static String title(int status, Locale language) {
        if (language.equals(Locale.CHINESE) && TITLES_ZH.containsKey(status)) return TITLES_ZH.get(status);
        return HttpStatus.valueOf(status).getReasonPhrase();
    }

    /**
     * Writes a refusal as problem details in the caller's language, for the filters and handlers that answer before
     * Spring MVC does (sign-in, permissions, rate limits, unreadable parameters, the audit log away); headers such as
     * {@code Retry-After} are the caller's to set.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, InvalidInput refusal) throws IOException {
        Locale language = Languages.of(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status, language));
        problem.put("status", status);
        problem.put("detail", refusal.message(language));
        if (refusal.field() != null) problem.put("field", refusal.field());
        problem.put("instance", request.getRequestURI());
        byte[] body = JSON.writeValueAsBytes(problem);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_LANGUAGE, tag(language));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The Content-Language of an answer in a language of {@link Languages#of}. */
    public static String tag(Locale language) {
        return language.equals(Locale.ENGLISH) ? "en" : "zh-CN";
    }
}
