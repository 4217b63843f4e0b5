package dev.airlock.appliance;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.airlock.appliance.store.StoreException;

/** The boundaries the architecture draws, checked on the compiled main code of every module on the classpath. */
@AnalyzeClasses(packages = "dev.airlock",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

    /** Leaves out test jars (e.g. transfer-formats' test-jar when it comes from the local repository). */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule transferFormats_dependOnNoApplianceOrKiosk = noClasses()
            .that().resideInAPackage("dev.airlock.formats..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.airlock.appliance..", "dev.airlock.kiosk..")
            .because("transfer-formats is a pure library that appliance and kiosk build on");

    @ArchTest
    static final ArchRule bouncyCastle_onlyInTheInternalCryptoPackages = noClasses()
            .that().resideOutsideOfPackages("dev.airlock.formats.signature.internal..",
                    "dev.airlock.appliance.keys.internal..")
            .and().resideInAPackage("dev.airlock..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("cryptography sits behind small interfaces; Bouncy Castle lives only in internal packages");

    @ArchTest
    static final ArchRule applianceFeatures_haveNoCycles = slices()
            .matching("dev.airlock.appliance.(*)..")
            .should().beFreeOfCycles()
            .because("features depend one way; the composition root dev.airlock.appliance.Appliance is no slice");

    @ArchTest
    static final ArchRule onlyStoreAndRepositories_touchJdbiOrJdbc = noClasses()
            .that(not(resideInAPackage("dev.airlock.appliance.store..")).and(not(simpleNameEndingWith("Repository"))))
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "java.sql..")
            .because("storage is reached only through each feature's service and its package-private repository");

    @ArchTest
    static final ArchRule repositories_areNotPublic = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should().notBePublic()
            .because("a feature's repository is an internal of that feature");

    @ArchTest
    static final ArchRule repositories_areUsedOnlyInTheirOwnPackage = classes()
            .that().haveSimpleNameEndingWith("Repository")
            .should(beAccessedOnlyFromTheirOwnPackage())
            .because("other features go through the owning feature's service");

    @ArchTest
    static final ArchRule onlyExportAndGateway_mayObtainTheSigner = noClasses()
            .that().resideOutsideOfPackages("dev.airlock.appliance.export..", "dev.airlock.appliance.gateway..",
                    "dev.airlock.appliance.keys..")
            .should().callMethod(dev.airlock.appliance.keys.KeyService.class, "signer",
                    dev.airlock.appliance.keys.Passphrase.class, dev.airlock.appliance.audit.Actor.class)
            .because("only request export and the gateway's responses are signed (key cards inside keys)");

    @ArchTest
    static final ArchRule onlyAudit_appendsActionSubjectAndDetailsAsStrings = noClasses()
            .that().resideOutsideOfPackage("dev.airlock.appliance.audit..")
            .should().callMethod(dev.airlock.appliance.audit.AuditService.class, "append",
                    dev.airlock.appliance.store.Tx.class, dev.airlock.appliance.audit.Actor.class, String.class,
                    String.class, String.class)
            .because("flows publish typed events (AuditService.record); the words of a row are rendered by its"
                    + " event, never built by hand where the action happens");

    @ArchTest
    static final ArchRule auditEvents_areRecords = classes()
            .that().implement(dev.airlock.appliance.audit.AuditEvent.class)
            .should().beRecords()
            .because("an audit event is plain data (typed fields) with its rendering; a sealed interface may group"
                    + " a package's events");

    @ArchTest
    static final ArchRule onlyAuditEvents_buildTheirRow = noClasses()
            .that(not(assignableTo(dev.airlock.appliance.audit.AuditEvent.class)))
            .should().callConstructor(dev.airlock.appliance.audit.AuditEvent.Row.class, String.class, String.class,
                    String.class)
            .because("a row's words are rendered by the event that states its facts, not assembled beside it");

    @ArchTest
    static final ArchRule cli_usesStoreOnlyForItsExceptionsAndValues = noClasses()
            .that().resideInAPackage("dev.airlock.appliance.cli..")
            .should().dependOnClassesThat(resideInAPackage("dev.airlock.appliance.store..")
                    .and(not(assignableTo(StoreException.class)))
                    .and(not(assignableTo(dev.airlock.appliance.store.ApplianceInfo.class)))
                    .and(not(assignableTo(dev.airlock.appliance.store.ApplianceInfo.Role.class))))
            .because("the CLI reaches the record through the services; it only reports store errors and shows"
                    + " the appliance's identity (a plain value)");

    /** Fields picocli fills in from the command line: set once, by the parser, before the command runs. */
    private static final DescribedPredicate<JavaField> FILLED_BY_PICOCLI = DescribedPredicate.describe(
            "filled in by picocli", f -> f.isAnnotatedWith(picocli.CommandLine.Option.class)
                    || f.isAnnotatedWith(picocli.CommandLine.Parameters.class)
                    || f.isAnnotatedWith(picocli.CommandLine.Mixin.class)
                    || f.isAnnotatedWith(picocli.CommandLine.Spec.class)
                    || f.isAnnotatedWith(picocli.CommandLine.ParentCommand.class)
                    || f.isAnnotatedWith(picocli.CommandLine.ArgGroup.class));

    /** Fields an XML or JSON binding fills in (the wire formats' plain binding classes). */
    private static final DescribedPredicate<JavaField> BOUND_BY_JACKSON = DescribedPredicate.describe(
            "bound by Jackson", f -> f.getAnnotations().stream()
                    .anyMatch(a -> a.getRawType().getPackageName().startsWith("com.fasterxml.jackson")));

    /** Fields the compiler made (captured variables of a lambda or an inner class). */
    private static final DescribedPredicate<JavaField> SYNTHETIC = DescribedPredicate.describe(
            "synthetic", f -> f.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.SYNTHETIC));

    /** Fields that hold code to run: a Runnable or a java.util.function type. */
    private static final DescribedPredicate<JavaField> A_CALLBACK = DescribedPredicate.describe(
            "holding a callback", f -> f.getRawType().isEquivalentTo(Runnable.class)
                    || f.getRawType().getPackageName().equals("java.util.function"));

    /** Fields of a private nested class (a walker's state, an XML binding): out of reach of other classes. */
    private static final DescribedPredicate<JavaField> IN_A_PRIVATE_CLASS = DescribedPredicate.describe(
            "declared in a private class", f -> f.getOwner().getModifiers().contains(
                    com.tngtech.archunit.core.domain.JavaModifier.PRIVATE));

    @ArchTest
    static final ArchRule mainCode_exposesNoMutableField = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.airlock..")
            .and().areNotFinal().and().areNotPrivate()
            .and(not(FILLED_BY_PICOCLI)).and(not(BOUND_BY_JACKSON)).and(not(IN_A_PRIVATE_CLASS)).and(not(SYNTHETIC))
            .should().beDeclaredInClassesThat().resideInAPackage("dev.airlock..")
            .because("main code holds no test hooks: state another class (or a test) could swap is final or"
                    + " private; fault tests inject through a construction seam")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule mainCode_holdsNoSwappableCallback = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("dev.airlock..")
            .and().areNotFinal().and(not(SYNTHETIC)).and(A_CALLBACK)
            .should().beDeclaredInClassesThat().resideInAPackage("dev.airlock..")
            .because("a callback that can be swapped after construction is a test hook in main code")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cliCommands_doNoFileIo_andReadNoEnvironment = noClasses()
            .that().resideInAPackage("dev.airlock.appliance.cli..")
            .and(not(JavaClass.Predicates.belongToAnyOf(dev.airlock.appliance.cli.CommandTree.class)
                    .or(JavaClass.Predicates.simpleNameStartingWith("CliContext"))
                    .or(JavaClass.Predicates.simpleNameStartingWith("GlobalOptions"))
                    .or(JavaClass.Predicates.simpleNameStartingWith("UserPaths"))
                    .or(JavaClass.Predicates.simpleNameStartingWith("StartupTraining"))))
            .should().dependOnClassesThat().belongToAnyOf(java.nio.file.Files.class, java.nio.file.DirectoryStream.class,
                    java.io.File.class, java.io.FileInputStream.class, java.io.FileOutputStream.class,
                    java.nio.channels.FileChannel.class)
            .orShould().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("commands only translate: files are read and written by the services, the environment is"
                    + " read once into CliContext, and typed paths are checked in UserPaths (StartupTraining is"
                    + " the launcher's training run, not a command: it makes and deletes its throwaway folder)");

    private static ArchCondition<JavaClass> beAccessedOnlyFromTheirOwnPackage() {
        return new ArchCondition<>("be accessed only from their own package") {
            @Override
            public void check(JavaClass repository, ConditionEvents events) {
                for (Dependency d : repository.getDirectDependenciesToSelf()) {
                    JavaClass origin = d.getOriginClass();
                    if (!origin.getPackageName().equals(repository.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
