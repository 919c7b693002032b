package org.veritally.web.model;

/**
 * One option of a selector (a view, a contest): its wire value, its label, and whether the page
 * shows it. A view's label is a message key when {@code translated} (the official view), otherwise
 * a source's own name.
 */
public record Option(String value, String label, boolean translated, boolean selected) {}
