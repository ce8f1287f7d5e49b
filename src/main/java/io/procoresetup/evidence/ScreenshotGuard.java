package io.procoresetup.evidence;

import io.procoresetup.browser.Screen;
import io.procoresetup.browser.Timing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one way to take a picture of the page. Before every capture it masks, in the page, every occurrence
 * of every secret the run knows (and every 12-character piece of one), and whatever a "Client Secret" label
 * shows, then reads the page back to prove none is left; after the capture it checks the same document is
 * still there. When any of that cannot be proven, the caller gets a {@link Picture.Withheld} saying why,
 * never the pixels.
 */
public final class ScreenshotGuard {
    /** Pieces this long of a secret count as the secret: enough to be useful to someone who reads it. */
    public static final int PIECE = 12;
    private static final String SCRIPT = load("/evidence/guard.js");

    /** What a capture gives: the picture, or why there is none. */
    public sealed interface Picture {
        record Png(byte[] bytes, int masked) implements Picture {}

        record Withheld(String reason) implements Picture {}
    }

    private final Screen screen;
    private final Supplier<Set<String>> secrets;

    public ScreenshotGuard(Screen screen, Supplier<Set<String>> secrets) {
        this.screen = screen;
        this.secrets = secrets;
    }

    /** Masks, proves, captures, and checks the page did not change under the capture. */
    public Picture capture() {
        Timing.mark("shot-start");
        try {
            return guardedCapture();
        } finally {
            Timing.mark("shot-end");
        }
    }

    private Picture guardedCapture() {
        String why = "";
        for (int attempt = 0; attempt < 2; attempt++) {      // a page replaced during the capture gets one more try
            Guarded before;
            try {
                before = guard();
            } catch (RuntimeException e) {
                return new Picture.Withheld("the page could not be checked for secrets (" + firstLine(e) + ")");
            }
            if (!before.problems().isEmpty()) return new Picture.Withheld("masking could not be proven: " + before.problems().get(0));
            byte[] png = screen.screenshot();
            try {
                Guarded after = guard();
                if (after.token().equals(before.token()) && after.problems().isEmpty()) return new Picture.Png(png, before.masked());
                why = after.token().equals(before.token()) ? "masking could not be proven after the capture: " + after.problems().get(0)
                        : "the page changed during the capture";
            } catch (RuntimeException e) {
                why = "the page changed during the capture (" + firstLine(e) + ")";
            }
        }
        return new Picture.Withheld(why);
    }

    /** The page's source with every known secret and Client Secret field masked in the page first. */
    public String maskedSource() {
        guard();
        return screen.pageSource();
    }

    private record Guarded(String token, int masked, List<String> problems) {}

    @SuppressWarnings("unchecked")
    private Guarded guard() {
        Object r = screen.read(SCRIPT, new ArrayList<>(secrets.get()), Evidence.MASK, PIECE);
        if (!(r instanceof Map<?, ?> m)) throw new IllegalStateException("the guard script answered " + r);
        List<String> problems = new ArrayList<>();
        if (m.get("problems") instanceof List<?> l) l.forEach(p -> problems.add(String.valueOf(p)));
        Object masked = m.get("masked");
        return new Guarded(String.valueOf(m.get("token")), masked instanceof Number n ? n.intValue() : 0, problems);
    }

    private static String firstLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private static String load(String name) {
        try (InputStream in = ScreenshotGuard.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
