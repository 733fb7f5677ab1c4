package io.dunwell;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Fails the build when a module reaches into another's internals or modules depend on each other in a
 * cycle, and when the entry layer's rules (README, Architecture) are broken: every controller lives in
 * {@code web} (the console) or {@code api} (the REST API), the two do not call each other, no feature
 * reaches up into them, and neither reaches into the demo.
 */
class ModularityTests {

    private static final String WEB = "io.dunwell.web..";
    private static final String API = "io.dunwell.api..";
    private static final String DEMO = "io.dunwell.demo..";

    private final ApplicationModules modules = ApplicationModules.of(DunwellApplication.class);
    private final JavaClasses dunwell = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.dunwell");

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void controllersLiveInTheEntryLayerOnly() {
        classes().that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
                .should().resideInAnyPackage(WEB, API).check(dunwell);
    }

    @Test
    void theConsoleAndTheApiDoNotUseEachOther() {
        noClasses().that().resideInAPackage(API).should().dependOnClassesThat().resideInAPackage(WEB).check(dunwell);
        noClasses().that().resideInAPackage(WEB).should().dependOnClassesThat().resideInAPackage(API).check(dunwell);
    }

    @Test
    void featuresDoNotReachUpIntoTheEntryLayer() {
        noClasses().that().resideOutsideOfPackages(WEB, API, DEMO).should().dependOnClassesThat().resideInAnyPackage(WEB, API)
                .check(dunwell);
    }

    @Test
    void theEntryLayerDoesNotDependOnTheDemo() {
        noClasses().that().resideInAnyPackage(WEB, API).should().dependOnClassesThat().resideInAPackage(DEMO).check(dunwell);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
