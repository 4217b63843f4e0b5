package dev.airlock.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The kiosk only composes views over appliance services: no store, no SQL, no crypto, no devices by hand. */
class KioskArchitectureTest {
    private static final JavaClasses KIOSK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.airlock.kiosk");

    @Test
    void views_neverTouchTheStoreOrSql() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.jdbi..", "org.sqlite..",
                "org.flywaydb..")
                .check(KIOSK);
        noClasses().should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                "store internals (only ApplianceInfo and StoreException may be used)",
                c -> c.getPackageName().equals("dev.airlock.appliance.store")
                        && !c.getSimpleName().equals("ApplianceInfo") && !c.getName().contains("ApplianceInfo$")
                        && !c.getSimpleName().equals("StoreException")))
                .check(KIOSK);
    }

    @Test
    void kiosk_neverUsesCryptoOrSerialPortsDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "com.fazecast..",
                "javax.crypto..")
                .check(KIOSK);
    }

    @Test
    void featureViews_dependOnlyOnCoreAndUi_notOnEachOtherExceptQr() {
        for (String feature : new String[] {"setup", "signin", "home", "collect", "machines", "export", "imports",
                "apply", "reimage", "gateway", "supervisor"}) {
            noClasses().that().resideInAPackage("dev.airlock.kiosk." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(otherFeatures(feature))
                    .allowEmptyShould(true)
                    .check(KIOSK);
        }
    }

    @Test
    void kiosk_holdsNoTestHooks() {
        noFields().that(com.tngtech.archunit.base.DescribedPredicate.describe(
                "hold a callback another class can swap (a Runnable or java.util.function type, neither final nor"
                        + " private)", f -> !f.getModifiers().contains(JavaModifier.FINAL)
                        && !f.getModifiers().contains(JavaModifier.PRIVATE)
                        && !f.getModifiers().contains(JavaModifier.SYNTHETIC)
                        && (f.getRawType().isEquivalentTo(Runnable.class)
                                || f.getRawType().getPackageName().equals("java.util.function"))))
                .should().beDeclaredInClassesThat().resideInAPackage("dev.airlock..")
                .because("main code holds no test hooks: faults are injected through construction")
                .allowEmptyShould(true)
                .check(KIOSK);
    }

    private static String[] otherFeatures(String except) {
        return java.util.Arrays.stream(new String[] {"setup", "signin", "home", "collect", "machines", "export",
                "imports", "apply", "reimage", "gateway", "supervisor"})
                .filter(f -> !f.equals(except))
                .map(f -> "dev.airlock.kiosk." + f + "..")
                .toArray(String[]::new);
    }
}
