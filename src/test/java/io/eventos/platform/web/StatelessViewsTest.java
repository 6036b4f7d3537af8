package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatelessViewsTest {

    private static final List<String> STATELESS = StatelessViews.withContexts(ContextViewsFinder.all());

    @Test
    void theAnonymousReadOnlyViewsOfEveryContextAreStatelessAndNoFormOfTheOrganizer() {
        assertThat(StatelessViews.isStateless(STATELESS, "/public/event.xhtml")).as("the event context's page").isTrue();
        assertThat(StatelessViews.isStateless(STATELESS, "/checkin/index.xhtml")).as("the kiosk's start").isTrue();
        assertThat(StatelessViews.isStateless(STATELESS, "/index.xhtml")).as("the landing page").isTrue();
        assertThat(StatelessViews.isStateless(STATELESS, "/checkin/scan.xhtml"))
                .as("the kiosk's scanner posts forms: its view state is its CSRF token").isFalse();
        assertThat(StatelessViews.isStateless(STATELESS, "/app/events.xhtml")).isFalse();
        assertThat(StatelessViews.isStateless(STATELESS, "/login.xhtml")).isFalse();
        assertThat(StatelessViews.isStateless(STATELESS, null)).isFalse();
    }

    @Test
    void everyNamedViewExists() {
        Path webapp = Path.of("src/main/webapp");
        assertThat(STATELESS).allSatisfy(view -> assertThat(webapp.resolve(view.substring(1))).exists());
        assertThat(Files.isDirectory(webapp.resolve("public"))).isTrue();
    }
}
