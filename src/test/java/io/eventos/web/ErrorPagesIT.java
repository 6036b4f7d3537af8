package io.eventos.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees when the server fails: the 500 page with an error id, never a stack trace or a detail. */
@ExtendWith(ArquillianExtension.class)
class ErrorPagesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("eventos.it.war",
                        "target/eventos.war")))
                .addClass(FailingServlet.class);
    }

    @ArquillianResource
    URL deployed;

    @Test
    @RunAsClient
    void aFailureShowsTheErrorPageWithAnIdAndNoDetails() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath());
        HttpResponse<String> failed = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(base.resolve("it/fail")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("Something went wrong", "Error id")
                .doesNotContain("IllegalStateException", "secret internal detail", "postgres://", "at io.eventos");
        Matcher id = Pattern.compile("<code id=\"error-id\">([0-9A-F]{8})</code>").matcher(failed.body());
        assertThat(id.find()).as("an error id to quote to support").isTrue();
    }
}
