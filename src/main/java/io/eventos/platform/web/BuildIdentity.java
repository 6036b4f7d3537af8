package io.eventos.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Which build of the application is running: the time Maven made it ({@code io/eventos/build.properties}, filled in
 * when the resources are processed). What is rendered from the templates and code of one build (kept public pages,
 * their entity tags) is valid for that build only, across restarts; a new build starts afresh. Should the file be
 * missing or unfilled (a build outside Maven), the time this class was loaded stands in, so nothing kept by another
 * build is ever taken for this one's.
 */
public final class BuildIdentity {

    private static final String ID = read();

    private BuildIdentity() {
    }

    /** A short text naming this build. */
    public static String id() {
        return ID;
    }

    private static String read() {
        try (InputStream in = BuildIdentity.class.getResourceAsStream("/io/eventos/build.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String time = properties.getProperty("build.time", "");
                if (time.matches("[0-9]{8,}")) {
                    return "b" + time;
                }
            }
        } catch (IOException e) {
            // fall through: a start-up time is as good, only less durable
        }
        return "s" + Long.toString(System.currentTimeMillis(), 36);
    }
}
