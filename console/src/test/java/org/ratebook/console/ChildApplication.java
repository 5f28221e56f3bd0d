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
        return start(jdbcUrl, dataDir, log, extra, timeout, null);
    }

    /**
     * As {@link #start(String, Path, Path, Map, Duration)}, with the JDK's ahead-of-time cache (JEP 483 and 514,
     * JDK 25) at {@code aotCache} when not null: the first start records it (written when that JVM exits
     * normally, so end it with {@link #stop()}), later starts load their classes from it instead of parsing and
     * linking them again. A test that starts the application twenty times saves seconds on each. On an older JDK,
     * or with {@code -Dratebook.child.aot=false}, the option is left out.
     */
    static ChildApplication start(String jdbcUrl, Path dataDir, Path log, Map<String, String> extra,
                                  Duration timeout, Path aotCache) {
        int port = freePort();
        boolean aot = aotCache != null && Runtime.version().feature() >= 25
                && Boolean.parseBoolean(System.getProperty("ratebook.child.aot", "true"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true"));
        if (aot) {
            command.add(Files.exists(aotCache) ? "-XX:AOTCache=" + aotCache : "-XX:AOTCacheOutput=" + aotCache);
        }
        command.addAll(List.of(
                "-cp", aot ? jarredClasspath(aotCache.resolveSibling("classpath")) : System.getProperty("java.class.path"),
                RatebookApplication.class.getName(),
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

    private static String jarred;

    /**
     * The test's classpath with each class directory (target/classes, target/test-classes) packed into a jar
     * under {@code dir}: the ahead-of-time cache takes classes from jars only. Packed once per test JVM.
     */
    static synchronized String jarredClasspath(Path dir) {
        if (jarred != null) {
            return jarred;
        }
        List<String> entries = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            int i = 0;
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry);
                if (!Files.isDirectory(path)) {
                    entries.add(entry);
                    continue;
                }
                Path jar = dir.resolve((i++) + "-" + path.getFileName() + ".jar").toAbsolutePath();
                try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                     var files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                        String name = path.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                        if (name.isEmpty()) {
                            continue;
                        }
                        // directory entries too: Spring's classpath scanning asks the loader for package folders
                        boolean folder = Files.isDirectory(file);
                        out.putNextEntry(new java.util.jar.JarEntry(folder ? name + "/" : name));
                        if (!folder) {
                            Files.copy(file, out);
                        }
                        out.closeEntry();
                    }
                }
                entries.add(jar.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jarred = String.join(java.io.File.pathSeparator, entries);
        return jarred;
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
