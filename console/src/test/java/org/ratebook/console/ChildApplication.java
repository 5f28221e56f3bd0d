package org.ratebook.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ratebook in a JVM of its own (the test's classpath, the real main class), so a test can kill it with
 * SIGKILL ({@link #kill()}) while the PostgreSQL it uses, a separate process, keeps running. Its output goes to a
 * log file under target/ for the post-mortem.
 */
final class ChildApplication implements AutoCloseable {

    private final Process process;
    final int port;
    final Path log;

    private ChildApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application on a free port against {@code jdbcUrl} and waits until it is ready. */
    static ChildApplication start(String jdbcUrl, Path dataDir, Path log, Map<String, String> extra,
                                  Duration timeout) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), RatebookApplication.class.getName(),
                "--spring.profiles.active=dev",
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--ratebook.data-dir=" + dataDir.toAbsolutePath(),
                "--ratebook.rule-packs.warm-up=false",
                "--ratebook.billing.scheduler.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.org.ratebook=INFO"));
        extra.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ChildApplication app = new ChildApplication(process, port, log);
            app.awaitReady(timeout);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        kill();
        throw new IllegalStateException("the application was not ready within " + timeout + "; see " + log);
    }

    /** kill -9: no shutdown hook, no graceful anything; the JVM is gone when this returns. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: Spring's graceful shutdown. */
    void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
