package io.eventos.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChartJsTest {

    @Test
    void aChartIsJsonThatCannotEndTheScriptItIsWrittenInto() {
        String json = ChartJs.bar().labels(List.of("</script><script>alert(1)</script>", "Jazz & Blues"))
                .series("Tickets", List.of(3, 5))
                .series("Revenue", List.of(12.5, 20.0), "line", true, false)
                .json();
        assertThat(json).doesNotContain("<", ">", "&");
        JsonObject chart = Json.createReader(new StringReader(json)).readObject();
        assertThat(chart.getString("type")).isEqualTo("bar");
        assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(0))
                .isEqualTo("</script><script>alert(1)</script>");
        assertThat(chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(1).getString("yAxisID"))
                .isEqualTo("y1");
        assertThat(chart.getJsonObject("options").getJsonObject("scales").containsKey("y1")).isTrue();
    }
}
