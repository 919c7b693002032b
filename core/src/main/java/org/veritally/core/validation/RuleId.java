package org.veritally.core.validation;

/**
 * A rule with a stable ID, as used in code, messages, docs and test names. Every family of rules is
 * an enum implementing this interface ({@link Rule} for what an input or an entry must obey; the
 * read, server, account and verification families elsewhere); IDs are unique across families and
 * never reused once retired.
 */
public interface RuleId {
    /** The stable ID, e.g. {@code TS-SUM}. */
    String id();

    /** Whether breaking the rule refuses the record or only flags it. */
    Severity severity();

    /** One line saying what the rule demands. */
    String description();
}
