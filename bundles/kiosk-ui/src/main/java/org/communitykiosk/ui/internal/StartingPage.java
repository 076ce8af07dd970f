package org.communitykiosk.ui.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletResponse;

/**
 * What the kiosk's browser gets while the kiosk is still starting. Jetty answers a moment before the home screen can:
 * the Vaadin servlet waits for the store and the plugins. A bare 404 or a redirect loop would leave a browser with no
 * keyboard on an error page for good, so this page says in both languages that the kiosk is starting, and loads the
 * home screen as soon as it answers.
 */
final class StartingPage {

    private final Translations translations;

    StartingPage(Translations translations) {
        this.translations = translations;
    }

    void write(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String chinese = translations.text(Translations.CHINESE, "shell.starting");
        String english = translations.text(Translations.ENGLISH, "shell.starting");
        PrintWriter page = response.getWriter();
        // the poll asks for the home screen itself: once it answers, reloading shows it; a fixed reload interval
        // would either flicker or keep residents waiting up to the interval after the kiosk is ready
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
                <script>
                (function poll(){setTimeout(function(){fetch('%1$s',{cache:'no-store'}).then(function(r){
                if(r.ok){location.replace('%1$s');}else{poll();}},poll);},200);})();
                </script></body></html>
                """.formatted(KioskContext.PATH + "/", escape(chinese), escape(english)));
        page.flush();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
