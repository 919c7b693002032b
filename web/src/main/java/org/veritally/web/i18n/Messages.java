package org.veritally.web.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The site's words in each {@link Lang}, from {@code messages_<code>.properties} (UTF-8) beside
 * this class. Every language must define every key of the English file (checked by a test); a
 * missing key fails fast rather than showing a blank. Immutable and thread-safe once loaded.
 */
public final class Messages {
    private static final Map<Lang, Messages> ALL = load();
    private final Lang lang;
    private final Map<String, String> words;

    private Messages(Lang lang, Map<String, String> words) {
        this.lang = lang;
        this.words = Map.copyOf(words);
    }

    public static Messages of(Lang lang) {
        return ALL.get(lang);
    }

    public Lang lang() {
        return lang;
    }

    public Set<String> keys() {
        return words.keySet();
    }

    /** The text for {@code key}; {@code IllegalStateException} if the language lacks it. */
    public String get(String key) {
        String s = words.get(key);
        if (s == null) throw new IllegalStateException("message '" + key + "' missing for " + lang.code());
        return s;
    }

    /** The text for {@code key} with {@code {0}}, {@code {1}}... replaced by the (already formatted) args. */
    public String format(String key, String... args) {
        String s = get(key);
        for (int i = 0; i < args.length; i++) s = s.replace("{" + i + "}", args[i]);
        return s;
    }

    private static Map<Lang, Messages> load() {
        Map<Lang, Messages> m = new EnumMap<>(Lang.class);
        for (Lang l : Lang.values()) {
            String file = "messages_" + l.code() + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(file)) {
                if (in == null) throw new IllegalStateException("missing resource " + file);
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> words = new HashMap<>();
                for (String k : p.stringPropertyNames()) words.put(k, p.getProperty(k));
                m.put(l, new Messages(l, words));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        }
        return m;
    }
}
