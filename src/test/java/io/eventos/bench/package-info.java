/**
 * The benchmarks (run by the scripts in bench/, never by a plain {@code mvn verify}; their figures are in
 * docs/benchmarks.md) and what they share ({@code BenchServer}, {@code BenchData}). Cross-cutting, so not under a
 * context.
 */
package io.eventos.bench;
