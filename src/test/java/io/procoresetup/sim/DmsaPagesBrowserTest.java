package io.procoresetup.sim;

import io.procoresetup.browser.BrowserSessions;
import io.procoresetup.browser.BrowserSettings;
import io.procoresetup.support.Sim;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A real headless Chromium walks the DMSA route on both UIs the way a person reads it: App Management, Install App >
 * Install Custom App, a wrong ID refused inline, Install, Install again (the manifest's permissions), Skip; View >
 * Permissions > Projects > Select All > Add for 2,500 projects; the app's Directory user with its box; Uninstall and
 * Reinstall. Locators use only what a person sees (text, labels, roles), so they hold on both template sets.
 */
public class DmsaPagesBrowserTest {
    private static final int PROJECTS = 2500;
    private Sim sim;
    private BrowserSessions.Session session;
    private WebDriver d;
    private WebDriverWait wait;

    @BeforeClass
    public void start() {
        sim = new Sim();
        session = BrowserSessions.open(BrowserSettings.defaults());
        d = session.driver();
        wait = new WebDriverWait(d, Duration.ofSeconds(30));
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (session != null) session.close();
        sim.close();
    }

    @DataProvider
    public Object[][] uis() { return new Object[][]{{"classic"}, {"current"}}; }

    private WebElement visible(String xpath) { return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(xpath))); }

    /** Clicks as the harness does: the element centred first, so a sticky footer cannot cover it. */
    private void click(String xpath) { click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath(xpath)))); }

    private void click(WebElement e) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    /** An input by the label a person reads: wrapping it (current UI) or pointing at it (classic UI). */
    private static String field(String label) {
        return "(//label[normalize-space()='" + label + "']//input | //label[normalize-space()='" + label + "'][not(.//input)]/following::input[1])[1]";
    }

    private static String dialog() { return "//*[self::dialog[@open] or @role='dialog']"; }

    private static String row(String text) {
        return "//*[self::tr or @role='row'][.//*[normalize-space()='" + text + "']]";
    }

    private static String banner(String text) { return "//*[@role='alert' or @role='status'][contains(normalize-space(), \"" + text + "\")]"; }

    private String appState(long cid) { return sim.controlGet("/companies/" + cid + "/app").get("state").asText(); }

    private void logIn() {
        d.manage().deleteAllCookies();
        d.get(sim.url() + "/login");
        visible(field("Email")).sendKeys("admin@example.com");
        d.findElement(By.xpath(field("Password"))).sendKeys("procore-sim");
        click("//button[normalize-space()='Log In']");
        wait.until(ExpectedConditions.urlContains("/home/list"));
    }

    private void typeVersionId(String id) {
        String label = "//label[normalize-space()='App Version ID']";
        WebElement input = visible("(" + dialog() + label + "//input | " + dialog() + label + "[not(.//input)]/following::input[1])[1]");
        input.clear();
        input.sendKeys(id);
        click(dialog() + "//button[normalize-space()='Install']");
    }

    @Test(dataProvider = "uis")
    public void aPersonInstallsTheAppPermitsAllProjectsAndTicksTheBox(String ui) {
        sim.control("/config", Map.of("ui", ui));
        long cid = sim.freshCompany(PROJECTS, 0, 0, 0);
        logIn();

        d.get(sim.url() + "/" + cid + "/company/admin");
        click("//*[(self::nav or @role='navigation') and @aria-label='Company Settings']//a[normalize-space()='App Management']");
        visible("//*[@role='tab'][@aria-selected='true'][normalize-space()='Installed Apps']");
        visible("//*[@role='tab'][normalize-space()='Uninstalled Apps']");
        visible("//*[normalize-space()='No apps are installed.']");

        click("//button[normalize-space()='Install App']");
        click("//*[@role='menu']//*[@role='menuitem'][normalize-space()='Install Custom App']");
        typeVersionId("not-a-version-id");
        assertTrue(visible(dialog() + "//*[@role='alert']").getText().contains("36 characters"), "malformed: inline error");
        typeVersionId("00000000-0000-4000-8000-000000000000");
        assertTrue(visible(dialog() + "//*[@role='alert'][contains(., 'No app matches')]").isDisplayed(), "unknown: inline error");
        assertEquals(appState(cid), "absent", "a wrong ID installs nothing");

        typeVersionId(SimServer.APP_VERSION_ID);
        visible(dialog() + "//h2[normalize-space()='Install LaborChart Sync']");
        List<String> asked = new ArrayList<>();
        for (WebElement li : d.findElements(By.xpath(dialog() + "//li"))) asked.add(li.getText().strip());
        List<String> manifest = new ArrayList<>();
        SimServer.APP_PERMISSIONS.forEach((tool, level) -> manifest.add(tool + ": " + level));
        assertEquals(asked, manifest, "the confirmation lists what the manifest asks for");
        assertEquals(appState(cid), "absent", "not installed before the second Install");
        click(dialog() + "//button[normalize-space()='Install']");
        visible(dialog() + "//h2[normalize-space()='App Configuration']");
        click(dialog() + "//*[(self::a or self::button) and normalize-space()='Skip']");
        visible(banner("LaborChart Sync was installed."));
        assertEquals(appState(cid), "installed");

        click(row("LaborChart Sync") + "//a[normalize-space()='View']");
        visible("//h1[normalize-space()='LaborChart Sync']");
        click("//*[@role='tab'][normalize-space()='Permissions']");
        visible("//h2[normalize-space()='Permitted Projects (0)']");
        click("//button[normalize-space()='Projects']");
        click("//label[normalize-space()='Select All']//input");
        click("//button[normalize-space()='Add']");
        visible(banner("2,500 projects were added to Permitted Projects."));
        visible("//h2[normalize-space()='Permitted Projects (2500)']");
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("permittedProjectIds").size(), PROJECTS, "all 2,500 in one go");

        d.get(sim.url() + "/" + cid + "/company/directory");
        String name = sim.controlGet("/companies/" + cid + "/app").get("directoryName").asText();
        click(row(name) + "//a[normalize-space()='Edit']");
        visible("//h1[normalize-space()='Edit " + name + "']");
        SimServer.APP_PERMISSIONS.forEach((tool, level) -> assertEquals(
                d.findElement(By.xpath("//*[self::tr or @role='row'][*[normalize-space()='" + tool + "']]/*[2]")).getText().strip(), level, tool));
        WebElement box = d.findElement(By.xpath("//label[normalize-space()='Add " + name + " to all new projects in Granite Ridge Construction']//input"));
        if (!box.isSelected()) click(box);
        click("//button[normalize-space()='Save']");
        visible(banner("successfully updated"));
        assertTrue(sim.controlGet("/companies/" + cid + "/app").get("addToNewProjects").asBoolean());
    }

    @Test(dataProvider = "uis")
    public void uninstallMovesTheAppToUninstalledAppsAndReinstallBringsItBackWithoutProjects(String ui) {
        sim.control("/config", Map.of("ui", ui));
        long cid = sim.freshCompany(6, 0, 0, 0);
        sim.control("/companies/" + cid + "/app", Map.of("state", "installed", "permittedProjects", 6));
        logIn();
        d.get(sim.url() + "/" + cid + "/company/app_management");
        click(row("LaborChart Sync") + "//a[normalize-space()='View']");
        click("//button[normalize-space()='Uninstall']");
        click(dialog() + "//button[normalize-space()='Uninstall']");
        visible(banner("LaborChart Sync was uninstalled."));
        visible("//*[@role='tab'][@aria-selected='true'][normalize-space()='Uninstalled Apps']");
        assertEquals(appState(cid), "uninstalled");
        click(row("LaborChart Sync") + "//button[normalize-space()='Reinstall']");
        visible(banner("LaborChart Sync was reinstalled."));
        assertEquals(appState(cid), "installed");
        assertEquals(sim.controlGet("/companies/" + cid + "/app").get("permittedProjectIds").size(), 0, "reinstall resets permitted projects");
    }

    @Test(dataProvider = "uis")
    public void aVariantWithoutAppManagementInTheMenuShowsNone(String ui) {
        sim.control("/config", Map.of("ui", ui));
        long cid = sim.freshCompany(2, 0, 0, 0);
        sim.control("/variants", Map.of("appManagementMissing", true));
        logIn();
        d.get(sim.url() + "/" + cid + "/company/admin");
        visible("//*[(self::nav or @role='navigation') and @aria-label='Company Settings']//a[normalize-space()='Service Accounts']");
        assertTrue(d.findElements(By.xpath("//a[normalize-space()='App Management']")).isEmpty(), "the landmark is gone");
        sim.control("/variants", Map.of());
    }
}
