package nl.bigregister.issuer.distribution;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rule of the hexagon, checked over every module's production classes. */
@AnalyzeClasses(packages = "nl.bigregister.issuer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnTheJdkOnly = classes()
            .that().resideInAPackage("nl.bigregister.issuer.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("nl.bigregister.issuer.domain..", "java..");

    @ArchTest
    static final ArchRule applicationDependsOnTheDomainOnly = classes()
            .that().resideInAPackage("nl.bigregister.issuer.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "nl.bigregister.issuer.application..", "nl.bigregister.issuer.domain..", "java..",
                    "jakarta.inject..", "jakarta.transaction..");

    @ArchTest
    static final ArchRule portsSpeakDomainTypes = classes()
            .that().resideInAPackage("nl.bigregister.issuer.application.port..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "nl.bigregister.issuer.application.port..", "nl.bigregister.issuer.domain..", "java..");

    @ArchTest
    static final ArchRule adaptersDoNotKnowEachOther = slices()
            .matching("nl.bigregister.issuer.adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule onlyTheDistributionSeesEverything = noClasses()
            .that().resideOutsideOfPackages("nl.bigregister.issuer.distribution..")
            .should().dependOnClassesThat().resideInAPackage("nl.bigregister.issuer.distribution..");

    @ArchTest
    static final ArchRule servicesDoNotTouchAdapters = noClasses()
            .that().resideInAnyPackage("nl.bigregister.issuer.domain..", "nl.bigregister.issuer.application..")
            .should().dependOnClassesThat().resideInAPackage("nl.bigregister.issuer.adapters..");

    @ArchTest
    static final ArchRule persistenceEntitiesStayInTheirAdapter = noClasses()
            .that().resideOutsideOfPackage("nl.bigregister.issuer.adapters.persistence..")
            .should().dependOnClassesThat().areAnnotatedWith(jakarta.persistence.Entity.class);

    @ArchTest
    static final ArchRule webTypesStayInTheWebAdapter = noClasses()
            .that().resideInAnyPackage("nl.bigregister.issuer.domain..", "nl.bigregister.issuer.application..",
                    "nl.bigregister.issuer.adapters.persistence..")
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..");
}
