/** Veritally app module. */
package org.veritally.app;
