package dev.airlock.formats.kit;

/** The WMI class a product was read from. */
public enum ProductClass {
    /** Windows and Office 2013+ ({@code root\cimv2:SoftwareLicensingProduct}). */
    SOFTWARE_LICENSING_PRODUCT("SoftwareLicensingProduct"),
    /** Office 2010 on Windows 7 ({@code OfficeSoftwareProtectionProduct}). */
    OFFICE_SOFTWARE_PROTECTION_PRODUCT("OfficeSoftwareProtectionProduct");

    private final String wmiName;

    ProductClass(String wmiName) {
        this.wmiName = wmiName;
    }

    /** The WMI class name, as written in the record's {@code class} attribute. */
    public String wmiName() {
        return wmiName;
    }

    /** Maps a WMI class name, or throws {@link IllegalArgumentException}. */
    public static ProductClass ofWmiName(String name) {
        for (ProductClass c : values()) {
            if (c.wmiName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("product class '" + name + "' is not SoftwareLicensingProduct or OfficeSoftwareProtectionProduct");
    }
}
