package org.veritally.server.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.veritally.server.asof.AsOf;
import org.veritally.server.read.TreeAsOf;

/**
 * The {@code asOf} object of every API answer given as of an earlier log size (docs/api.md, "As of a
 * checkpoint"): the size, the root of that tree, the log's latest size, and the signed checkpoint the answer
 * rests on ({@code exact} when it is of that very size). Stateless.
 */
public final class AsOfJson {
    private AsOfJson() {}

    /** The description of {@code a} when the log has {@code latest} entries. */
    public static Map<String, Object> describe(AsOf a, long latest) {
        return describe(new TreeAsOf(a.size(), a.rootHex(), a.checkpoint()), latest);
    }

    /** The description of an answer resting on the tree {@code a} when the log has {@code latest} entries. */
    public static Map<String, Object> describe(TreeAsOf a, long latest) {
        var m = new LinkedHashMap<String, Object>();
        m.put("size", a.size());
        m.put("root", a.rootHex());
        m.put("latestSize", latest);
        m.put("exact", a.exact());
        a.checkpoint().ifPresent(c -> {
            var cp = new LinkedHashMap<String, Object>();
            cp.put("treeSize", c.treeSize());
            cp.put("createdMs", c.createdMs());
            cp.put("note", c.note());
            m.put("checkpoint", cp);
        });
        return m;
    }

    /** {@code {"asOf": …, name: body}}: an answer as of {@code a}. */
    public static Map<String, Object> answer(AsOf a, long latest, String name, Object body) {
        var m = new LinkedHashMap<String, Object>();
        m.put("asOf", describe(a, latest));
        m.put(name, body);
        return m;
    }
}
