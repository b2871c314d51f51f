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
@AnalyzeClasses(packages = "org.e2eereview", importOptions = {ImportOption.DoNotIncludeTests.class,
        LayeringTest.NotTestJars.class})
class LayeringTest {

    /**
     * In a build that packages (mvn verify) core's test helpers arrive as its test-jar, which
     * DoNotIncludeTests does not recognise (it knows test-classes folders only).
     */
    static final class NotTestJars implements ImportOption {
        private static final java.util.regex.Pattern TEST_JAR = java.util.regex.Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    @ArchTest
    static final ArchRule layersPointOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("cli").definedBy("org.e2eereview.cli..")
            .layer("serve").definedBy("org.e2eereview.serve..")
            .layer("junit").definedBy("org.e2eereview.junit..")
            .layer("archunit").definedBy("org.e2eereview.archunit..")
            .layer("report").definedBy("org.e2eereview.report..")
            .layer("assess").definedBy("org.e2eereview.assess..")
            .layer("diff").definedBy("org.e2eereview.diff..")
            .layer("review").definedBy("org.e2eereview.review..")
            .layer("rules").definedBy("org.e2eereview.rules..")
            .layer("analysis").definedBy("org.e2eereview.analysis..")
            .layer("catalog").definedBy("org.e2eereview.catalog..")
            .layer("load").definedBy("org.e2eereview.load..")
            .layer("model").definedBy("org.e2eereview.model..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("junit").mayNotBeAccessedByAnyLayer()
            .whereLayer("archunit").mayNotBeAccessedByAnyLayer()
            .whereLayer("report").mayOnlyBeAccessedByLayers("serve", "cli", "junit")
            .whereLayer("assess").mayOnlyBeAccessedByLayers("serve", "report", "cli")
            .whereLayer("diff").mayOnlyBeAccessedByLayers("serve", "assess", "report", "cli")
            .whereLayer("review").mayOnlyBeAccessedByLayers("serve", "diff", "assess", "report", "cli", "junit")
            .whereLayer("rules").mayOnlyBeAccessedByLayers("serve", "review", "diff", "assess", "report", "cli", "junit")
            .whereLayer("analysis").mayOnlyBeAccessedByLayers("rules", "review", "diff", "assess", "report", "cli", "junit",
                    "archunit")
            .whereLayer("catalog").mayOnlyBeAccessedByLayers("serve", "rules", "review", "diff", "assess", "report", "cli", "junit")
            .whereLayer("load").mayOnlyBeAccessedByLayers("serve", "catalog", "rules", "review", "assess", "report", "cli", "junit",
                    "archunit")
            .because("the model is the vocabulary everything speaks; analysis knows only the model; rules "
                    + "judge the analysis; the review assembles; diff compares two reviews, assess a patched one; reports, "
                    + "the CLI and the JUnit API only present");

    @ArchTest
    static final ArchRule analysisKnowsOnlyTheModel = classes().that().resideInAPackage("org.e2eereview.analysis..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.e2eereview.analysis..",
                    "org.e2eereview.model..", "java..")
            .because("who can read what follows from the model alone, not from rules or their language");

    @ArchTest
    static final ArchRule onlyRulesSpeakCel = noClasses().that().resideOutsideOfPackage("org.e2eereview.rules..")
            .should().dependOnClassesThat().resideInAPackage("dev.cel..")
            .because("CEL is how rules are written, not a dependency of the rest");

    @ArchTest
    static final ArchRule modelIsPlainJava = classes().that().resideInAPackage("org.e2eereview.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.e2eereview.model..", "java..")
            .because("model records must not know how they are read or shown");

    @ArchTest
    static final ArchRule onlyTheLoaderReadsYaml = noClasses().that().resideOutsideOfPackage("org.e2eereview.load..")
            .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
            .because("all YAML goes through the strict, bounded loader");

    @ArchTest
    static final ArchRule onlyTheJUnitApiUsesJUnit = noClasses().that().resideOutsideOfPackage("org.e2eereview.junit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
            .because("JUnit is an optional dependency: the CLI jar leaves it out");

    @ArchTest
    static final ArchRule onlyTheCliUsesPicocli = noClasses().that().resideOutsideOfPackage("org.e2eereview.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the library must be usable without the command line");

    @ArchTest
    static final ArchRule onlyTheModelRulesUseArchUnit = noClasses()
            .that().resideOutsideOfPackage("org.e2eereview.archunit..")
            .should().dependOnClassesThat().resideInAPackage("com.tngtech.archunit..")
            .because("ArchUnit is an optional dependency that the CLI jar leaves out");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.e2eereview.(*)..").should().beFreeOfCycles()
            .because("packages read like a table of contents only if they do not loop");

    @ArchTest
    static final ArchRule nothingPrintsToTheConsoleButTheCli = noClasses()
            .that().resideOutsideOfPackage("org.e2eereview.cli..")
            .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
            .because("library code returns results and errors; only the CLI decides what to print");

    @ArchTest
    static final ArchRule onlyTemplatesSpeakFreemarker = noClasses()
            .that().resideOutsideOfPackage("org.e2eereview.report.template..")
            .should().dependOnClassesThat().resideInAPackage("freemarker..")
            .because("templates are one way to present the view, and the sandbox is set up in one place");

    @ArchTest
    static final ArchRule onlyTheDiagramUsesElk = noClasses()
            .that().resideOutsideOfPackage("org.e2eereview.report.diagram..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse..")
            .because("layout is a detail of drawing the diagram");

    @ArchTest
    static final ArchRule onlyThePdfUsesPdfLibraries = noClasses()
            .that().resideOutsideOfPackage("org.e2eereview.report.pdf..")
            .should().dependOnClassesThat().resideInAnyPackage("com.openhtmltopdf..", "org.apache.pdfbox..",
                    "org.apache.fontbox..", "org.apache.xmpbox..", "org.apache.batik..")
            .because("the PDF is the submission's HTML laid out on pages, nothing more");

    @ArchTest
    static final ArchRule thePdfIsFoundByName = classes().that().resideInAPackage("org.e2eereview.report.pdf..")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("org.e2eereview.report.pdf..")
            .because("the PDF is a module of its own (e2ee-review-pdf) that the rest finds by name, as an OutputFormat, "
                    + "so that the library renders every other format without the PDF libraries");

    @ArchTest
    static final ArchRule noProductionClassIsNamedLikeATest = noClasses()
            .that().doNotHaveFullyQualifiedName("org.e2eereview.junit.E2eeTests")
            .should().haveSimpleNameEndingWith("Test").orShould().haveSimpleNameEndingWith("Tests")
            .because("build tools take a class named so for a test class, and a reader takes it for one; "
                    + "E2eeTests is the deprecated old name of E2eeTestFactory");

    @ArchTest
    static final ArchRule theViewKnowsNoMedium = noClasses().that().resideInAPackage("org.e2eereview.report.view..")
            .should().dependOnClassesThat().resideInAnyPackage("org.e2eereview.report.template..",
                    "org.e2eereview.report.pdf..")
            .because("every human format renders the same view; templates and the PDF depend on it, not the reverse");
}
