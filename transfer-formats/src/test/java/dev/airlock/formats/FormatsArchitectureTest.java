package dev.airlock.formats;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/** The shape of the transfer formats, checked on their compiled main code: values apart from their codecs. */
@AnalyzeClasses(packages = "dev.airlock.formats", importOptions = ImportOption.DoNotIncludeTests.class)
class FormatsArchitectureTest {
    private static final String BUNDLE = "dev.airlock.formats.bundle.";

    /** The bundle package's values (with their nested records), and the identifier types. */
    private static final DescribedPredicate<JavaClass> VALUES = DescribedPredicate.describe(
            "the bundle values (RequestBundle, ResponseBundle, KeyCard, BundleContent) or the ids package",
            c -> c.getPackageName().equals("dev.airlock.formats.ids")
                    || c.getPackageName().equals("dev.airlock.formats.bundle") && Set.of("RequestBundle",
                            "ResponseBundle", "KeyCard", "BundleContent").contains(outermost(c).getSimpleName()));

    /** The classes that write or read bytes and XML: wire primitives, the payload codecs, the file rendering. */
    private static final DescribedPredicate<JavaClass> CODECS = DescribedPredicate.describe(
            "codec classes (wire primitives, *Codec, BundleXml, BundleFile*)",
            c -> c.getPackageName().equals("dev.airlock.formats.bundle")
                    && (outermost(c).getSimpleName().endsWith("Codec")
                            || Set.of(BUNDLE + "WireReader", BUNDLE + "WireWriter", BUNDLE + "Guids",
                                    BUNDLE + "EpidTable", BUNDLE + "BundleXml").contains(outermost(c).getName())
                            || outermost(c).getSimpleName().startsWith("BundleFile")));

    private static JavaClass outermost(JavaClass c) {
        JavaClass o = c;
        while (o.getEnclosingClass().isPresent()) {
            o = o.getEnclosingClass().get();
        }
        return o;
    }

    @ArchTest
    static final ArchRule values_dependOnNoJacksonXmlOrCodec = noClasses()
            .that(VALUES)
            .should().dependOnClassesThat(resideInAnyPackage("com.fasterxml.jackson..", "javax.xml..", "org.xml..",
                    "org.w3c..", "dev.airlock.formats.xml..").or(CODECS))
            .because("requests, responses, key cards and identifiers are plain values; their bytes and XML are"
                    + " written and read by separate codecs (SignedBundle and BundleFile are the public entries)");

    @ArchTest
    static final ArchRule bundleCodecs_areNotPublic_butTheFileEntry = classes()
            .that(CODECS.and(DescribedPredicate.describe("not BundleFile itself",
                    c -> !c.getName().equals(BUNDLE + "BundleFile"))))
            .should().notBePublic()
            .because("the appliance reaches bundle bytes only through SignedBundle and BundleFile");
}
