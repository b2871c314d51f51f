package org.e2eereview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The project's own architecture: a package per concept, dependencies pointing one way. */
@AnalyzeClasses(packages = "org.e2eereview", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("org.e2eereview.cli..")
            .layer("catalog").definedBy("org.e2eereview.catalog..")
            .layer("load").definedBy("org.e2eereview.load..")
            .layer("model").definedBy("org.e2eereview.model..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("catalog").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("load").mayOnlyBeAccessedByLayers("catalog", "cli")
            .whereLayer("model").mayOnlyBeAccessedByLayers("load", "catalog", "cli")
            .because("the model is the vocabulary everything else speaks, and the CLI is only a front end");

    @ArchTest
    static final ArchRule modelIsPlainJava = classes().that().resideInAPackage("org.e2eereview.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.e2eereview.model..", "java..")
            .because("model records must not know how they are read or shown");

    @ArchTest
    static final ArchRule onlyTheLoaderReadsYaml = noClasses().that().resideOutsideOfPackage("org.e2eereview.load..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
            .because("all YAML goes through the strict, bounded loader");

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses().that().resideOutsideOfPackage("org.e2eereview.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the library must be usable without the command line");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.e2eereview.(*)..").should().beFreeOfCycles()
            .because("packages read like a table of contents only if they do not loop");

    @ArchTest
    static final ArchRule nothingPrintsToTheConsoleButTheCli = noClasses()
            .that().resideOutsideOfPackage("org.e2eereview.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("library code returns results and errors; only the CLI decides what to print");
}
