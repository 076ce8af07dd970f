package org.communitykiosk.itests;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One kiosk screen: Debian's headless Chromium driven through chromedriver, as a fresh browser (own profile, so its own
 * session) per test.
 */
final class KioskBrowser implements AutoCloseable {

    final ChromeDriver driver;
    /** Where this browser saves downloads (its own folder, so a test can see that nothing landed there). */
    final java.nio.file.Path downloads;
    private final WebDriverWait wait;
    /** The kiosk's page for a path: the browser tests' shared kiosk, or a kiosk of a test's own. */
    private final java.util.function.UnaryOperator<String> urls;

    KioskBrowser() {
        this(KioskServer::url, List.of());
    }

    /** A browser on a kiosk of the test's own (for example one started with other settings). */
    KioskBrowser(KioskProcess kiosk) {
        this(kiosk::url, List.of());
    }

    /**
     * A browser with more command-line switches, for example a tablet's that trusts the kiosk's certificate
     * ({@code --ignore-certificate-errors-spki-list=<its key's hash>}). Its console messages are kept ({@link #console}).
     */
    KioskBrowser(List<String> arguments) {
        this(KioskServer::url, arguments);
    }

    private KioskBrowser(java.util.function.UnaryOperator<String> urls, List<String> arguments) {
        this.urls = urls;
        try {
            downloads = java.nio.file.Files.createTempDirectory("kiosk-downloads");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.addArguments(arguments);
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    KioskBrowser open(String path) {
        driver.get(urls.apply(path));
        return this;
    }

    WebElement find(String cssSelector) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    List<WebElement> all(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector));
    }

    boolean present(String cssSelector) {
        return !driver.findElements(By.cssSelector(cssSelector)).isEmpty();
    }

    void gone(String cssSelector) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    void click(String cssSelector) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).click();
    }

    /** The element's text, read again if a push replaced the element in between. */
    String text(String cssSelector) {
        String[] text = new String[1];
        waitUntil(d -> {
            text[0] = find(cssSelector).getText();
            return true;
        }, Duration.ofSeconds(10));
        return text[0];
    }

    /**
     * Waits for an element whose id starts with {@code idPrefix} in a row (its parent) showing {@code rowText}, and
     * returns the rest of its id: the record's id a screen puts into its buttons' ids.
     */
    String idInRow(String idPrefix, String rowText, Duration timeout) {
        String[] id = new String[1];
        waitUntil(d -> {
            id[0] = all("[id^=" + idPrefix + "]").stream()
                    .filter(e -> e.findElement(By.xpath("..")).getText().contains(rowText)).findFirst()
                    .map(e -> e.getAttribute("id").substring(idPrefix.length())).orElse(null);
            return id[0] != null;
        }, timeout);
        return id[0];
    }

    void waitForText(String cssSelector, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), text));
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition, Duration timeout) {
        // a push can replace an element between finding it and reading it: look again rather than fail
        new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /**
     * Touches the home screen where nothing reacts (its greeting), as a resident looking at it does: the page reports
     * the touch (at most every 5 s), which keeps the session open past the idle timeout. True, to use in a wait's
     * condition.
     */
    boolean touch() {
        find("#home-greeting").click();
        return true;
    }

    /** Types into a Vaadin field (its input or textarea lives in the light DOM). */
    void type(String fieldSelector, String text) {
        WebElement field = find(fieldSelector);
        List<WebElement> inputs = field.findElements(By.cssSelector("input, textarea"));
        WebElement input = inputs.isEmpty() ? field : inputs.get(0);
        input.clear();
        input.sendKeys(text);
    }

    /** What a keyboard-wedge card reader does: the digits within milliseconds, then Enter, to whatever has focus. */
    void tapCard(String token) {
        // as a keyboard-wedge reader types: every key within a few milliseconds, then Enter. The page sends them in one
        // go: Selenium's keys, one round trip each, came more than the reader check's 100 ms apart on a busy machine
        script("const target = document.activeElement || document.body;"
                + "for (const key of [...arguments[0], 'Enter']) {"
                + "  target.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true,"
                + "      composed: true}));"
                + "}", token);
    }

    /** Chooses the n-th item (1-based) of a vaadin-select: the client side keys items "1", "2", ... */
    void choose(String selectSelector, int item) {
        script("arguments[0].value = arguments[1]", find(selectSelector), String.valueOf(item));
    }

    /**
     * Chooses the item of a vaadin-select whose label contains the text, as a person reads it. The keys the client
     * side gives items ("1", "2", ...) go on counting each time a screen refills its list, so a position is only right
     * on a screen that filled the list once.
     */
    void chooseText(String selectSelector, String text) {
        WebElement select = find(selectSelector);
        // the list is rendered into the overlay only while it is open
        waitUntil(d -> Boolean.TRUE.equals(script("const select = arguments[0], text = arguments[1];"
                + "select.opened = true;"
                + "const overlay = select._overlayElement;"
                + "const items = overlay ? [...overlay.querySelectorAll('vaadin-select-item, vaadin-item')] : [];"
                + "const item = items.find(i => (i.getAttribute('label') || i.textContent).includes(text));"
                + "if (!item) return false;"
                + "const key = item.getAttribute('value');"
                + "select.value = key;"
                + "select.opened = false;"
                + "return select.value === key;", select, text)), Duration.ofSeconds(10));
    }

    /** Staff sign-in through the kiosk's own screen (Karaf JAAS realm). */
    void signInStaff(String user, String password) {
        open("staff").find("#staff-user");
        type("#staff-user", user);
        type("#staff-password", password);
        click("#staff-submit");
        find("#session-name");
    }

    /**
     * Enters a resident's PIN on the step-up dialog (spending or giving points, confirming hours as the person
     * served, opening blood-pressure history) and confirms.
     */
    void enterPin(String pin) {
        find("#pin-dialog");
        for (char digit : pin.toCharArray()) {
            click("#pin-dialog-key-" + digit);
        }
        click("#pin-dialog-submit");
    }

    /** A blood-pressure reading typed on the measuring screen's keypad, field by field, and saved. */
    void enterReading(String systolic, String diastolic) {
        click("#bp-manual-open");
        click("#bp-manual-systolic");
        for (char key : systolic.toCharArray()) {
            click("#bp-key-" + key);
        }
        click("#bp-manual-diastolic");
        for (char key : diastolic.toCharArray()) {
            click("#bp-key-" + key);
        }
        click("#bp-manual-save");
    }

    /** As staff on the love market's stock screen: a new item, and a donation of it into stock. */
    void stockItem(String item, String quantity) {
        open("lovemarket/stock").find("#lm-item-form");
        type("#lm-item-name", item);
        type("#lm-item-category", "日用品");
        type("#lm-item-price", "10");
        click("#lm-item-save");
        waitForText("#lovemarket-stock", item);
        chooseText("#lm-intake-item", item);
        type("#lm-intake-donor", "爱心企业");
        type("#lm-intake-qty", quantity);
        click("#lm-intake-save");
    }

    /** Chooses a file in a vaadin-upload (its file input lives in the shadow root). */
    void upload(String uploadSelector, java.nio.file.Path file) {
        WebElement upload = find(uploadSelector);
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    /** The console messages since the last call (Content-Security-Policy violations are reported there). */
    List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> box(WebElement element) {
        return (Map<String, Object>) script("const r = arguments[0].getBoundingClientRect();"
                + "return {width: r.width, height: r.height};", element);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
