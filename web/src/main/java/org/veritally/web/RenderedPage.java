package org.veritally.web;

/**
 * A rendered page: its HTTP status, its HTML, and whether it carries live figures (the polling
 * script), which a static mirror may want to know. Immutable.
 */
public record RenderedPage(int status, String html, boolean live) {}
