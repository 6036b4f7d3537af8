package io.eventos.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Style sheets and scripts (our {@code /resources/*} and the Faces resources, PrimeFaces' among them) are sent gzipped
 * to clients that accept it by the server's HTTP listener ({@code src/main/payara/pre-boot-commands.asadmin}: their
 * types only; public pages compress themselves, RenderedPages). The listener does not say that the answer depends on
 * {@code Accept-Encoding}; this says it, so that a shared cache never hands a compressed file to a client that did
 * not ask for one.
 */
@WebFilter(filterName = "compressedFiles", urlPatterns = {"/resources/*", "/jakarta.faces.resource/*"})
public class CompressedFilesFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.addHeader("Vary", "Accept-Encoding");
        chain.doFilter(request, response);
    }
}
