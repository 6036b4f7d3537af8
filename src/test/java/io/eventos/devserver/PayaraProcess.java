package io.eventos.devserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The EventOS WAR on a plain {@code java -jar payara-micro.jar --deploy eventos.war --nocluster}, configured only by
 * EVENTOS_* environment variables: exactly how it runs in production. Its console goes to a log file; lines a
 * person should see (errors, EventOS' own start-up lines) also go to {@code console}.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private volatile String lastError;
    private volatile boolean stopping;

    private PayaraProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The asadmin commands run after boot (no /metrics endpoint); the Dockerfile passes the same file. */
    static final String POST_BOOT_COMMANDS = "src/main/payara/post-boot-commands.asadmin";
    /** The asadmin commands run before boot (the HTTP listener's compression); the Dockerfile passes the same file. */
    static final String PRE_BOOT_COMMANDS = "src/main/payara/pre-boot-commands.asadmin";

    public static PayaraProcess start(Path microJar, Path war, int port, Map<String, String> env, Path log,
                                      Consumer<String> console) throws IOException {
        return start(microJar, war, port, env, log, console, List.of());
    }

    /** As above, with more Payara Micro options (e.g. the dashboard benchmark's access log). */
    public static PayaraProcess start(Path microJar, Path war, int port, Map<String, String> env, Path log,
                                      Consumer<String> console, List<String> moreOptions) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        // -Dbench.serverJvmOptions="-XX:StartFlightRecording=filename=/tmp/x.jfr,settings=profile": a benchmark's
        // server with a profile (docs/benchmarks.md, dashboards)
        String extra = System.getProperty("bench.serverJvmOptions", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of(
                "-jar", microJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(port),
                "--nocluster"));
        commandFile(command, "--prebootcommandfile", System.getProperty("eventos.payara.preBoot", PRE_BOOT_COMMANDS));
        commandFile(command, "--postbootcommandfile",
                System.getProperty("eventos.payara.postBoot", POST_BOOT_COMMANDS));
        command.addAll(moreOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        PayaraProcess payara = new PayaraProcess(builder.start(), port, log);
        payara.pump(console);
        return payara;
    }

    /** Adds {@code option} with the command file when it exists (a checkout; an unpacked WAR elsewhere has none). */
    private static void commandFile(List<String> command, String option, String file) {
        Path path = Path.of(file);
        if (Files.isRegularFile(path)) {
            command.addAll(List.of(option, path.toAbsolutePath().toString()));
        }
    }

    private void pump(Consumer<String> console) {
        Thread pump = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                String line;
                boolean severe = false;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    out.flush();
                    if (line.contains("EventOS cannot start")) {
                        lastError = line.substring(line.indexOf("EventOS cannot start"));
                        console.accept(lastError);
                    } else if (line.contains("SEVERE") || line.contains("[SEVERE]")) {
                        severe = true;
                    } else if (severe && !line.isBlank()) {
                        severe = false;
                        if (lastError == null) {
                            lastError = line.trim();
                        }
                    }
                }
            } catch (IOException e) {
                if (!stopping) {
                    console.accept("Could not write the server log " + log + ": " + e.getMessage());
                } // else: stopping the server closed its output; nothing was lost
            }
        }, "payara-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Waits until {@code /health/ready} answers 200; false if the process died or the time ran out. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(baseUri().resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        return false;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Path log() {
        return log;
    }

    public String lastError() {
        return lastError;
    }

    /** Blocks until the server process has ended. */
    public void awaitExit() throws InterruptedException {
        process.waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the server at once (SIGKILL): no shutdown, no flushing, as a crash or a pulled plug. */
    public void kill() throws InterruptedException {
        stopping = true;
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        stopping = true;
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
