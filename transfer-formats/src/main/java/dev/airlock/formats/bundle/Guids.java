package dev.airlock.formats.bundle;

import dev.airlock.formats.ids.ApplicationId;
import dev.airlock.formats.ids.InvalidIdException;
import dev.airlock.formats.ids.SkuId;
import java.util.HexFormat;

/** GUIDs on the wire: the 32 hex digits of the canonical text, in text order, as 16 bytes. */
final class Guids {
    static final int LENGTH = 16;
    /** Well-known application IDs get one-byte codes; 0 means "16-byte GUID follows". */
    private static final ApplicationId[] APP_CODES = {null, ApplicationId.WINDOWS, ApplicationId.OFFICE,
            ApplicationId.OFFICE_2010};

    private Guids() {}

    static byte[] bytes(Object guid) {
        return HexFormat.of().parseHex(guid.toString().replace("-", ""));
    }

    static String text(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static void writeSku(WireWriter w, SkuId sku) {
        w.bytes(bytes(sku));
    }

    static SkuId readSku(WireReader r, String field) throws MalformedBundleException {
        try {
            return SkuId.parse(text(r.bytes(LENGTH, field)));
        } catch (InvalidIdException e) {
            throw new IllegalStateException("16 bytes are always a GUID", e);
        }
    }

    static void writeApp(WireWriter w, ApplicationId app) {
        for (int code = 1; code < APP_CODES.length; code++) {
            if (APP_CODES[code].equals(app)) {
                w.u8(code);
                return;
            }
        }
        w.u8(0);
        w.bytes(bytes(app));
    }

    static ApplicationId readApp(WireReader r, String field) throws MalformedBundleException {
        int code = r.u8(field);
        if (code >= APP_CODES.length) {
            throw r.errorAt(field, "has the unknown application code " + code);
        }
        if (code > 0) {
            return APP_CODES[code];
        }
        ApplicationId app;
        try {
            app = ApplicationId.parse(text(r.bytes(LENGTH, field)));
        } catch (InvalidIdException e) {
            throw new IllegalStateException("16 bytes are always a GUID", e);
        }
        for (int c = 1; c < APP_CODES.length; c++) {
            if (APP_CODES[c].equals(app)) {
                throw r.errorAt(field, "spells out the well-known application " + app.family()
                        + " instead of using its code " + c);
            }
        }
        return app;
    }
}
