package dev.s3notify.bundle;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one Lambda handler the way Lambda's Java runtime does, for {@link LambdaJarIT}: in a JVM whose class path is
 * the Lambda package and this class alone, the handler made by its no-argument constructor, the event streamed in,
 * the answer printed on standard output. Exit 1 with the exception when the handler throws.
 */
public final class RunHandler {
    private RunHandler() {
    }

    /**
     * @param args the handler's class name and the event file
     * @throws Exception when the handler cannot be made
     */
    public static void main(String[] args) throws Exception {
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getDeclaredConstructor()
                .newInstance();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (InputStream event = Files.newInputStream(Path.of(args[1]))) {
            handler.handleRequest(event, answer, context());
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println(answer.toString(StandardCharsets.UTF_8));
    }

    private static Context context() {
        LambdaLogger logger = (LambdaLogger) Proxy.newProxyInstance(RunHandler.class.getClassLoader(),
                new Class<?>[] {LambdaLogger.class}, (proxy, method, arguments) -> {
                    if (arguments != null && arguments.length > 0) {
                        Object line = arguments[0];
                        System.err.print(line instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                                : String.valueOf(line));
                    }
                    return null;
                });
        long deadline = System.currentTimeMillis() + 60_000;
        return (Context) Proxy.newProxyInstance(RunHandler.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> (int) (deadline - System.currentTimeMillis());
                    case "getLogger" -> logger;
                    case "getMemoryLimitInMB" -> 1024;
                    case "getAwsRequestId" -> "lambda-jar-it";
                    case "getFunctionName" -> "s3-notify-lambda-jar-it";
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:123456789012:function:s3-notify-it";
                    case "toString" -> "Context(lambda-jar-it)";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    default -> null;
                });
    }
}
