/** The offline verifier: checks a published log and its totals with no database and no server. */
package org.veritally.verify;
