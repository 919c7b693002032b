/** JMH benchmarks. */
package org.veritally.bench;
