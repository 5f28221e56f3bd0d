package org.ratebook.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module directions of DESIGN.md, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final JavaClasses RATEBOOK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.ratebook");

    @Test
    void nothingDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackage("org.ratebook.console..")
                .should().dependOnClassesThat().resideInAPackage("org.ratebook.console..")
                .check(RATEBOOK);
    }

    @Test
    void rulesKnowNoSpringAxonTenantsOrEngine() {
        noClasses().that().resideInAPackage("org.ratebook.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "org.ratebook.tenants..", "org.ratebook.engine..", "jakarta.servlet..")
                .check(RATEBOOK);
    }

    @Test
    void tenantsDoNotReachIntoTheEngine() {
        noClasses().that().resideInAPackage("org.ratebook.tenants..")
                .should().dependOnClassesThat().resideInAPackage("org.ratebook.engine..")
                .check(RATEBOOK);
    }

    @Test
    void theEngineServesNoWebAndNoUi() {
        noClasses().that().resideInAnyPackage("org.ratebook.engine..", "org.ratebook.tenants..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "com.vaadin..", "jakarta.servlet..")
                .check(RATEBOOK);
    }

    @Test
    void eventsAndCommandsDoNotDependOnProjectionsOrInfrastructure() {
        noClasses().that().resideInAPackage("org.ratebook.engine..api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ratebook.engine..projection..",
                        "org.ratebook.engine.infra..", "org.springframework..")
                .check(RATEBOOK);
    }

    /** The pure assembler (issue 11) is a function: no Spring, no Axon, no database, no read models, no clock. */
    @Test
    void theInvoiceAssemblerIsPure() {
        noClasses().that().resideInAPackage("org.ratebook.engine.billing.assembly..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "java.sql..", "javax.sql..", "org.ratebook.engine..projection..",
                        "org.ratebook.engine..query..", "org.ratebook.engine.infra..", "org.ratebook.tenants..")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(RATEBOOK);
    }
}
