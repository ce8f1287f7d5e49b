package io.procoresetup.ui;

import io.procoresetup.failure.Category;
import io.procoresetup.failure.HarnessFailure;

import java.util.List;

/**
 * "Install Custom App": the App Version ID, Install; then a confirmation naming the app and the permissions
 * its manifest asks for, Install again; then the optional configuration, Skip.
 */
public final class InstallAppDialog {
    static final Locator VERSION_ID = UI.field("App Version ID");
    static final Locator INSTALL = UI.button("Install").within(UI.dialog());
    static final Locator CANCEL = UI.button("Cancel").within(UI.dialog());
    static final Locator ERROR = UI.alert().within(UI.dialog());
    /** The confirmation's heading, "Install <app>": any heading in the dialog that starts so, but the first step's own. */
    static final Locator CONFIRMATION = new Locator("the confirmation \"Install <app>\"", UI.dialog().xpath()
            + "//*[self::h1 or self::h2 or self::h3][starts-with(normalize-space(), 'Install ')][normalize-space()!='Install Custom App']");
    static final Locator ASKED = new Locator("the permissions the app asks for", UI.dialog().xpath() + "//li[normalize-space()]");
    static final Locator CONFIGURATION = UI.heading("App Configuration");
    static final Locator SKIP = UI.button("Skip");
    static final PageSpec SPEC = PageSpec.overlay("InstallAppDialog").landmarks(VERSION_ID, INSTALL);

    private final Browser browser;

    InstallAppDialog(Browser browser) {
        this.browser = browser;
        browser.expect(SPEC);
    }

    /** What the confirmation shows before anything is installed: the app's name and what its manifest asks for. */
    public record Confirmation(String appName, List<String> permissions) {}

    /**
     * Types the App Version ID and clicks Install; the confirmation is shown, nothing is installed yet. A
     * wrong ID gets Procore's inline error, which this reports as bad input (nothing was installed).
     */
    public Confirmation lookUp(String versionId) {
        browser.type(SPEC, VERSION_ID, versionId);
        browser.click(SPEC, INSTALL);
        if (browser.awaitOne(SPEC, false, CONFIRMATION, ERROR) == 1) {
            String said = browser.text(SPEC, ERROR);
            throw new HarnessFailure(Category.BAD_INPUT, "Procore does not take App Version ID " + versionId + ": \"" + said
                    + "\"; nothing was installed. Check the ID with the app's developer");
        }
        String heading = browser.text(SPEC, CONFIRMATION);
        List<String> asked = browser.all(ASKED).stream().map(e -> e.getText().strip()).filter(t -> !t.isEmpty()).toList();
        return new Confirmation(heading.substring("Install ".length()).strip(), asked);
    }

    /** Install again on the confirmation, then Skip the optional configuration: back on App Management. */
    public AppManagementPage install() {
        browser.click(SPEC, INSTALL);
        browser.awaitOne(SPEC, false, CONFIGURATION);
        browser.markPage();
        browser.click(SPEC, SKIP);
        browser.awaitNewPage();
        return new AppManagementPage(browser);
    }

    /** Cancel: nothing installed, back on App Management. */
    public AppManagementPage cancel() {
        browser.click(SPEC, CANCEL);
        browser.until("the install dialog to close", browser.timeout(), d -> !browser.visible(VERSION_ID) && !browser.visible(CONFIRMATION));
        return new AppManagementPage(browser);
    }
}
