package io.procoresetup.browser;

import io.procoresetup.support.Sim;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.nio.file.Files;
import java.time.Duration;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** A real headless Chromium against the real simulator: log in and open each page of the six steps. */
public class BrowserSmokeTest {
    private Sim sim;
    private BrowserSessions.Session session;
    private WebDriver d;
    private WebDriverWait wait;

    @BeforeClass
    public void start() {
        sim = new Sim();
        session = BrowserSessions.open(BrowserSettings.defaults());
        d = session.driver();
        wait = new WebDriverWait(d, Duration.ofSeconds(20));
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        if (session != null) session.close();
        sim.close();
    }

    private WebElement visible(By by) { return wait.until(ExpectedConditions.visibilityOfElementLocated(by)); }

    private void click(By by) { wait.until(ExpectedConditions.elementToBeClickable(by)).click(); }

    private static By text(String tag, String text) { return By.xpath("//" + tag + "[normalize-space()='" + text + "']"); }

    @Test
    public void logsInAndOpensEveryPageOfTheSixSteps() {
        long cid = sim.freshCompany(5, 0, 0, 0);
        d.get(sim.url() + "/login");
        visible(By.xpath("//label[normalize-space()='Email']/following::input[1]")).sendKeys("admin@example.com");
        d.findElement(By.xpath("//label[normalize-space()='Password']/following::input[1]")).sendKeys("procore-sim");
        click(text("button", "Log In"));
        visible(By.xpath("//header[contains(., 'Granite Ridge Construction')]"));
        assertTrue(d.getCurrentUrl().endsWith("/" + cid + "/company/home/list"));

        click(By.xpath("//header//button[normalize-space()='AA']"));                       // step 1: initials menu
        click(text("a", "Account & Admin Settings"));
        visible(text("h1", "Account & Admin Settings"));

        click(By.xpath("//nav[@aria-label='Company Settings']//a[normalize-space()='Service Accounts']"));   // step 2
        visible(text("h1", "Service Accounts"));

        click(By.xpath("//*[self::a or self::button][normalize-space()='New']"));           // step 3
        visible(By.xpath("//label[normalize-space()='Name']/following::input[1]")).sendKeys("laborchart-integration");
        click(text("button", "Create"));

        WebElement secret = visible(By.xpath("//dt[normalize-space()='Client Secret']/following-sibling::dd[1]"));   // step 4
        String expected = sim.accounts(cid).get(0).get("clientSecret").asText();
        assertEquals(secret.getText(), expected);

        click(By.xpath("//header//button[contains(normalize-space(), 'Company Tools')]"));   // step 5
        click(text("a", "Directory"));
        visible(text("h1", "Directory"));
        click(By.xpath("//tr[td[normalize-space()='laborchart-integration-Granite Ridge Construction']]//a[normalize-space()='Edit']"));
        click(By.xpath("//thead//button[normalize-space()='Standard']"));
        WebElement box = d.findElement(By.xpath("//label[starts-with(normalize-space(), 'Add ') and contains(., 'to all new projects')]/input"));
        if (!box.isSelected()) box.click();
        click(text("button", "Save"));
        visible(By.xpath("//*[@role='alert'][contains(., 'successfully updated')]"));

        click(text("button", "Add All"));                                                    // step 6
        wait.until(ExpectedConditions.attributeToBe(By.xpath("//*[@role='progressbar']"), "aria-valuenow", "100"));
        visible(By.xpath("//dialog//button[normalize-space()='OK']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//dialog[@open]")));
        visible(By.xpath("//h2[contains(., 'Does Not Belong To')][contains(., '(0)')]"));
        assertEquals(sim.accounts(cid).get(0).get("projectIds").size(), 5);
        assertFalse(d.getPageSource().contains(expected), "the secret is gone from later pages");
    }

    @Test
    public void profileIsDeletedWhenTheSessionCloses() {
        BrowserSessions.Session other = BrowserSessions.open(BrowserSettings.defaults());
        assertTrue(Files.isDirectory(other.profile()));
        other.close();
        assertFalse(Files.exists(other.profile()));
    }

    @Test
    public void aClosedSessionLeavesNoChromiumFolderBehind() throws java.io.IOException {
        BrowserSessions.Session own = BrowserSessions.open(BrowserSettings.defaults());
        java.nio.file.Path link = own.profile().resolve("SingletonSocket");
        assertTrue(Files.isSymbolicLink(link), "Chromium made its single-instance socket: " + link);
        java.nio.file.Path socketDir = Files.readSymbolicLink(link).getParent();
        assertTrue(socketDir.getFileName().toString().startsWith("org.chromium.Chromium."), socketDir.toString());
        assertTrue(socketDir.startsWith(own.profile()), "kept inside the session's profile, not in /tmp: " + socketDir);
        own.close();
        assertFalse(Files.exists(socketDir), "left behind: " + socketDir);
        assertFalse(Files.exists(own.profile()), "left behind: " + own.profile());
    }
}
