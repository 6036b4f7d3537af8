package io.eventos.platform.web;

import java.util.List;

/**
 * The public addresses a context serves under {@code /e/{account}} (an {@code @ApplicationScoped} bean of the
 * context; {@link PublicSiteFilter} finds every one once, when the first public request comes). Platform knows no
 * context's views: the event context's pages and calendar files and ticketing's shop pages come from here.
 */
public interface PublicRoutes {

    /** This context's routes; asked once. */
    List<PublicRoute> routes();
}
