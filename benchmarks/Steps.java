import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Times the named steps of one function's cold start in one fresh JVM: the handler's constructor (Lambda's init)
 * and its first event, each as this thread's CPU time, wall time, classes loaded and bytes allocated (the last two
 * hardly move with the machine's load), then the whole process's CPU time and classes. Run by
 * benchmarks/steps.py, which starts the stub that answers the webhook and PutEvents; prints one JSON line.
 *
 * <p>Usage: {@code java -cp s3-notify.jar:CLASSES Steps link|dispatch EVENT_FILE [jackson|streaming]}; before the
 * handler, {@code jackson} times constructing an {@code ObjectMapper}, a second one, and the first's first use
 * apart, {@code streaming} times jackson-core alone reading the event token by token.
 */
public final class Steps {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final Map<String, long[]> TIMES = new LinkedHashMap<>();

    private Steps() {
    }

    @FunctionalInterface
    private interface Step {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String function = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        String first = args.length > 2 ? args[2] : "";
        if (first.equals("jackson")) {
            Object mapper = time("jackson: new ObjectMapper", () -> newInstance(
                    "com.fasterxml.jackson.databind.ObjectMapper"));
            time("jackson: a second ObjectMapper", () -> newInstance("com.fasterxml.jackson.databind.ObjectMapper"));
            time("jackson: first readTree", () -> mapper.getClass().getMethod("readTree", byte[].class)
                    .invoke(mapper, (Object) event));
        } else if (first.equals("streaming")) {
            time("jackson-core: parse every token", () -> {
                com.fasterxml.jackson.core.JsonFactory factory = new com.fasterxml.jackson.core.JsonFactory();
                int tokens = 0;
                try (com.fasterxml.jackson.core.JsonParser parser = factory.createParser(event)) {
                    while (parser.nextToken() != null) {
                        tokens++;
                    }
                }
                return tokens;
            });
        }
        String handlerClass = function.equals("link") ? "dev.s3notify.lambda.LinkGeneratorHandler"
                : "dev.s3notify.lambda.WebhookDispatcherHandler";
        String overridesClass = function.equals("link") ? "dev.s3notify.core.function.LinkFunction$Overrides"
                : "dev.s3notify.core.function.DispatchFunction$Overrides";
        RequestStreamHandler handler = (RequestStreamHandler) time("init (handler constructor)", () -> {
            Class<?> overrides = Class.forName(overridesClass);
            return Class.forName(handlerClass).getConstructor(Map.class, overrides)
                    .newInstance(System.getenv(), overrides.getMethod("none").invoke(null));
        });
        Context context = (Context) Proxy.newProxyInstance(Steps.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> 30_000;
                    case "getAwsRequestId" -> "steps";
                    default -> null;
                });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        time("first event", () -> {
            handler.handleRequest(new ByteArrayInputStream(event), out, context);
            return null;
        });
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        StringBuilder json = new StringBuilder("{");
        TIMES.forEach((name, t) -> json.append('"').append(name).append("\": {\"cpu\": ").append(t[0] / 1e6)
                .append(", \"wall\": ").append(t[1] / 1e6).append(", \"classes\": ").append(t[2])
                .append(", \"MB\": ").append(t[3] / 1e6).append("}, "));
        json.append("\"process cpu\": ").append(process / 1e6).append(", \"classes loaded\": ")
                .append(ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount())
                .append(", \"answer\": \"")
                .append(out.toString().replace("\"", "'")).append("\"}");
        System.out.println(json);
    }

    private static Object newInstance(String name) throws Exception {
        return Class.forName(name).getConstructor().newInstance();
    }

    private static Object time(String name, Step step) throws Exception {
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        Object result = step.run();
        TIMES.put(name, new long[] {THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classes,
                THREADS.getCurrentThreadAllocatedBytes() - allocated});
        return result;
    }
}
