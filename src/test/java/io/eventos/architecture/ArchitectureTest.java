package io.eventos.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
                        "io.eventos.integration..", "io.eventos.notification..")
                .check(classes);
    }

    @Test
    void webLayerNeverTouchesTheEntityManager() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
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
}
