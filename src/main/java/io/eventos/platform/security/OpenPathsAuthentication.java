package io.eventos.platform.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import java.util.Map;

/**
 * The application's Jakarta Authentication provider: Jakarta Security's own (Soteria's JASPIC bridge to our sign-in
 * mechanism) for every request, except those for an {@link OpenPaths open path} that the container does not require
 * a signed-in user for. Those get a context that answers "nobody, go on" ({@link #OPEN}) without asking the bridge,
 * which looks the mechanism up twice a request, before and after the page, each time through a JNDI look-up of the
 * {@code BeanManager} (a quarter of the CPU of a public page answered from the database, docs/benchmarks.md).
 * <p>The choice is made where Jakarta Authentication puts it: {@link ServerAuthConfig#getAuthContextID} sees each
 * request's {@code MessageInfo} before the container asks for the context that will authenticate it (Servlet
 * Container Profile, "Authentication Context Identifiers"). Removing the caller is all it can do: the container
 * still authorizes the request after it, and a request that needs a signed-in user (the profile's {@code isMandatory}
 * key in the message's map: web.xml's constraint, {@code HttpServletRequest.authenticate}, {@code logout}) always
 * goes to the bridge, whatever its path. Installed by {@link OpenPathsRegistration}.
 */
final class OpenPathsAuthentication implements AuthConfigProvider {

    /** The authentication context identifier of a request for an open path (the bridge's is the app context). */
    static final String OPEN = "io.eventos.open-path";
    /** Servlet Container Profile: present in the message's map if and only if authentication is required. */
    static final String IS_MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

    private final AuthConfigProvider bridge;

    OpenPathsAuthentication(AuthConfigProvider bridge) {
        this.bridge = bridge;
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        ServerAuthConfig config = bridge.getServerAuthConfig(layer, appContext, handler);
        return config == null ? null : new Config(config);
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        return bridge.getClientAuthConfig(layer, appContext, handler);
    }

    @Override
    public void refresh() {
        bridge.refresh();
    }

    /** Whether the request in {@code messageInfo} is for an open path and may be answered without a sign-in. */
    static boolean isOpen(MessageInfo messageInfo) {
        if (messageInfo.getMap().containsKey(IS_MANDATORY)
                || !(messageInfo.getRequestMessage() instanceof HttpServletRequest request)) {
            return false;
        }
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return servletPath != null && OpenPaths.isOpen(pathInfo == null ? servletPath : servletPath + pathInfo);
    }

    /** The bridge's configuration, with the open context for requests of open paths. */
    static final class Config implements ServerAuthConfig {

        private final ServerAuthConfig bridge;

        Config(ServerAuthConfig bridge) {
            this.bridge = bridge;
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return isOpen(messageInfo) ? OPEN : bridge.getAuthContextID(messageInfo);
        }

        @Override
        public ServerAuthContext getAuthContext(String authContextID, Subject serviceSubject,
                                                Map<String, Object> properties) throws AuthException {
            return OPEN.equals(authContextID) ? Anonymous.CONTEXT
                    : bridge.getAuthContext(authContextID, serviceSubject, properties);
        }

        @Override
        public String getMessageLayer() {
            return bridge.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return bridge.getAppContext();
        }

        @Override
        public boolean isProtected() {
            return bridge.isProtected();
        }

        @Override
        public void refresh() {
            bridge.refresh();
        }
    }

    /**
     * A request of an open path: authenticated as nobody, exactly what the bridge answers a signed-out visitor there
     * (Jakarta Security's "do nothing": {@code SUCCESS} with no caller principal). After the page, the interface's
     * own {@code secureResponse} answers {@code SEND_SUCCESS}, as the bridge does; its {@code cleanSubject} does
     * nothing, and is never asked here anyway (a logout requires authentication, so it goes to the bridge). For a
     * signed-in organizer the container treats this one request as unauthenticated and keeps the session's sign-in
     * for the next.
     */
    enum Anonymous implements ServerAuthContext {
        CONTEXT;

        @Override
        public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject) {
            return AuthStatus.SUCCESS;
        }
    }
}
