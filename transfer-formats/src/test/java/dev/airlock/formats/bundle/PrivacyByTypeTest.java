package dev.airlock.formats.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** privacy.md by type: nothing a request is made of has a place for a name, address, serial, group or note. */
class PrivacyByTypeTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "host|name|domain|fqdn|\\bip|^ip|address|mac|uuid|serial|asset|group|note|operator|user|pin|site|os|caption|description|comment");
    private static final List<Class<?>> REQUEST_TYPES = List.of(ExportRecord.class, CountQuery.class,
            RequestBundle.class, RequestBundle.Entry.class, RequestBundle.Query.class, Product.class, Reference.class,
            BundleId.class);

    @Test
    void exportRecordAndRequestModel_haveNoFieldForIdentifyingData() {
        List<String> offending = new ArrayList<>();
        for (Class<?> type : REQUEST_TYPES) {
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                check(type, f.getName(), offending);
            }
            if (type.isRecord()) {
                for (RecordComponent c : type.getRecordComponents()) {
                    check(type, c.getName(), offending);
                }
            }
        }
        assertThat(offending).isEmpty();
    }

    private static void check(Class<?> type, String name, List<String> offending) {
        String lower = name.toLowerCase(Locale.ROOT);
        // the product name (WMI's licensing product name) is on the allow-list with the SKU
        boolean allowed = (type == ExportRecord.class && lower.equals("productname"))
                || (type == Product.class && lower.equals("name"))
                || lower.equals("epids") || lower.equals("epid");
        if (!allowed && FORBIDDEN.matcher(lower).find()) {
            offending.add(type.getSimpleName() + "." + name);
        }
    }

    @Test
    void exportRecord_holdsOnlyAllowListedTypes() {
        assertThat(Arrays.stream(ExportRecord.class.getRecordComponents()).map(c -> c.getType().getSimpleName()))
                .containsExactly("SkuId", "ApplicationId", "String", "ExtendedProductId", "InstallationId");
    }

    @Test
    void requestBundle_isMadeOnlyFromExportRecordsOrDecodedFromSignedBytes() throws Exception {
        assertThat(RequestBundle.class.getConstructors()).isEmpty();
        List<String> factories = new ArrayList<>();
        for (Method m : RequestBundle.class.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && Modifier.isPublic(m.getModifiers())
                    && (m.getReturnType() == RequestBundle.class || m.getReturnType() == RequestBundle.Built.class)) {
                factories.add(m.getName() + Arrays.toString(m.getParameterTypes()));
            }
        }
        assertThat(factories).containsExactlyInAnyOrder(
                "build[class dev.airlock.formats.signature.KeyId, interface java.util.List, interface java.util.List,"
                        + " class java.time.Instant, interface java.util.random.RandomGenerator]");
        // decoding lives in the package-private codec: outside the package a decoded request comes only from
        // the signed bytes (SignedBundle.request())
        assertThat(Modifier.isPublic(RequestCodec.class.getModifiers())).isFalse();
        assertThat(RequestCodec.class.getDeclaredMethod("decode", byte[].class).getReturnType())
                .isEqualTo(RequestBundle.class);
        Method build = Arrays.stream(RequestBundle.class.getDeclaredMethods()).filter(m -> m.getName().equals("build"))
                .findFirst().orElseThrow();
        assertThat(build.getGenericParameterTypes()[1].getTypeName())
                .isEqualTo("java.util.List<dev.airlock.formats.bundle.ExportRecord>");
        assertThat(build.getGenericParameterTypes()[2].getTypeName())
                .isEqualTo("java.util.List<dev.airlock.formats.bundle.CountQuery>");
    }
}
