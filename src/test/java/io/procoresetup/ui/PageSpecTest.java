package io.procoresetup.ui;

import org.testng.annotations.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;

/** Each page declares its name and landmarks once, in its spec; the page expects them and the inventory checks them from there. */
public class PageSpecTest {
    private static final List<Class<?>> PAGE_OBJECTS = List.of(LoginPage.class, HomePage.class, AppHeader.class, AdminSettingsPage.class,
            ServiceAccountsPage.class, NewServiceAccountPage.class, ServiceAccountPage.class, DirectoryPage.class, EditUserPage.class,
            PermissionMatrix.class, ProjectSettings.class, AddAllPanel.class, ProjectsPage.class);

    @Test
    public void theInventoryChecksExactlyEachSpecsLandmarksAndUses() {
        assertEquals(new ArrayList<>(Inventory.PAGES.keySet()), Inventory.SPECS.stream().map(PageSpec::name).toList(),
                "the inventory's pages are its specs, in the order it walks them");
        for (PageSpec spec : Inventory.SPECS) {
            List<Locator> checked = Inventory.PAGES.get(spec.name());
            assertEquals(checked, spec.checks(), spec.name());
            Set<Locator> declared = new HashSet<>(spec.landmarks());
            declared.addAll(spec.uses());
            assertEquals(new HashSet<>(checked), declared, spec.name() + ": landmarks + uses, nothing else");
            assertEquals(checked.size(), spec.landmarks().size() + spec.uses().size(), spec.name() + ": each once");
            assertFalse(checked.isEmpty(), spec.name() + " checks something");
        }
    }

    @Test
    public void theDriftTableNamesTheSameElementsAsBefore() throws IOException {
        List<String> now = new ArrayList<>();
        Inventory.PAGES.forEach((page, ls) -> ls.forEach(l -> now.add(page + "\t" + l.description() + "\t" + l.xpath())));
        try (InputStream in = getClass().getResourceAsStream("inventory-pages.tsv")) {
            assertNotNull(in, "the recorded drift table items");
            List<String> recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            assertEquals(now, recorded, "page, element and XPath of every drift table item, in order");
        }
    }

    @Test
    public void pagesExpectTheLandmarksTheyExpectedBefore() {
        Map<PageSpec, List<Locator>> before = new LinkedHashMap<>();
        before.put(LoginPage.SPEC, List.of(LoginPage.EMAIL));
        before.put(HomePage.SPEC, List.of(AppHeader.HEADER, AppHeader.INITIALS, AppHeader.COMPANY_TOOLS));
        before.put(AdminSettingsPage.SPEC, List.of(AdminSettingsPage.HEADING, AdminSettingsPage.MENU));
        before.put(ServiceAccountsPage.SPEC, List.of(ServiceAccountsPage.HEADING, ServiceAccountsPage.NEW));
        before.put(NewServiceAccountPage.SPEC, List.of(NewServiceAccountPage.NAME, NewServiceAccountPage.CREATE));
        before.put(ServiceAccountPage.SPEC, List.of(ServiceAccountPage.CLIENT_ID, ServiceAccountPage.CLIENT_SECRET));
        before.put(DirectoryPage.SPEC, List.of(DirectoryPage.HEADING));
        before.put(EditUserPage.SPEC, List.of(PermissionMatrix.STANDARD, ProjectSettings.SECTION, EditUserPage.SAVE));
        before.put(ProjectsPage.SPEC, List.of(ProjectsPage.SECTION));
        before.forEach((spec, landmarks) -> assertEquals(spec.landmarks(), landmarks, spec.name()));
    }

    @Test
    public void everyPageObjectIsNamedAfterItsClass() throws ReflectiveOperationException {
        for (Class<?> c : PAGE_OBJECTS) {
            Field f = c.getDeclaredField("SPEC");
            assertTrue(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers()), c.getSimpleName());
            assertEquals(((PageSpec) f.get(null)).name(), c.getSimpleName());
        }
        Set<String> names = new HashSet<>();
        for (PageSpec s : Inventory.SPECS) assertTrue(names.add(s.name()), "one spec per name: " + s.name());
    }

    @Test
    public void browserNamesPagesOnlyBySpec() {
        Set<String> naming = Set.of("expect", "awaitOne", "awaitList", "find", "click", "type", "text");
        int seen = 0;
        for (Method m : Browser.class.getMethods()) {
            if (!naming.contains(m.getName())) continue;
            seen++;
            assertEquals(m.getParameterTypes()[0], PageSpec.class, "Browser." + m.getName() + " takes the page's spec, not a name");
            if (m.getName().equals("expect")) assertEquals(m.getParameterCount(), 1, "expect() reads the landmarks from the spec, nowhere else");
        }
        assertTrue(seen >= naming.size(), "found Browser's page methods (" + seen + ")");
    }

    @Test
    public void aPartAlwaysOnThePageProvesItAndIsCheckedInPlace() {
        Locator a = new Locator("a", "//a"), b = new Locator("b", "//b"), c = new Locator("c", "//c"), d = new Locator("d", "//d");
        PageSpec part = PageSpec.of(Locator.class).uses(a).landmarks(b);
        PageSpec page = PageSpec.of(String.class).landmarks(c).with(part).uses(d);
        assertEquals(page.checks(), List.of(c, a, b, d));
        assertEquals(page.landmarks(), List.of(c, b));
        assertEquals(page.uses(), List.of(a, d));
        assertFalse(page.overlay());
        assertTrue(PageSpec.overlay("SomeMenu").overlay());
    }

    @Test
    public void anElementDeclaredTwiceIsRefused() {
        Locator a = new Locator("a", "//a");
        assertThrows(IllegalArgumentException.class, () -> PageSpec.of(String.class).landmarks(a).uses(a));
    }
}
