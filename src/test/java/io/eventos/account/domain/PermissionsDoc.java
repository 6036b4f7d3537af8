package io.eventos.account.domain;

import io.eventos.platform.security.Permission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads the tables of docs/permissions.md, the people-facing source of the permission rules. */
public final class PermissionsDoc {

    private final List<String> lines;

    private PermissionsDoc(List<String> lines) {
        this.lines = lines;
    }

    public static PermissionsDoc read(Path file) throws IOException {
        return new PermissionsDoc(Files.readAllLines(file));
    }

    public static PermissionsDoc parse(String text) {
        return new PermissionsDoc(text.lines().toList());
    }

    /** Which roles hold each permission, from the matrix ("yes"/"no" cells). */
    public Map<Permission, Set<MemberRole>> matrix() {
        Map<Permission, Set<MemberRole>> matrix = new EnumMap<>(Permission.class);
        List<String> header = null;
        for (String line : lines) {
            if (isSeparator(line)) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() > 2 && cells.get(0).equals("permission")) {
                header = cells;
            } else if (header != null && cells.size() == header.size() && isPermission(cells.get(0))) {
                Set<MemberRole> roles = EnumSet.noneOf(MemberRole.class);
                for (int i = 2; i < cells.size(); i++) {
                    if (cells.get(i).equals("yes")) {
                        roles.add(MemberRole.valueOf(header.get(i).toUpperCase(Locale.ROOT)));
                    }
                }
                matrix.put(Permission.valueOf(cells.get(0)), roles);
            } else if (cells.isEmpty()) {
                header = null;
            }
        }
        return matrix;
    }

    /** The protected actions table: "Service.method" to the permission it needs. */
    public Map<String, Permission> actions() {
        Map<String, Permission> actions = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines) {
            if (isSeparator(line)) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() == 2 && cells.get(0).equals("action")) {
                inTable = true;
            } else if (inTable && cells.size() == 2 && isPermission(cells.get(1))) {
                actions.put(cells.get(0), Permission.valueOf(cells.get(1)));
            } else if (cells.isEmpty()) {
                inTable = false;
            }
        }
        return actions;
    }

    private static boolean isPermission(String text) {
        try {
            Permission.valueOf(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isSeparator(String line) {
        return line.trim().startsWith("|---");
    }

    /** The cells of a table row; empty for anything that is not a table row (which ends a table). */
    private static List<String> cells(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("|")) {
            return List.of();
        }
        String[] parts = trimmed.substring(1, trimmed.length() - 1).split("\\|");
        return java.util.Arrays.stream(parts).map(String::trim).toList();
    }
}
