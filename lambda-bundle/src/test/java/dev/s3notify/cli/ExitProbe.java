package dev.s3notify.cli;

import java.util.Set;

/**
 * Runs the command line as {@link Main#main} does, in a JVM of its own, but returns instead of calling
 * {@code System.exit}: a thread that is not a daemon would keep that JVM alive. Prints the exit code and then every
 * other thread still running Java or native code ({@code RUNNABLE}: the JVM's exit waits for those in native
 * code), one a line.
 */
public final class ExitProbe {
    /** The JVM's own threads, which wait inside the VM rather than in native code. */
    private static final Set<String> JVM_OWN = Set.of("Reference Handler", "Signal Dispatcher", "Attach Listener",
            "Notification Thread", "Finalizer", "Common-Cleaner");

    private ExitProbe() {
    }

    public static void main(String[] args) {
        int code = Main.run(args, System.getenv(), System.out, System.err);
        System.out.println("exit code " + code);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread == Thread.currentThread() || JVM_OWN.contains(thread.getName())) {
                continue;
            }
            if (!thread.isDaemon()) {
                System.out.println("not a daemon: " + thread.getName());
            }
            if (thread.getState() == Thread.State.RUNNABLE) {
                System.out.println("running: " + thread.getName());
            }
        }
    }
}
