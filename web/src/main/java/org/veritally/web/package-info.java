/** The public results website. */
package org.veritally.web;
