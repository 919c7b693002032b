package org.veritally.core.validation;

/** Whether a rule rejects the record ({@code ERROR}) or accepts it with a flag ({@code FLAG}). */
public enum Severity {
    ERROR,
    FLAG
}
