package io.eventos.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of docs/architecture.md, kept true by the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.eventos");
    }

    @Test
    void platformImportsNoBusinessContext() {
        noClasses().that().resideInAPackage("io.eventos.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.eventos.account..", "io.eventos.event..", "io.eventos.ticketing..", "io.eventos.checkin..",
                        "io.eventos.crm..", "io.eventos.marketing..", "io.eventos.analytics..",
                        "io.eventos.integration..", "io.eventos.notification..", "io.eventos.media..",
                        "io.eventos.demo..")
                .check(classes);
    }

    /** No two contexts depend on each other, directly or round a circle. */
    @Test
    void contextsHaveNoCycles() {
        slices().matching("io.eventos.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * The one direction of docs/architecture.md, "Packages": platform ← media, crm, analytics, marketing,
     * notification, integration ← account ← event ← ticketing ← checkin ← demo. A context asks one above it
     * through an interface it owns (e.g. event's {@code TicketOffers}, account's {@code TeamEvents}).
     */
    @Test
    void contextsDependOnlyDownwards() {
        String[] above = {"io.eventos.demo..", "io.eventos.checkin..", "io.eventos.ticketing..", "io.eventos.event..",
                "io.eventos.account.."};
        for (int i = 1; i < above.length; i++) {
            noClasses().that().resideInAPackage(above[i])
                    .should().dependOnClassesThat().resideInAnyPackage(java.util.Arrays.copyOf(above, i))
                    .check(classes);
        }
        noClasses().that().resideInAnyPackage("io.eventos.media..", "io.eventos.crm..", "io.eventos.analytics..",
                        "io.eventos.marketing..", "io.eventos.notification..", "io.eventos.integration..")
                .should().dependOnClassesThat().resideInAnyPackage(above)
                .check(classes);
    }

    /**
     * {@code @EJB} on a field of an interface type asks for a remote reference, which nothing provides (the contexts'
     * own interfaces, e.g. {@code TicketOffers}, are answered by local or CDI beans): the bean then fails to be
     * created on its first call. Such fields are injected with {@code @Inject}.
     */
    @Test
    void interfacesAreInjectedNotLookedUpAsEjbs() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields()
                .that().areAnnotatedWith(jakarta.ejb.EJB.class)
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaField>(
                        "have an interface type") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaField field,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        if (field.getRawType().isInterface()) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.satisfied(field,
                                    field.getFullName() + " is an interface looked up with @EJB"));
                        }
                    }
                })
                .check(classes);
    }

    @Test
    void servicesDoNotReachIntoTheWebPlatform() {
        noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAPackage("io.eventos.platform.web..")
                .check(classes);
    }

    /** {@code jakarta.json.Json} looks its provider up on every call: use platform.text.Json (one lookup). */
    @Test
    void jsonComesFromTheProviderLookedUpOnce() {
        noClasses().that().resideOutsideOfPackage("io.eventos.platform.text..")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.json.Json")
                .check(classes);
    }

    @Test
    void webLayerNeverTouchesTheDatabase() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..")
                .check(classes);
    }

    @Test
    void domainKnowsNothingOfFacesOrHttp() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.faces..", "jakarta.servlet..",
                        "jakarta.ws.rs..", "..web..", "..service..")
                .check(classes);
    }

    @Test
    void webLayerUsesServicesNotDomainClasses() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("io.eventos..domain..")
                .check(classes);
    }

    @Test
    void webLayerCallsServicesNotOtherContextsWeb() {
        noClasses().that().resideInAPackage("io.eventos.event.web..")
                .should().dependOnClassesThat().resideInAnyPackage("io.eventos.account.web..",
                        "io.eventos.ticketing.web..")
                .check(classes);
    }

    /**
     * One view scope: OmniFaces' {@code @ViewScoped} (it ends a bean when its page is left, not when the session's
     * view map overflows). Faces' own {@code jakarta.faces.view.ViewScoped} is not used.
     */
    @Test
    void oneViewScopeOmniFaces() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("jakarta.faces.view.ViewScoped")
                .check(classes);
    }

    /**
     * One field-problem exception: a service exception that names the form field its sentence belongs next to (a
     * {@code String field()}) extends {@code platform.input.InputRefusedException}, so any page shows it with
     * {@code platform.web.FieldMessages}.
     */
    @Test
    void fieldProblemExceptionsExtendInputRefused() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("..service..").and().areAssignableTo(RuntimeException.class)
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                        "extend InputRefusedException when they name a field") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass type,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        boolean namesField = type.getMethods().stream().anyMatch(m -> m.getName().equals("field")
                                && m.getRawParameterTypes().isEmpty() && m.getRawReturnType().isEquivalentTo(String.class));
                        if (namesField && !type.isAssignableTo(io.eventos.platform.input.InputRefusedException.class)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type,
                                    type.getName() + " names a field but does not extend InputRefusedException"));
                        }
                    }
                })
                .check(classes);
    }

    /**
     * Contexts register their own public addresses ({@code platform.web.PublicRoutes}): no class of platform.web
     * holds a string naming a context's public view or address (a view under {@code /public/} or {@code /shop/}, a
     * checkout, order, tickets or calendar address), as {@code PublicSiteFilter} once did.
     */
    @Test
    void platformWebNamesNoContextsPublicViews() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage("io.eventos.platform.web..")
                .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                        "name no context's public view or address") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaClass type,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        for (String constant : ClassFileStrings.of(type.getName())) {
                            if (namesPublicView(constant)) {
                                events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type,
                                        type.getName() + " names \"" + constant + "\": let the context register it"
                                                + " as a PublicRoute"));
                            }
                        }
                    }
                })
                .check(classes);
    }

    /** A view or address of the public site's pages (the folder {@code /public/} alone is a setting, not a view). */
    static boolean namesPublicView(String constant) {
        return constant.startsWith("/shop/") || constant.startsWith("/public/") && constant.length() > 8
                || constant.contains("checkout/") || constant.contains("orders/") || constant.contains("/tickets")
                || constant.contains(".ics");
    }

    @Test
    void theRuleOnPublicViewsSeesWhatItLooksFor() {
        org.junit.jupiter.api.Assertions.assertTrue(namesPublicView("/shop/checkout.xhtml"));
        org.junit.jupiter.api.Assertions.assertTrue(namesPublicView("/public/event.xhtml"));
        org.junit.jupiter.api.Assertions.assertTrue(namesPublicView("^/e/([a-z0-9-]{1,63})/(?:checkout/([A-Za-z0-9_-]"));
        org.junit.jupiter.api.Assertions.assertFalse(namesPublicView("/public/"));
        org.junit.jupiter.api.Assertions.assertFalse(namesPublicView("private, no-store"));
        // the string constants of a class are read from its class file
        org.junit.jupiter.api.Assertions.assertTrue(ClassFileStrings.of(io.eventos.event.web.publicsite
                .PublicPageRoutes.class.getName()).contains("/public/event.xhtml"));
    }
}
