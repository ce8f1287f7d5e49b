package io.procoresetup.ui;

import org.openqa.selenium.By;

/** Something a person can point at on the page, described in their words, found by XPath. */
public record Locator(String description, String xpath) {
    /** The same thing, but only inside {@code scope}. */
    public Locator within(Locator scope) {
        return new Locator(description + " in " + scope.description, scope.xpath + xpath);
    }

    public By by() { return By.xpath(xpath); }

    @Override
    public String toString() { return description; }
}
