package io.eventos.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one archive every {@link InContainer} class deploys: the application's WAR plus every in-container test class
 * (found among the compiled test classes, so a new one needs no list) and the fixtures and resources they use.
 * Whichever in-container class runs first deploys it; {@link OneDeployment} keeps it for the others.
 */
public final class SuiteDeployment {

    /** Test classes the in-container tests use besides themselves (all {@code *Fixtures} classes are added too). */
    private static final List<String> HELPERS = List.of(
            "io.eventos.isolation.UnboundProbe",
            "io.eventos.account.domain.PermissionsDoc",
            "io.eventos.platform.web.FailingServlet",
            "io.eventos.testing.Poll",
            "io.eventos.testing.AppStatements",
            "io.eventos.testing.Superuser");

    private SuiteDeployment() {
    }

    public static WebArchive war() {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("eventos.it.war", "target/eventos.war")));
        war.addClass(InContainer.class);
        for (Class<?> type : testClasses()) {
            war.addClass(type);
        }
        war.addAsResource(new File("docs/permissions.md"), "permissions.md");
        return war;
    }

    private static List<Class<?>> testClasses() {
        try {
            Path root = Path.of(SuiteDeployment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(root::relativize).map(Path::toString)
                        .filter(name -> name.endsWith(".class") && !name.contains("$"))
                        .map(name -> name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                        .filter(name -> name.endsWith("Fixtures") || HELPERS.contains(name) || name.endsWith("IT"))
                        .map(SuiteDeployment::load)
                        .filter(type -> !type.getName().endsWith("IT") || type.isAnnotationPresent(InContainer.class))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SuiteDeployment.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
