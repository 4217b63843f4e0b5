package dev.airlock.appliance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.airlock.appliance.testing.FrontEndRules;
import java.util.Map;
import java.util.Optional;

/**
 * The seven flows are the appliance's public API: each flow package shows one facade (plus the
 * values, results and callbacks its methods take and return), no flow reaches another flow's
 * internals, and the CLI writes to the record only through the flows.
 */
@AnalyzeClasses(packages = "dev.airlock.appliance",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class FlowsArchitectureTest {
    /** Each flow's package and its one facade. */
    static final Map<String, String> FACADES = Map.of(
            "enroll", "Enroll",
            "collect", "Collect",
            "export", "Export",
            "gateway", "Gateway",
            "merge", "Merge",
            "apply", "Apply",
            "reimage", "Reimage");

    @ArchTest
    static final ArchRule eachFlow_showsOneFacade_andItsValues = classes()
            .that(inAFlow()).and().arePublic()
            .should(beTheFacadeOrAValue())
            .because("a flow's package is read as its facade: everything else public is a value, a result, an"
                    + " exception or a callback its methods take or return");

    @ArchTest
    static final ArchRule flows_reachOtherFlowsOnlyThroughTheirFacadeAndValues = classes()
            .that(inAFlow())
            .should(dependOnOtherFlowsOnlyThroughTheirFacadeOrValues())
            .because("one flow uses another only as a front end would: through its facade and its values");

    @ArchTest
    static final ArchRule cli_writesToTheRecordOnlyThroughTheFlows = noClasses()
            .that().resideInAPackage("dev.airlock.appliance.cli..")
            .should(FrontEndRules.changeTheRecordOutsideAFlow())
            .because("the CLI asks the record questions; every change goes through a flow's facade");

    @ArchTest
    static final ArchRule cli_holdsNoTransactionOrStateMachine = noClasses()
            .that().resideInAPackage("dev.airlock.appliance.cli..")
            .should().dependOnClassesThat().belongToAnyOf(FrontEndRules.FLOW_ONLY_TYPES.toArray(Class<?>[]::new))
            .because("transactions and state transitions are the flows' business");

    static Optional<String> flowOf(JavaClass c) {
        String p = c.getPackageName();
        String prefix = "dev.airlock.appliance.";
        if (!p.startsWith(prefix)) {
            return Optional.empty();
        }
        String first = p.substring(prefix.length()).split("\\.")[0];
        return FACADES.containsKey(first) ? Optional.of(first) : Optional.empty();
    }

    static DescribedPredicate<JavaClass> inAFlow() {
        return DescribedPredicate.describe("are in a flow package", c -> flowOf(c).isPresent());
    }

    /** A value, result, exception or callback type (or one nested in one): what a facade may hand out. */
    static boolean isValue(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return isValueShape(c) || (top != c && isValueShape(top));
    }

    private static boolean isValueShape(JavaClass c) {
        return c.isRecord() || c.isEnum() || c.isInterface() || c.isAssignableTo(Throwable.class)
                || isImplementationOfOwnCallback(c);
    }

    /** e.g. the console's PhoneDesk: an implementation a front end hands to the facade. */
    private static boolean isImplementationOfOwnCallback(JavaClass c) {
        return c.getRawInterfaces().stream().anyMatch(i -> i.getPackageName().equals(c.getPackageName())
                && i.getModifiers().contains(JavaModifier.PUBLIC));
    }

    static boolean isFacade(JavaClass c) {
        return flowOf(c).map(f -> FACADES.get(f).equals(c.getSimpleName())).orElse(false);
    }

    private static ArchCondition<JavaClass> beTheFacadeOrAValue() {
        return new ArchCondition<>("be the flow's facade or a value") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!isFacade(c) && !isValue(c)) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " is public in flow "
                            + flowOf(c).orElseThrow() + " but is neither its facade " + FACADES.get(flowOf(c).orElseThrow())
                            + " nor a value: make it package-private behind the facade"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> dependOnOtherFlowsOnlyThroughTheirFacadeOrValues() {
        return new ArchCondition<>("depend on other flows only through their facade or values") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String own = flowOf(c).orElseThrow();
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass();
                    Optional<String> other = flowOf(target);
                    if (other.isPresent() && !other.get().equals(own) && !isFacade(target) && !isValue(target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
