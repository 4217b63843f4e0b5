package dev.airlock.kiosk.core;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import com.vaadin.flow.i18n.I18NUtil;
import dev.airlock.formats.outside.OutsideText;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The kiosk's translations (vaadin-i18n/translations.properties, found as Vaadin finds them),
 * with every text argument shown through {@link OutsideText#shown}: a host name, file name, label
 * or reason put into a sentence can never break it, move it or reorder it on screen.
 */
final class ShownTranslations extends DefaultI18NProvider {
    private static final long serialVersionUID = 1L;

    ShownTranslations(ClassLoader classLoader) {
        super(I18NUtil.getDefaultTranslationLocales(classLoader), classLoader);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Object[] shown = params.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof CharSequence s) {
                shown[i] = OutsideText.shown(s.toString());
            } else if (shown[i] instanceof Path p) {
                shown[i] = OutsideText.shown(p.toString());
            }
        }
        return super.getTranslation(key, locale, shown);
    }
}
