package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the kiosk's browser gets while the kiosk is still starting. Jetty answers a moment before the home screen can:
 * the Vaadin servlet waits for the store and the plugins. A bare 404 or a redirect loop would leave a browser with no
 * keyboard on an error page for good, so this page says in both languages that the kiosk is starting, and loads the
 * home screen as soon as it answers.
 */
final class StartingPage {

    /** Marks the page's poll, which the home screen's servlet answers with 204 once it runs (else this page). */
    static final String POLL_HEADER = "X-Kiosk-Poll";

    private static final Logger LOG = LoggerFactory.getLogger(StartingPage.class);
    private static final long TOO_LONG_NANOS = 40_000_000_000L;

    private final Translations translations;
    private final String answeredBy;
    private final long since = System.nanoTime();
    private volatile boolean tooLongLogged;

    /**
     * @param answeredBy which of the three ways to the starting page this is (the kiosk context not there yet, no
     *            servlet for the path in it, or Vaadin not started), sent as a header and logged: a start that never
     *            leaves the starting page was seen once and not reproduced, and these tell the next one apart
     */
    StartingPage(Translations translations, String answeredBy) {
        this.translations = translations;
        this.answeredBy = answeredBy;
    }

    void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!tooLongLogged && System.nanoTime() - since > TOO_LONG_NANOS) {
            tooLongLogged = true;
            LOG.warn("the kiosk still answers its starting page ({}) {} s after that page was set up", answeredBy,
                    (System.nanoTime() - since) / 1_000_000_000L);
        }
        // it may answer in the first moment of a start, before the gate and Jetty's customizer are registered
        SecurityHeaders.ensure(request, response);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("X-Kiosk-Starting", answeredBy);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String chinese = translations.text(Translations.CHINESE, "shell.starting");
        String english = translations.text(Translations.ENGLISH, "shell.starting");
        PrintWriter page = response.getWriter();
        // the poll asks the home screen's address: once it answers, loading it shows the home screen; a fixed reload
        // interval would either flicker or keep residents waiting up to the interval after the kiosk is ready. The
        // home screen's servlet holds the poll until Vaadin runs; until that servlet is there (and while Pax Web
        // restarts the context for it) others answer at once, so the page asks again soon: a fetch is cheap
        page.print("""
                <!DOCTYPE html>
                <html lang="zh-CN"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta http-equiv="refresh" content="5;url=%1$s">
                <title>%2$s</title>
                <style>
                body{margin:0;height:100vh;display:flex;flex-direction:column;align-items:center;justify-content:center;
                background:#fff;color:#1a1a1a;font-family:sans-serif}
                p{margin:.4em;text-align:center}#starting-zh{font-size:48px}#starting-en{font-size:32px;color:#333}
                </style></head>
                <body><p id="starting-zh">%2$s</p><p id="starting-en" lang="en">%3$s</p>
                <script nonce="%5$s">
                (function poll(){setTimeout(function(){fetch('%1$s',{cache:'no-store',headers:{'%4$s':'1'}}).then(function(r){
                if(r.ok){location.replace('%1$s');}else{poll();}},poll);},50);})();
                </script></body></html>
                """.formatted(KioskContext.PATH + "/", escape(chinese), escape(english), POLL_HEADER,
                SecurityHeaders.nonce(request)));
        page.flush();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
