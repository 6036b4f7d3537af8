package io.eventos.platform.security;

import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.security.auth.Subject;
import javax.xml.parsers.DocumentBuilderFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests skip Jakarta Security's bridge (docs/architecture/web-layer.md, "Public paths skip the sign-in
 * bridge"): the public site and images, unless the container requires a sign-in; never anything that reads the
 * signed-in user. The journeys (sign-in kept across public pages, /app still asking for it) are in OpenPathsIT.
 */
class OpenPathsAuthenticationTest {

    private final CountingBridge bridge = new CountingBridge();
    private final OpenPathsAuthentication.Config config = new OpenPathsAuthentication.Config(bridge);

    @Test
    void thePublicSiteAndUploadedImagesAreOpen() {
        assertThat(List.of("/e/demo", "/e/demo/", "/e/demo/product-summit", "/e/demo/product-summit.ics",
                "/e/demo/product-summit/tickets", "/e/demo/checkout/AbCdEfGhIjKlMnOpQrStUv", "/e/demo/orders/find",
                "/media/demo/0b7e6f3c-4a8e-4c59-9d1e-2f6a3b5c7d90")).allMatch(OpenPaths::isOpen);
    }

    @Test
    void everythingThatReadsTheSignedInUserIsNot() {
        assertThat(List.of("/app/index.xhtml", "/app/", "/app", "/app/export/orders.csv", "/checkin/scan.xhtml",
                "/checkin/", "/login.xhtml", "/signup.xhtml", "/invite.xhtml", "/verify-email.xhtml",
                "/reset-password.xhtml", "/", "/index.xhtml", "/dev/mail", "/health/live", "/e",
                "/jakarta.faces.resource/css/eventos.css.xhtml", "/public/event.xhtml", "/shop/checkout.xhtml"))
                .noneMatch(OpenPaths::isOpen);
    }

    @Test
    void aPathTheContainerMightMapElsewhereIsNotOpen() {
        assertThat(Arrays.asList(null, "/e/../app/index.xhtml", "/e/./demo", "/e/demo/..",
                "/e/demo;jsessionid=1", "/e\\..\\app/index.xhtml", "/media/..%2fapp")).noneMatch(OpenPaths::isOpen);
    }

    @Test
    void anOpenRequestIsAuthenticatedAsNobodyWithoutAskingTheBridge() throws Exception {
        MessageInfo request = message("/e/demo/product-summit", null, false);

        String id = config.getAuthContextID(request);
        ServerAuthContext context = config.getAuthContext(id, null, Map.of());
        Subject caller = new Subject();

        assertThat(id).isEqualTo(OpenPathsAuthentication.OPEN);
        assertThat(context.validateRequest(request, caller, null)).isEqualTo(AuthStatus.SUCCESS);
        assertThat(caller.getPrincipals()).as("no caller: the container treats the request as unauthenticated")
                .isEmpty();
        assertThat(context.secureResponse(request, null)).isEqualTo(AuthStatus.SEND_SUCCESS);
        assertThat(bridge.contextsAsked).isZero();
        assertThat(config.getAuthContextID(message("/media", "/demo/0b7e6f3c-4a8e-4c59-9d1e-2f6a3b5c7d90", false)))
                .as("servlet path and path info together").isEqualTo(OpenPathsAuthentication.OPEN);
    }

    @Test
    void aRequestThatNeedsASignInGoesToTheBridgeWhateverItsPath() throws Exception {
        MessageInfo mandatory = message("/e/demo/product-summit", null, true);

        assertThat(config.getAuthContextID(mandatory)).isEqualTo(CountingBridge.ID);
        assertThat(config.getAuthContext(config.getAuthContextID(mandatory), null, Map.of()))
                .isSameAs(CountingBridge.CONTEXT);
    }

    @Test
    void organizerPagesSignInAndCheckInGoToTheBridgeEvenWhereNoConstraintAsksForASignIn() throws Exception {
        for (String path : List.of("/app/index.xhtml", "/login.xhtml", "/invite.xhtml", "/checkin/scan.xhtml",
                "/index.xhtml")) {
            MessageInfo request = message(path, null, false);
            assertThat(config.getAuthContextID(request)).as(path).isEqualTo(CountingBridge.ID);
            assertThat(config.getAuthContext(config.getAuthContextID(request), null, Map.of())).as(path)
                    .isSameAs(CountingBridge.CONTEXT);
        }
    }

    /** web.xml's constraint and the open paths must not meet: a sign-in required there would be asked for anyway. */
    @Test
    void noSecurityConstraintCoversAnOpenPath() throws Exception {
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
        NodeList constraints = document.getElementsByTagName("security-constraint");
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < constraints.getLength(); i++) {
            NodeList urls = ((Element) constraints.item(i)).getElementsByTagName("url-pattern");
            for (int j = 0; j < urls.getLength(); j++) {
                patterns.add(urls.item(j).getTextContent().trim());
            }
        }
        assertThat(patterns).contains("/app/*");
        for (String pattern : patterns) {
            for (String open : OpenPaths.PREFIXES) {
                assertThat(covers(pattern, open)).as(pattern + " and " + open).isFalse();
            }
        }
    }

    /** Whether the url-pattern may match an address under {@code prefix} (extension and default patterns may). */
    private static boolean covers(String pattern, String prefix) {
        if (pattern.startsWith("*.") || pattern.equals("/") || pattern.equals("/*")) {
            return true;
        }
        String base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 1) : pattern;
        return base.startsWith(prefix) || prefix.startsWith(base);
    }

    private static MessageInfo message(String servletPath, String pathInfo, boolean mandatory) {
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(
                OpenPathsAuthenticationTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getServletPath" -> servletPath;
                    case "getPathInfo" -> pathInfo;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        Map<String, Object> map = new HashMap<>();
        if (mandatory) {
            map.put(OpenPathsAuthentication.IS_MANDATORY, "true");
        }
        return new MessageInfo() {
            @Override
            public Object getRequestMessage() {
                return request;
            }

            @Override
            public Object getResponseMessage() {
                return null;
            }

            @Override
            public void setRequestMessage(Object message) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void setResponseMessage(Object message) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Object> getMap() {
                return map;
            }
        };
    }

    /** Stands in for Soteria's configuration: one context, and a count of the times it was asked for one. */
    private static final class CountingBridge implements ServerAuthConfig {

        static final String ID = "server /";
        static final ServerAuthContext CONTEXT = (messageInfo, clientSubject, serviceSubject) -> AuthStatus.SUCCESS;

        int contextsAsked;

        @Override
        public ServerAuthContext getAuthContext(String authContextID, Subject serviceSubject,
                                                Map<String, Object> properties) {
            contextsAsked++;
            return CONTEXT;
        }

        @Override
        public String getMessageLayer() {
            return OpenPathsRegistration.LAYER;
        }

        @Override
        public String getAppContext() {
            return ID;
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return ID;
        }

        @Override
        public void refresh() {
        }

        @Override
        public boolean isProtected() {
            return false;
        }
    }
}
