package dev.airlock.kiosk.core;

import dev.airlock.appliance.store.ApplianceInfo;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A view that only makes sense on a lab appliance or only on a gateway. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ForRole {
    ApplianceInfo.Role value();
}
