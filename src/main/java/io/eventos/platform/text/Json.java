package io.eventos.platform.text;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Map;

/**
 * {@link jakarta.json.Json}'s factory methods on one provider looked up once. {@code jakarta.json.Json} looks the
 * provider up with a {@link java.util.ServiceLoader} on <em>every</em> call, which searches the class path's jar
 * files: about 15 % of a door scan's CPU went there (a JFR profile of bench/checkin.sh, issue 14). Use this class
 * instead (same method names; the architecture test forbids the other).
 */
public final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private Json() {
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject object) {
        return PROVIDER.createObjectBuilder(object);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return PROVIDER.createArrayBuilder();
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonGenerator createGenerator(OutputStream out) {
        return PROVIDER.createGenerator(out);
    }

    public static JsonBuilderFactory createBuilderFactory(Map<String, ?> config) {
        return PROVIDER.createBuilderFactory(config);
    }

    public static JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return PROVIDER.createWriterFactory(config);
    }
}
