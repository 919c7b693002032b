package org.veritally.web.model;

import org.veritally.core.announce.Figure;

/**
 * One announced figure judged against the sheets of one view: the label (a message key when
 * {@code translated}, else a candidate's name), the announced value, what the sheets in hand give,
 * the interval [low, high] the announced value must lie in, and the verdict.
 */
public record FigureCheck(
        String label, boolean translated, long announced, long inHand, long low, long high, Figure.Status status) {}
