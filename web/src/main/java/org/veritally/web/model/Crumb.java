package org.veritally.web.model;

/** One unit on the way from the root to a page's subject, with the name of its level. */
public record Crumb(String unitId, String name, String level) {}
