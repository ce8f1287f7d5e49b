package io.procoresetup.ui;

/** The permission matrix's columns. */
public enum Level {
    NONE("None"), READ_ONLY("Read Only"), STANDARD("Standard"), ADMIN("Admin");

    public final String label;

    Level(String label) { this.label = label; }

    public static Level of(String label) {
        for (Level l : values()) if (l.label.equalsIgnoreCase(label.strip())) return l;
        return null;
    }
}
