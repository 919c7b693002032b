/** Veritally core module. */
package org.veritally.core;
