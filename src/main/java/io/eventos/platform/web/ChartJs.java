package io.eventos.platform.web;

import io.eventos.platform.text.ScriptJson;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The configuration of a Chart.js chart for PrimeFaces' {@code <p:chart value="...">}, which hands it to the
 * Chart.js it ships (no other script, nothing from elsewhere: the page's Content-Security-Policy holds; PrimeFaces
 * writes the chart's start-up in its nonce'd script). Built with JSON-P and escaped for a script element
 * ({@link ScriptJson}), so names typed by organizers cannot end the script.
 */
public final class ChartJs {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());
    /** Colours that stay apart for people with the common colour vision deficiencies (Okabe–Ito). */
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
            "#F0E442", "#000000"};

    private final String type;
    private final List<String> labels = new ArrayList<>();
    private final List<JsonObjectBuilder> datasets = new ArrayList<>();
    private boolean stacked;
    private boolean horizontal;
    private boolean twoAxes;
    private boolean legend = true;

    private ChartJs(String type) {
        this.type = type;
    }

    public static ChartJs line() {
        return new ChartJs("line");
    }

    public static ChartJs bar() {
        return new ChartJs("bar");
    }

    public static ChartJs doughnut() {
        return new ChartJs("doughnut");
    }

    public ChartJs labels(List<String> labels) {
        this.labels.addAll(labels);
        return this;
    }

    /** A series drawn as this chart's type. */
    public ChartJs series(String label, List<? extends Number> values) {
        return series(label, values, null, false, false);
    }

    /** A line series on a bar chart or a second axis, dashed when {@code dashed} (e.g. capacity). */
    public ChartJs series(String label, List<? extends Number> values, String as, boolean secondAxis, boolean dashed) {
        int n = datasets.size();
        JsonArrayBuilder data = JSON.createArrayBuilder();
        values.forEach(v -> {
            if (v == null) {
                data.addNull();
            } else if (v instanceof Double || v instanceof Float) {
                data.add(v.doubleValue());
            } else {
                data.add(v.longValue());
            }
        });
        JsonObjectBuilder set = JSON.createObjectBuilder().add("label", label).add("data", data);
        if ("doughnut".equals(type)) {
            JsonArrayBuilder colours = JSON.createArrayBuilder();
            for (int i = 0; i < values.size(); i++) {
                colours.add(COLOURS[i % COLOURS.length]);
            }
            set.add("backgroundColor", colours);
        } else {
            String colour = COLOURS[n % COLOURS.length];
            set.add("borderColor", colour).add("backgroundColor", colour + ("line".equals(as == null ? type : as)
                    ? "33" : "cc")).add("borderWidth", 2).add("pointRadius", 2);
            if (as != null) {
                set.add("type", as);
            }
            if (secondAxis) {
                set.add("yAxisID", "y1");
                twoAxes = true;
            }
            if (dashed) {
                set.add("borderDash", JSON.createArrayBuilder().add(6).add(4)).add("pointRadius", 0);
            }
            if ("line".equals(as == null ? type : as) && !dashed) {
                set.add("fill", false).add("tension", 0.2);
            }
        }
        datasets.add(set);
        return this;
    }

    public ChartJs stacked() {
        this.stacked = true;
        return this;
    }

    public ChartJs horizontal() {
        this.horizontal = true;
        return this;
    }

    public ChartJs noLegend() {
        this.legend = false;
        return this;
    }

    /** The JSON for {@code <p:chart value>}. */
    public String json() {
        JsonArrayBuilder sets = JSON.createArrayBuilder();
        datasets.forEach(sets::add);
        JsonArrayBuilder names = JSON.createArrayBuilder();
        labels.forEach(names::add);
        JsonObjectBuilder options = JSON.createObjectBuilder()
                .add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                .add("plugins", JSON.createObjectBuilder()
                        .add("legend", JSON.createObjectBuilder().add("display", legend).add("position", "bottom")));
        if (!"doughnut".equals(type)) {
            JsonObjectBuilder scales = JSON.createObjectBuilder()
                    .add("x", JSON.createObjectBuilder().add("stacked", stacked))
                    .add("y", JSON.createObjectBuilder().add("stacked", stacked).add("beginAtZero", true));
            if (twoAxes) {
                scales.add("y1", JSON.createObjectBuilder().add("position", "right").add("beginAtZero", true)
                        .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", false)));
            }
            options.add("scales", scales);
            if (horizontal) {
                options.add("indexAxis", "y");
            }
        }
        return ScriptJson.escape(JSON.createObjectBuilder().add("type", type)
                .add("data", JSON.createObjectBuilder().add("labels", names).add("datasets", sets))
                .add("options", options).build().toString());
    }
}
