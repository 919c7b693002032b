package org.veritally.core.model;

/**
 * A node of the geography (state, municipality, parish, centre). The root has an empty
 * {@code parentId} and level 0. Immutable.
 */
public record Unit(String id, String name, int level, String parentId) {
    public Unit {
        Ids.require(id, "unit id");
        if (name == null) throw new IllegalArgumentException("unit name is null");
        if (parentId == null) throw new IllegalArgumentException("unit parentId is null (use \"\" for the root)");
        if (level < 0) throw new IllegalArgumentException("unit level < 0");
        if ((level == 0) != parentId.isEmpty())
            throw new IllegalArgumentException("only the root (level 0) has no parent: " + id);
    }

    public boolean isRoot() {
        return parentId.isEmpty();
    }
}
