package io.procoresetup.browser;

/**
 * What the screenshot guard needs from a browser: run a script in the page, read the page's source and
 * take the picture. Only {@code evidence.ScreenshotGuard} calls {@link #screenshot()}; every other caller
 * asks the guard (a standards test keeps it that way).
 */
public interface Screen {
    Object script(String js, Object... args);

    /** A script that returns plain values (no elements): the browser may ask it a faster way than {@link #script}. */
    default Object read(String js, Object... args) { return script(js, args); }

    String pageSource();

    byte[] screenshot();
}
