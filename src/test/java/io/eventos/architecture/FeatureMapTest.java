package io.eventos.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 7: the feature map in docs/architecture.md ("The feature map") lists every feature, from its view
 * down to the classes holding its SQL and its tests, and stays true. Read from the source text: every view (an
 * {@code .xhtml} outside {@code WEB-INF}, as {@code EveryViewIT} counts them), every page bean and servlet, every
 * class that runs background work, every email topic and every integration test must be named in the map; every
 * view, class (with its method or field, when one is named), test and file the map names must exist.
 */
class FeatureMapTest {

    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");

    /** A code span naming a class: optional package segments (a hint), the class, optional member. */
    private static final Pattern CLASS = Pattern.compile(
            "((?:[a-z][a-z0-9]*\\.)*)([A-Z][A-Za-z0-9]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?(?:\\(\\))?");
    private static final Pattern MIGRATION_VERSION = Pattern.compile("V\\d+");
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern EMAIL_TOPIC = Pattern.compile(
            "(?:mail\\.(?:send|insert)\\(\\s*|TOPIC\\s*=\\s*)\"([a-z_]+\\.[a-z_]+)\"");

    private static String map;
    private static List<String> spans;
    /** Simple class name → its source files (main and test). */
    private static final Map<String, List<Path>> SOURCES = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        map = mapOf(Files.readString(DOC));
        spans = spansOf(map);
        for (Path root : List.of(MAIN, TEST)) {
            for (Path file : files(root, ".java")) {
                SOURCES.computeIfAbsent(simpleName(file), k -> new ArrayList<>()).add(file);
            }
        }
    }

    @Test
    void everyViewIsInTheMap() throws IOException {
        assertThat(views()).isNotEmpty();
        assertThat(missing(views(), viewsNamed(map)))
                .as("views under src/main/webapp (outside WEB-INF) without a row in docs/architecture.md, "
                        + "\"The feature map\"")
                .isEmpty();
    }

    @Test
    void everyViewNamedExists() throws IOException {
        assertThat(missing(viewsNamed(map), views())).as("views named in the feature map that do not exist").isEmpty();
    }

    @Test
    void everyPageBeanServletAndBackgroundJobIsInTheMap() throws IOException {
        Set<String> needed = new TreeSet<>();
        for (Path file : files(MAIN, ".java")) {
            String name = simpleName(file);
            boolean web = file.toString().contains("/web/");
            boolean background = Files.readString(file).contains("jakarta.enterprise.concurrent.");
            if (web && (name.endsWith("Page") || name.endsWith("Servlet")) || background) {
                needed.add(name);
            }
        }
        assertThat(needed).contains("LoginPage", "ExportServlet", "Rollups");
        assertThat(missing(needed, classesNamed()))
                .as("page beans, servlets and classes running background work missing from the feature map").isEmpty();
    }

    @Test
    void everyEmailIsInTheMap() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (Path file : files(MAIN, ".java")) {
            Matcher m = EMAIL_TOPIC.matcher(Files.readString(file));
            while (m.find()) {
                topics.add(m.group(1));
            }
        }
        assertThat(topics).contains("order.paid", "password.reset_requested");
        assertThat(missing(topics, spans)).as("email topics missing from the feature map's emails").isEmpty();
    }

    @Test
    void everyIntegrationTestIsInTheMap() throws IOException {
        Set<String> tests = new TreeSet<>();
        for (Path file : files(TEST, "IT.java")) {
            if (!Files.readString(file).contains("abstract class")) {
                tests.add(simpleName(file));
            }
        }
        assertThat(tests).contains("EveryViewIT");
        assertThat(missing(tests, classesNamed()))
                .as("integration tests the feature map does not name (add each to the feature it proves)").isEmpty();
    }

    @Test
    void everyClassNamedExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String span : spans) {
            Matcher m = CLASS.matcher(span);
            if (m.matches() && !MIGRATION_VERSION.matcher(span).matches() && !exists(m)) {
                missing.add(span);
            }
        }
        assertThat(missing).as("classes (and their methods or fields) named in the feature map that do not exist "
                + "under src/main/java or src/test/java").isEmpty();
    }

    @Test
    void everyTestNamedExists() {
        List<String> notTests = new ArrayList<>();
        for (String row : map.split("\n")) {
            List<String> cells = cells(row);
            if (cells.isEmpty()) {
                continue;
            }
            for (String span : spansOf(cells.get(cells.size() - 1))) {
                Matcher m = CLASS.matcher(span);
                if (m.matches() && SOURCES.getOrDefault(m.group(2), List.of()).stream()
                        .noneMatch(f -> f.startsWith(TEST))) {
                    notTests.add(span);
                }
            }
        }
        assertThat(notTests).as("the tests column names classes under src/test/java").isEmpty();
    }

    @Test
    void everyFileNamedExists() {
        List<String> missing = new ArrayList<>();
        for (String span : spans) {
            boolean path = span.contains("/") && !span.startsWith("/") && !span.contains(" ")
                    && (span.matches(".*\\.[a-z]+") || span.equals("db/migration"));
            if (path && !Files.exists(Path.of(span)) && !Files.exists(WEBAPP.resolve(span))) {
                missing.add(span);
            }
        }
        assertThat(missing).as("files named in the feature map").isEmpty();
    }

    /** Proof that the check above bites: the map without a view's row misses that view. */
    @Test
    void aMapWithoutAViewsRowFailsTheCheck() throws IOException {
        String withoutAudit = String.join("\n", map.lines()
                .filter(line -> !line.contains("`/app/audit.xhtml`")).toList());
        assertThat(viewsNamed(withoutAudit)).doesNotContain("/app/audit.xhtml");
        assertThat(views()).contains("/app/audit.xhtml");
    }

    private static Set<String> missing(Iterable<String> wanted, Collection<String> present) {
        Set<String> missing = new TreeSet<>();
        wanted.forEach(w -> {
            if (!present.contains(w)) {
                missing.add(w);
            }
        });
        return missing;
    }

    /** The section "## The feature map" up to the next "## " heading. */
    static String mapOf(String doc) {
        int start = doc.indexOf("\n## The feature map\n");
        assertThat(start).as("docs/architecture.md has the section \"The feature map\"").isNotNegative();
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static boolean exists(Matcher m) throws IOException {
        List<String> hint = List.of(m.group(1).split("\\.")).stream().filter(s -> !s.isEmpty()).toList();
        for (Path file : SOURCES.getOrDefault(m.group(2), List.of())) {
            List<String> dirs = new ArrayList<>();
            file.forEach(part -> dirs.add(part.toString()));
            if (!dirs.containsAll(hint)) {
                continue;
            }
            if (m.group(3) == null
                    || Pattern.compile("\\b" + Pattern.quote(m.group(3)) + "\\b").matcher(Files.readString(file)).find()) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> classesNamed() {
        Set<String> names = new TreeSet<>();
        for (String span : spans) {
            Matcher m = CLASS.matcher(span);
            if (m.matches()) {
                names.add(m.group(2));
            }
        }
        return names;
    }

    /** Every {@code .xhtml} outside WEB-INF (templates, includes and error pages are no views), as "/app/x.xhtml". */
    private static Set<String> views() throws IOException {
        Set<String> views = new TreeSet<>();
        for (Path file : files(WEBAPP, ".xhtml")) {
            String view = "/" + WEBAPP.relativize(file).toString().replace('\\', '/');
            if (!view.startsWith("/WEB-INF/")) {
                views.add(view);
            }
        }
        return views;
    }

    /** The views a text names in code spans ("/app/order.xhtml?id=" names /app/order.xhtml). */
    private static Set<String> viewsNamed(String text) {
        Set<String> named = new TreeSet<>();
        for (String span : spansOf(text)) {
            int end = span.indexOf(".xhtml");
            if (span.startsWith("/") && end > 0) {
                named.add(span.substring(0, end + ".xhtml".length()));
            }
        }
        return named;
    }

    private static List<String> spansOf(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = SPAN.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The cells of a table row, or none for a line that is not a row or is the header's rule. */
    private static List<String> cells(String line) {
        String row = line.strip();
        if (!row.startsWith("|") || row.startsWith("|---")) {
            return List.of();
        }
        return List.of(row.substring(1, row.length() - 1).split("\\|")).stream().map(String::strip).toList();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String simpleName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
