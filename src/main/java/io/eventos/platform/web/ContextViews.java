package io.eventos.platform.web;

import java.util.Set;

/**
 * What a context says about its own views that the platform's request handling needs to know (an
 * {@code @ApplicationScoped} bean of the context; the platform gathers every one once). Platform names none of the
 * contexts' views itself, as with {@link PublicRoutes}.
 */
public interface ContextViews {

    /**
     * The views with a file field ({@code p:fileUpload}), the only ones a multipart body may reach
     * ({@link RequestBodyLimitFilter}); a test compares the contexts' answers with the views.
     */
    default Set<String> uploadViews() {
        return Set.of();
    }

    /**
     * View ids (or their folders, ending in {@code /}) that anonymous visitors read without a form: rendered as
     * stateless views, so no visitor gets an HTTP session ({@link StatelessViews}).
     */
    default Set<String> statelessViews() {
        return Set.of();
    }
}
