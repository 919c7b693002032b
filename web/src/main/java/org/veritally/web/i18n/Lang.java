package org.veritally.web.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the site is written in. The code is the first segment of every page's path
 * ({@code /es/unit/...}) and the page's {@code lang} attribute; the locale formats its numbers.
 */
public enum Lang {
    EN("en", "English"),
    ES("es", "Español"),
    ID("id", "Bahasa Indonesia"),
    PT("pt", "Português");

    private final String code;
    private final String nativeName;
    private final Locale locale;

    Lang(String code, String nativeName) {
        this.code = code;
        this.nativeName = nativeName;
        this.locale = Locale.forLanguageTag(code);
    }

    public String code() {
        return code;
    }

    /** The language's name in itself, for the language switcher. */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Lang> of(String code) {
        for (Lang l : values()) if (l.code.equals(code)) return Optional.of(l);
        return Optional.empty();
    }

    /** The best language for an {@code Accept-Language} header (weights honoured), else English. */
    public static Lang negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) return EN;
        try {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(acceptLanguage)) {
                String tag = r.getRange().toLowerCase(Locale.ROOT);
                if (tag.startsWith("in")) tag = "id" + tag.substring(2);
                for (Lang l : values()) if (tag.equals(l.code) || tag.startsWith(l.code + "-")) return l;
            }
        } catch (IllegalArgumentException e) {
            return EN;
        }
        return EN;
    }
}
