/**
 * Tests of the whole site at once, which belong to no one context: {@code EveryViewIT} (every view for every role and
 * for nobody), {@code FormFuzzIT} (every form with bad input), {@code AccessibilityIT} (axe-core over the pages of
 * every audience) and {@code OrganizerListQueriesIT} (one statement budget for the organizer lists of four contexts).
 * A new page is walked, fuzzed or counted here without a line of its own. Every other test lives in the package of
 * the code it mainly exercises (src/test mirrors src/main by context); the other packages of tests only are
 * {@code testing}, {@code architecture}, {@code isolation}, {@code bench} and {@code devserver}.
 */
package io.eventos.web;
