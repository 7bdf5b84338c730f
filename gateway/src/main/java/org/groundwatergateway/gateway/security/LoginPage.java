package org.groundwatergateway.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page of the authorization server and the portal, in Chinese by default and in English when the browser
 * prefers it or {@code ?lang=en} asks. Spring Security checks the form it posts.
 */
@Controller
public class LoginPage {

    private record Text(String lang, String title, String username, String password, String submit, String bad, String locked,
                        String expired, String loggedOut, String other) {}

    private static final Text ZH = new Text("zh-CN", "化工园区地下水监测平台 · 登录", "账号", "密码", "登录", "账号或密码错误。",
            "多次登录失败，账号已临时锁定，请稍后再试。", "密码已过期，请联系系统管理员重置。", "已退出登录。", "English");
    private static final Text EN = new Text("en", "Groundwater Gateway · Sign in", "Account", "Password", "Sign in", "Wrong account or password.",
            "Too many failed sign-ins: the account is locked for a while.", "The password has expired: ask the system administrator to reset it.",
            "You have signed out.", "中文");

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @io.swagger.v3.oas.annotations.Operation(summary = "The sign-in page of the authorization server (Chinese, or English with lang=en)")
    @ResponseBody
    public String page(HttpServletRequest request, @RequestParam(required = false) String error, @RequestParam(required = false) String lang,
                       @RequestParam(required = false) String logout) {
        Text t = english(request, lang) ? EN : ZH;
        String message = error == null ? logout != null ? t.loggedOut() : null
                : switch (error) {
                    case "locked" -> t.locked();
                    case "expired" -> t.expired();
                    default -> t.bad();
                };
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String other = t == EN ? "zh" : "en";
        return """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;background:#eef3f7;margin:0}
                main{max-width:22rem;margin:12vh auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 12px #0002}
                h1{font-size:1.2rem;margin:0 0 1.5rem}label{display:block;margin:.8rem 0 .3rem}input{width:100%%;box-sizing:border-box;padding:.5rem;font-size:1rem}
                button{margin-top:1.2rem;width:100%%;padding:.6rem;font-size:1rem;background:#1f5f8b;color:#fff;border:0;border-radius:4px}
                .message{color:#a33;margin:0 0 1rem}nav{margin-top:1rem;text-align:right;font-size:.9rem}</style></head>
                <body><main><h1>%s</h1>%s
                <form method="post" action="login">
                <label for="username">%s</label><input id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                %s<button type="submit">%s</button></form>
                <nav><a href="login?lang=%s">%s</a></nav></main></body></html>
                """.formatted(t.lang(), t.title(), t.title(), message == null ? "" : "<p class=\"message\" role=\"alert\">" + message + "</p>",
                t.username(), t.password(),
                csrf == null ? "" : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
                        + HtmlUtils.htmlEscape(csrf.getToken()) + "\">",
                t.submit(), other, t.other());
    }

    private static boolean english(HttpServletRequest request, String lang) {
        if (lang != null) return lang.toLowerCase(Locale.ROOT).startsWith("en");
        String accept = request.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("en");
    }
}
