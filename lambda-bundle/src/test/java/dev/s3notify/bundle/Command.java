package dev.s3notify.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process run to its end within a time limit, its output kept in files (a full pipe can never block it).
 *
 * @param exit the exit code
 * @param out what it wrote to standard output
 * @param err what it wrote to standard error
 */
record Command(int exit, String out, String err) {

    /**
     * @param command the program and its arguments
     * @param dir the working directory
     * @param env the environment: these variables only, or added to this process's when {@code inherit}
     * @param inherit whether the child also gets this process's environment
     * @param limit how long it may take
     * @return how it ended
     */
    static Command run(List<String> command, Path dir, Map<String, String> env, boolean inherit, Duration limit) {
        return run(command, dir, env, inherit, limit, null);
    }

    /**
     * @param command the program and its arguments
     * @param dir the working directory
     * @param env the environment: these variables only, or added to this process's when {@code inherit}
     * @param inherit whether the child also gets this process's environment
     * @param limit how long it may take
     * @param stdin the file its standard input reads, or null for none
     * @return how it ended
     */
    static Command run(List<String> command, Path dir, Map<String, String> env, boolean inherit, Duration limit,
            Path stdin) {
        try {
            Path out = Files.createTempFile("command", ".out");
            Path err = Files.createTempFile("command", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(stdin == null ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(
                            stdin.toFile()));
            if (!inherit) {
                builder.environment().keySet().retainAll(List.of("PATH", "HOME", "TMPDIR", "LANG"));
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " took longer than " + limit + "; its output:\n"
                        + Files.readString(out) + Files.readString(err));
            }
            Command result = new Command(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** @return both outputs, for failure messages */
    String output() {
        return out + err;
    }
}
