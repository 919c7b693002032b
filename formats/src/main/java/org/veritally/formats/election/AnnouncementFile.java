package org.veritally.formats.election;

import java.util.ArrayList;
import java.util.List;
import org.veritally.core.model.Announcement;
import org.veritally.core.validation.Problem;
import org.veritally.core.validation.Rule;
import org.veritally.formats.canonical.Fields;
import org.veritally.formats.canonical.JsonTree;
import org.veritally.formats.entry.AnnouncementJson;

/**
 * Format {@code announcement}: a JSON file holding one announcement object, or an array of them
 * (docs/formats.md). Every problem is reported with its JSON path. Stateless.
 */
public final class AnnouncementFile {
    private AnnouncementFile() {}

    public static List<Announcement> read(byte[] json, String file, List<Problem> problems) {
        Object tree;
        try {
            tree = JsonTree.parse(json);
        } catch (JsonTree.JsonError e) {
            problems.add(new Problem(Rule.IN_SYNTAX, file + " " + e.path(), e.getMessage()));
            return List.of();
        }
        List<Object> items = tree instanceof List<?> ? JsonTree.asList(tree) : List.of(tree);
        List<Announcement> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Fields f = new Fields(items.get(i), file + " $" + (tree instanceof List<?> ? "[" + i + "]" : ""), problems);
            int before = problems.size();
            var a = AnnouncementJson.read(f, true, problems);
            f.end();
            if (problems.size() == before) a.ifPresent(out::add);
        }
        return out;
    }
}
