package io.procoresetup.browser;

import java.time.Duration;

/**
 * How to get a browser: a Selenium Grid when {@code gridUrl} is set, otherwise a local Chromium/Chrome
 * ({@code binary} and {@code driver} when given, else found on PATH).
 */
public record BrowserSettings(boolean headless, String binary, String driver, String gridUrl, Duration timeout) {
    public static BrowserSettings defaults() {
        return new BrowserSettings(true, null, null, null, Duration.ofSeconds(20));
    }

    public BrowserSettings headed(boolean headed) { return new BrowserSettings(!headed, binary, driver, gridUrl, timeout); }

    public BrowserSettings grid(String url) { return new BrowserSettings(headless, binary, driver, url, timeout); }

    public BrowserSettings binaries(String browser, String chromedriver) { return new BrowserSettings(headless, browser, chromedriver, gridUrl, timeout); }

    public BrowserSettings timeout(Duration t) { return new BrowserSettings(headless, binary, driver, gridUrl, t); }
}
