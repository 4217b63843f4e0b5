package dev.airlock.kiosk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import dev.airlock.appliance.Appliance;
import dev.airlock.appliance.store.ApplianceInfo;
import dev.airlock.appliance.testing.FrontEndRules;
import dev.airlock.kiosk.core.ApplianceHolder;
import dev.airlock.kiosk.core.KioskSession;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
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
    void kiosk_changesTheRecordOnlyThroughTheFlows() {
        noClasses().should(FrontEndRules.changeTheRecordOutsideAFlow())
                .because("screens ask the record questions; every change goes through a flow's facade")
                .check(KIOSK);
        noClasses().should().dependOnClassesThat().belongToAnyOf(FrontEndRules.FLOW_ONLY_TYPES.toArray(Class<?>[]::new))
                .because("transactions and state transitions are the flows' business")
                .check(KIOSK);
    }

    @Test
    void kiosk_neverUsesCryptoOrSerialPortsDirectly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..", "com.fazecast..",
                "javax.crypto..")
                .check(KIOSK);
    }

    @Test
    void views_getTheirServicesInjected_neverLookThemUp() {
        noClasses().that().resideOutsideOfPackage("dev.airlock.kiosk.core..")
                .should().callMethod(ApplianceHolder.class, "get")
                .orShould().callMethod(ApplianceHolder.class, "appliance")
                .because("views take the services they need in their constructor (KioskBeans), never ask the holder")
                .check(KIOSK);
        noMethods().that().areStatic().should().haveRawReturnType(KioskSession.class)
                .because("the operator session is a @VaadinSessionScope bean, injected, not found through a static")
                .check(KIOSK);
        noClasses().that().resideOutsideOfPackage("dev.airlock.kiosk.core..")
                .should().callMethod(com.vaadin.flow.server.VaadinSession.class, "getAttribute", Class.class)
                .because("session state lives in session-scoped beans")
                .check(KIOSK);
    }

    /** What the appliance hands out per data store: a restore or first-run setup replaces every one of them. */
    private static final Set<Class<?>> APPLIANCE_SERVICES = Arrays.stream(Appliance.class.getMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getDeclaringClass() == Appliance.class)
            .map(Method::getReturnType)
            .filter(t -> t.getPackageName().startsWith("dev.airlock.appliance") && t != ApplianceInfo.class)
            .collect(Collectors.toSet());

    @Test
    void noKioskClass_holdsAnApplianceService_onlyItsProvider() {
        assertThat(APPLIANCE_SERVICES).hasSizeGreaterThan(15);
        noFields().should(com.tngtech.archunit.lang.conditions.ArchConditions.have(
                        com.tngtech.archunit.base.DescribedPredicate.describe("the type of a service the appliance hands out",
                                f -> APPLIANCE_SERVICES.stream().anyMatch(t -> f.getRawType().isEquivalentTo(t)))))
                .because("a held service keeps the appliance it came from after a restore or first-run setup replaced it;"
                        + " views and beans hold an ObjectProvider and ask it when they act")
                .check(KIOSK);
    }

    @Test
    void views_readNoFilesAndNoEnvironment() {
        noClasses().that().areAssignableTo(Component.class)
                .should().dependOnClassesThat().belongToAnyOf(java.nio.file.Files.class,
                        java.nio.file.DirectoryStream.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getenv", String.class)
                .because("views compose components and call services; files and settings sit behind kiosk beans")
                .check(KIOSK);
        noClasses().that().resideOutsideOfPackage("dev.airlock.kiosk.core..")
                .and().areNotAnnotatedWith(com.vaadin.flow.spring.annotation.SpringComponent.class)
                .should().dependOnClassesThat().belongToAnyOf(java.nio.file.Files.class,
                        java.nio.file.DirectoryStream.class)
                .because("a feature's file work is one kiosk bean (GatewayDesk, QrStaging, StickFiles), not a helper")
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
