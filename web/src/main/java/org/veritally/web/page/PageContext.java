package org.veritally.web.page;

import org.veritally.web.i18n.Lang;
import org.veritally.web.i18n.Messages;
import org.veritally.web.i18n.Numbers;
import org.veritally.web.link.Links;
import org.veritally.web.link.PageRef;

/**
 * What a renderer needs besides its view model: the language (words and number formats), how to
 * link, which page is being rendered (for the language switcher and sort links), and the hashed
 * names of the static assets. One per render, on one thread; not thread-safe ({@link Numbers} is
 * not, and is shared by the renders of a thread).
 */
public record PageContext(Lang lang, Messages words, Numbers numbers, Links links, PageRef self, AssetNames assets) {
    public static PageContext of(Lang lang, Links links, PageRef self, AssetNames assets) {
        return new PageContext(
                lang, Messages.of(lang), NUMBERS.get().computeIfAbsent(lang, Numbers::new), links, self, assets);
    }

    /**
     * Each thread's number formats, one per language: building them costs more than most pages. A
     * render runs on one thread, so its context never shares them.
     */
    private static final ThreadLocal<java.util.Map<Lang, Numbers>> NUMBERS =
            ThreadLocal.withInitial(() -> new java.util.EnumMap<>(Lang.class));

    public String t(String key) {
        return words.get(key);
    }

    public String href(PageRef target) {
        return links.page(lang, target);
    }

    /** The file names (content-hashed) of the stylesheet and the live-update script. */
    public record AssetNames(String css, String js) {}
}
