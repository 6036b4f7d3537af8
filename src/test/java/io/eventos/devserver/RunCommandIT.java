package io.eventos.devserver;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, end to end: the launcher behind {@code mvn -Prun} starts an embedded PostgreSQL and the
 * packaged WAR with the demo account, serves the demo event, and stops everything it started when it is stopped.
 * Bad settings stop it with one sentence that names the setting.
 */
class RunCommandIT {

    @Test
    void startsWithDemoDataOnAnEmbeddedDatabaseAndStopsEverything() throws Exception {
        Path dataDir = Files.createTempDirectory("eventos-run");
        int port = freePort();
        Process run = launch(dataDir, Map.of("EVENTOS_HTTP_PORT", String.valueOf(port)));
        List<String> output = collect(run);
        try {
            awaitLine(output, run, "EventOS is running at http://localhost:" + port + "/", 300);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> event = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/e/demo/product-summit")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(event.statusCode()).isEqualTo(200);
            assertThat(event.body()).contains("Nordic Product Summit");
            // the launcher sets EVENTOS_BASE_URL to its own address: links name it, not the host a request named
            assertThat(event.body()).contains("<link rel=\"canonical\" href=\"http://localhost:" + port
                    + "/e/demo/product-summit\"");
            assertThat(String.join("\n", output)).contains("owner@demo.eventos.test", "/e/demo", "/checkin/");
        } finally {
            run.destroy(); // what Ctrl-C does: the launcher's shutdown hook stops Payara and PostgreSQL
            assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
        }
        assertThat(processesMentioning(dataDir.toString())).as("processes left behind").isEmpty();
        assertThat(portIsFree(port)).as("HTTP port released").isTrue();
    }

    @Test
    void aWrongDatabaseUrlStopsWithOneSentenceNamingTheSetting() throws Exception {
        int closedPort = freePort();
        Process run = launch(Files.createTempDirectory("eventos-run"), Map.of(
                "EVENTOS_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/eventos",
                "EVENTOS_HTTP_PORT", String.valueOf(freePort())));
        List<String> output = collect(run);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isNotZero();
        assertThat(output).filteredOn(line -> line.startsWith("EventOS cannot start"))
                .singleElement().asString()
                .contains("EVENTOS_DB_URL=jdbc:postgresql://127.0.0.1:" + closedPort + "/eventos");
        assertThat(output).noneMatch(line -> line.contains("\tat "));
    }

    @Test
    void aPortInUseIsNamedWithTheVariableToChangeIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Process run = launch(Files.createTempDirectory("eventos-run"),
                    Map.of("EVENTOS_HTTP_PORT", String.valueOf(taken.getLocalPort())));
            List<String> output = collect(run);
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isNotZero();
            assertThat(output).anyMatch(line -> line.contains("port " + taken.getLocalPort() + " is already in use")
                    && line.contains("EVENTOS_HTTP_PORT"));
        }
    }

    private static Process launch(Path dataDir, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Deventos.dev.war=" + System.getProperty("eventos.it.war", "target/eventos.war"),
                "-Deventos.dev.microJar=" + System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "-Deventos.dev.dataDir=" + dataDir,
                DevServer.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("EVENTOS_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static List<String> collect(Process process) {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        return lines;
    }

    private static void awaitLine(List<String> output, Process process, String expected, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (output.stream().anyMatch(line -> line.contains(expected))) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("Never printed '" + expected + "'; output:\n" + String.join("\n", output));
    }

    private static List<String> processesMentioning(String text) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(text)).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket probe = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
