/**
 * The run command ({@code mvn -Prun}: {@code DevServer}), the embedded PostgreSQL and Payara Micro process it starts
 * (used by the test harness and the benchmarks too), and its test ({@code RunCommandIT}). Cross-cutting, so not under
 * a context.
 */
package io.eventos.devserver;
