/** The {@code bin/veritally} commands, configuration and wiring. */
package org.veritally.app;
