package dev.airlock.appliance;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
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
    static final ArchRule cli_usesStoreOnlyForItsExceptionsAndValues = noClasses()
            .that().resideInAPackage("dev.airlock.appliance.cli..")
            .should().dependOnClassesThat(resideInAPackage("dev.airlock.appliance.store..")
                    .and(not(assignableTo(StoreException.class)))
                    .and(not(assignableTo(dev.airlock.appliance.store.ApplianceInfo.class)))
                    .and(not(assignableTo(dev.airlock.appliance.store.ApplianceInfo.Role.class))))
            .because("the CLI reaches the record through the services; it only reports store errors and shows"
                    + " the appliance's identity (a plain value)");

    @ArchTest
    static final ArchRule cliCommands_doNoFileIo_andReadNoEnvironment = noClasses()
            .that().resideInAPackage("dev.airlock.appliance.cli..")
            .and(not(JavaClass.Predicates.belongToAnyOf(dev.airlock.appliance.cli.CommandTree.class)
                    .or(JavaClass.Predicates.simpleNameStartingWith("CliContext"))
                    .or(JavaClass.Predicates.simpleNameStartingWith("GlobalOptions"))
                    .or(JavaClass.Predicates.simpleNameStartingWith("UserPaths"))))
            .should().dependOnClassesThat().belongToAnyOf(java.nio.file.Files.class, java.nio.file.DirectoryStream.class,
                    java.io.File.class, java.io.FileInputStream.class, java.io.FileOutputStream.class,
                    java.nio.channels.FileChannel.class)
            .orShould().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("commands only translate: files are read and written by the services, the environment is"
                    + " read once into CliContext, and typed paths are checked in UserPaths");

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
