/**
 * Demo account for {@code mvn -Prun} (EVENTOS_DEMO=true); not a business context: it writes entities of every
 * context directly, which services of one context never do.
 * <p>
 * {@link io.eventos.demo.DemoDataLoader} runs at start-up when {@code eventos.demo} is true and asks
 * {@link io.eventos.demo.DemoAccountSeeder} to create the account with the slug {@code demo} unless it exists;
 * {@link io.eventos.demo.DemoDataWriter} persists the whole account in one tenant-bound transaction. Names and
 * amounts come from a fixed seed so the demo looks the same every time; codes and tokens come from
 * {@link java.security.SecureRandom}.
 */
package io.eventos.demo;
