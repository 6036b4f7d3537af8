package io.eventos.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Test-only: fails the way a bug would, to show what a user sees then. */
@WebServlet("/it/fail")
public class FailingServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException("secret internal detail: connection string postgres://hidden");
    }
}
