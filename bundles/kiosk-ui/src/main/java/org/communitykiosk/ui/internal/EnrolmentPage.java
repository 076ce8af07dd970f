package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.communitykiosk.api.Problem;

/**
 * The one page a browser on the LAN gets until it is enrolled: what this is, a field for the pairing code, why the
 * last try was refused, and the kiosk's certificate to install. Plain HTML from the server (no script, no Vaadin: an
 * unenrolled browser gets nothing of the UI), in large type with big targets, in Chinese or English.
 */
final class EnrolmentPage {

    static final String PATH = KioskContext.PATH + "/enrol";
    static final String AUTHORITY_PATH = PATH + "/kiosk-ca.crt";

    private final Translations translations;

    EnrolmentPage(Translations translations) {
        this.translations = translations;
    }

    /**
     * @param status 200 for the page itself, 403 for anything else asked, 400 for a refused code, 429 while guesses
     *        are throttled
     * @param problem why the last code or the presented credential was refused, or {@code null}
     * @param typed the code to show in the field (digits only), or {@code null}
     * @param withAuthority whether the kiosk's own certificate authority can be downloaded
     */
    void write(HttpServletRequest request, HttpServletResponse response, int status, Locale locale, Problem problem,
            String typed, boolean withAuthority) throws IOException {
        SecurityHeaders.enrolmentPage(request, response);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Locale language = Translations.supported(locale);
        boolean english = language.equals(Translations.ENGLISH);
        String tag = english ? "en" : "zh-CN";
        String other = english ? "zh-CN" : "en";
        StringBuilder page = new StringBuilder(4096);
        page.append("<!DOCTYPE html>\n<html lang=\"").append(tag).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(text(language, "enrol.title")).append("</title>")
                .append("<style nonce=\"").append(SecurityHeaders.nonce(request)).append("\">").append(STYLE)
                .append("</style></head><body><main>")
                .append("<h1 id=\"enrol-title\">").append(text(language, "enrol.title")).append("</h1>");
        if (problem != null) {
            page.append("<p id=\"enrol-problem\" role=\"alert\" data-problem=\"").append(escape(problem.key()))
                    .append("\">").append(escape(translations.text(language, problem.key(),
                            problem.args().toArray()))).append("</p>");
        }
        page.append("<p id=\"enrol-explain\">").append(text(language, "enrol.explain")).append("</p>")
                .append("<form id=\"enrol-form\" method=\"post\" action=\"").append(PATH).append("?lang=")
                .append(tag).append("\" autocomplete=\"off\">")
                .append("<label for=\"enrol-code\">").append(text(language, "enrol.code")).append("</label>")
                .append("<input id=\"enrol-code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\"")
                .append(" maxlength=\"20\" required autofocus");
        if (typed != null && !typed.isEmpty()) {
            page.append(" value=\"").append(escape(typed)).append('"');
        }
        page.append("><button id=\"enrol-submit\" type=\"submit\">").append(text(language, "enrol.submit"))
                .append("</button></form>");
        page.append("<p id=\"enrol-certificate-help\">").append(text(language, "enrol.certificate"));
        if (withAuthority) {
            page.append(" <a id=\"enrol-certificate\" href=\"").append(AUTHORITY_PATH).append("\" download>")
                    .append(text(language, "enrol.certificate.link")).append("</a>");
        }
        page.append("</p><p><a id=\"enrol-language\" href=\"").append(PATH).append("?lang=").append(other)
                .append("\" lang=\"").append(other).append("\">").append(text(language, "enrol.other"))
                .append("</a></p></main></body></html>\n");
        PrintWriter out = response.getWriter();
        out.print(page);
        out.flush();
    }

    /** The language asked for by {@code ?lang=}, else the browser's first of the two, else the kiosk's. */
    static Locale language(HttpServletRequest request, Locale kioskDefault) {
        String asked = request.getParameter("lang");
        if (asked != null) {
            return asked.toLowerCase(Locale.ROOT).startsWith("en") ? Translations.ENGLISH : Translations.CHINESE;
        }
        // without the header the container answers its own default locale: not the browser's wish
        if (request.getHeader("Accept-Language") != null) {
            for (Locale browser : java.util.Collections.list(request.getLocales())) {
                if (List.of("zh", "en").contains(browser.getLanguage())) {
                    return Translations.supported(browser);
                }
            }
        }
        return Translations.supported(kioskDefault);
    }

    private String text(Locale locale, String key) {
        return escape(translations.text(locale, key));
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    // large type and targets (age-friendly: 20 px text and more, 64 px controls), 4.5:1 contrast or better
    private static final String STYLE = "body{margin:0;background:#fff;color:#1a1a1a;font-family:sans-serif;"
            + "font-size:24px;line-height:1.5}main{max-width:760px;margin:0 auto;padding:32px 24px}"
            + "h1{font-size:40px;margin:0 0 24px}#enrol-problem{font-weight:700;color:#a4000f;border:3px solid #a4000f;"
            + "border-radius:8px;padding:12px 16px}label{display:block;font-weight:700;margin:24px 0 8px}"
            + "input{box-sizing:border-box;width:100%;min-height:72px;font-size:40px;letter-spacing:.15em;"
            + "padding:8px 16px;border:3px solid #1a1a1a;border-radius:8px}"
            + "button{margin-top:24px;min-height:72px;min-width:240px;font-size:30px;font-weight:700;color:#fff;"
            + "background:#0b57d0;border:0;border-radius:8px;padding:0 32px}"
            + "a{color:#0b57d0;display:inline-block;min-height:48px;padding:8px 0}#enrol-certificate-help{font-size:20px}";
}
