package org.veritally.formats.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8785 behaviour for the integer-only profile, with the RFC's own examples where they apply. */
class CanonicalJsonTest {
    static String enc(Object o) {
        return new String(CanonicalJson.encode(o), StandardCharsets.UTF_8);
    }

    @Test
    void membersSortedByUtf16CodeUnits() {
        // RFC 8785 §3.2.3 sorting example (keys only): "\u20ac" (€), "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080",
        // "\u00f6"
        var m = new LinkedHashMap<String, Object>();
        for (String k : List.of("\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6"))
            m.put(k, (long) k.codePointAt(0));
        String out = enc(m);
        assertThat(out)
                .isEqualTo("{\"\\r\":13,\"1\":49,\"\u0080\":128,\"\u00f6\":246,\"\u20ac\":8364,\""
                        + "\ud83d\ude00\":128512,\"\ufb33\":64307}");
    }

    @Test
    void stringsEscapedAsEcmascript() {
        assertThat(enc("a\"b\\c\n\t\u0001\u001f/é")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001\\u001f/é\"");
    }

    @Test
    void nestedStructuresAndIntegers() {
        assertThat(enc(Map.of("b", List.of(1L, -2L, 0L), "a", Map.of("z", true, "y", false))))
                .isEqualTo("{\"a\":{\"y\":false,\"z\":true},\"b\":[1,-2,0]}");
    }

    @Test
    void integersBeyond2To53AreRefused() {
        assertThatThrownBy(() -> enc(1L << 53)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strictReaderRefusesFloatsNullsDuplicatesAndTrailingData() throws Exception {
        assertThat(JsonTree.asObject(JsonTree.parse("{\"a\":1.5}".getBytes())).get("a"))
                .isEqualTo(new JsonTree.BadNumber("1.5"));
        assertThatThrownBy(() -> enc(new JsonTree.BadNumber("1.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonTree.parse("{\"a\":null}".getBytes())).isInstanceOf(JsonTree.JsonError.class);
        assertThatThrownBy(() -> JsonTree.parse("{\"a\":1,\"a\":2}".getBytes())).isInstanceOf(JsonTree.JsonError.class);
        assertThatThrownBy(() -> JsonTree.parse("{\"a\":1} x".getBytes())).isInstanceOf(JsonTree.JsonError.class);
        assertThat(JsonTree.asObject(JsonTree.parse("{\"a\":99999999999999999999}".getBytes()))
                        .get("a"))
                .isInstanceOf(JsonTree.BadNumber.class);
    }

    @Test
    void roundTripThroughReaderIsCanonical() throws Exception {
        String in = "{ \"z\" : [3, 2], \"a\" : { \"k\" : \"v\" } }";
        assertThat(enc(JsonTree.parse(in.getBytes()))).isEqualTo("{\"a\":{\"k\":\"v\"},\"z\":[3,2]}");
    }
}
