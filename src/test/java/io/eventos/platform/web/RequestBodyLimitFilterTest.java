package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitFilterTest {

    /** The upload views of every context, as the filter gathers them in the running application. */
    static final Set<String> UPLOADS = RequestBodyLimitFilter.uploadViews(ContextViewsFinder.all());

    @Test
    void aFileReachesOnlyThePagesWithAFileFieldAndNoMoreThanTheirLimit() {
        assertThat(allowed("multipart/form-data; boundary=x", 6_000_000, "/app/event.xhtml"))
                .isTrue();
        assertThat(allowed("multipart/form-data; boundary=x", 23_000_000, "/app/event.xhtml"))
                .as("over the upload limit").isFalse();
        assertThat(allowed("multipart/form-data; boundary=x", 20_100_000,
                "/app/contacts-import.xhtml")).as("a CSV file of contacts of up to 20 MB, with the form around it")
                .isTrue();
        assertThat(allowed("Multipart/Form-Data; boundary=x", 1_000, "/login.xhtml"))
                .as("a page without a file field parses no multipart body").isFalse();
        assertThat(allowed("multipart/form-data; boundary=x", 1_000, "/e/demo/product-summit"))
                .isFalse();
        assertThat(allowed("multipart/form-data; boundary=x", -1, "/app/event.xhtml"))
                .as("a multipart body without a length").isFalse();
    }

    @Test
    void anyOtherBodyIsCappedAboveWhatTheLargestLegitimateOneNeeds() {
        String form = "application/x-www-form-urlencoded";
        assertThat(allowed(form, 50_000, "/e/demo/checkout/abc")).isTrue();
        assertThat(allowed(form, 3_000_000, "/e/demo/checkout/abc")).isFalse();
        assertThat(allowed("application/json", 2_000_000, "/checkin/offline/scans"))
                .as("a kiosk's offline scans, whose servlet answers its own sentence above 2,000,000 bytes").isTrue();
        assertThat(allowed(null, 0, "/app/events.xhtml")).isTrue();
        assertThat(allowed(null, -1, "/app/events.xhtml")).isTrue();
    }

    @Test
    void theUploadPagesAreExactlyTheViewsWithAFileField() throws IOException {
        Path webapp = Path.of("src/main/webapp");
        Set<String> withFileField;
        try (Stream<Path> views = Files.walk(webapp)) {
            withFileField = views.filter(p -> p.toString().endsWith(".xhtml"))
                    .filter(p -> !p.startsWith(webapp.resolve("WEB-INF")))
                    .filter(p -> read(p).contains("<p:fileUpload"))
                    .map(p -> "/" + webapp.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        assertThat(UPLOADS).as("the views the contexts name as taking a file (ContextViews)").isEqualTo(withFileField);
    }

    /** The filter's decision with the contexts' upload views. */
    private static boolean allowed(String contentType, long length, String path) {
        return RequestBodyLimitFilter.allowed(contentType, length, path, UPLOADS);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
