package dev.s3notify.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.s3notify.core.error.S3NotifyException;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.function.LinkFunction;
import dev.s3notify.core.support.Log;
import dev.s3notify.core.text.SafeText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every case of the {@link HostileCorpus} through the real handlers, the link generator signing with planted AWS
 * keys and publishing to a recording stub, the dispatcher posting to WireMock with a planted webhook token, header
 * key and signing secret. Each case must give what it promises (a notification per good record, the SQS messages
 * that failed reported, or a clear error naming what was wrong), and all that was printed, logged or thrown must
 * hold no planted secret and no stack trace, debug lines included. Prints the figures.
 */
class HostileCorpusTest {
    private static final String ACCESS_KEY = "AKIAPLANTEDKEY000001";
    private static final String SECRET_KEY = "PLANTEDsecretAccessKey/0123456789abcdefghij";
    private static final String SESSION_TOKEN = "IQoJPLANTEDsessionToken0123456789";
    private static final String WEBHOOK_TOKEN = "PLANTED-webhook-token-4f2a9c";
    private static final String QUERY_TOKEN = "PLANTED-query-token-77";
    private static final String HEADER_KEY = "PLANTED-header-api-key-31";
    private static final String SIGNING_KEY = Base64.getEncoder().encodeToString(
            "PLANTED-signing-secret-32-bytes!".getBytes(StandardCharsets.US_ASCII));
    private static final List<String> SECRETS = List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, WEBHOOK_TOKEN,
            QUERY_TOKEN, HEADER_KEY, SIGNING_KEY, HostileCorpus.PLANTED_SIGNATURE, "AKIAPLANTEDLINKKEY01",
            "IQoJplantedLinkSessionToken");
    /** A signature, credential or token of any presigned link, planted or made here. */
    private static final Pattern SIGNING_VALUE = Pattern.compile(
            "(?i)X-Amz-(?:Signature=[0-9a-f]{16}|Credential=AKIA|Security-Token=[A-Za-z0-9])");
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s*at [a-z][\\w.$]+\\(|Exception:|java\\.lang\\.");
    private static final List<String> KINDS = List.of("discord", "slack", "teams", "generic");
    private static WireMockServer webhook;

    @BeforeAll
    static void start() {
        webhook = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        webhook.start();
        webhook.stubFor(post(urlPathMatching("/api/webhooks/.*")).willReturn(aResponse().withStatus(200)));
    }

    @AfterAll
    static void stop() {
        webhook.stop();
    }

    @Test
    void everyHostileCaseGivesANotificationOrAClearErrorAndNoSecret() throws Exception {
        List<HostileCorpus.Case> cases = HostileCorpus.all();
        List<String> misbehaved = new ArrayList<>();
        StringBuilder thrown = new StringBuilder();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(capture);
        System.setErr(capture);
        Log.redirect(capture);
        Log.debugEnabled(true);
        Map<String, WebhookDispatcherHandler> dispatchers = new HashMap<>();
        LinkGeneratorHandler links = new LinkGeneratorHandler(linkEnv(),
                new LinkFunction.Overrides(false, null, entries -> { }, null, null));
        try {
            for (int i = 0; i < cases.size(); i++) {
                HostileCorpus.Case c = cases.get(i);
                // The generic webhook wants a template that renders JSON: the plain-text templates go to a chat.
                // A batch of more messages than a chat platform's documented rate lets one invocation send goes to
                // the generic webhook, which documents none: a chat's sender would hand the rest back, paced.
                String kind = c.succeeded() > 1 ? "generic" : c.template() != null && i % KINDS.size() == 3
                        ? "discord" : KINDS.get(i % KINDS.size());
                String problem = run(c, i, kind, links, dispatchers, thrown);
                if (problem != null) {
                    misbehaved.add(c.name() + " [" + kind + "]: " + problem);
                }
            }
        } finally {
            Log.debugEnabled(false);
            Log.redirect(err);
            System.setOut(out);
            System.setErr(err);
        }
        String output = captured.toString(StandardCharsets.UTF_8) + thrown;
        for (String secret : SECRETS) {
            if (output.contains(secret)) {
                misbehaved.add("a planted secret was printed: " + secret.substring(0, 12) + "…");
            }
        }
        if (SIGNING_VALUE.matcher(output).find()) {
            misbehaved.add("a presigned link's signature, credential or token was printed");
        }
        var trace = STACK_TRACE.matcher(output);
        if (trace.find()) {
            misbehaved.add("a stack trace or class name was printed: " + SafeText.cut(
                    output.substring(Math.max(0, trace.start() - 80), Math.min(output.length(), trace.end() + 80)),
                    200));
        }
        System.out.printf("hostile corpus: %d cases tried (%d link generator, %d dispatcher), %d secrets planted,"
                + " %d misbehaved%n", cases.size(), count(cases, HostileCorpus.Handler.LINK_GENERATOR),
                count(cases, HostileCorpus.Handler.DISPATCHER), SECRETS.size(), misbehaved.size());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        assertThat(misbehaved).isEmpty();
    }

    private static String run(HostileCorpus.Case c, int index, String kind, LinkGeneratorHandler links,
            Map<String, WebhookDispatcherHandler> dispatchers, StringBuilder thrown) {
        int postsBefore = webhook.findAll(postRequestedFor(urlPathMatching("/api/webhooks/.*"))).size();
        JsonNode response;
        try {
            if (c.handler() == HostileCorpus.Handler.LINK_GENERATOR) {
                response = invoke(links::handleRequest, c.input());
            } else {
                // Each case posts to a webhook of its own: the sender paces each webhook to its platform's
                // documented rate, in budgets the whole process shares, and the cases come faster than that.
                WebhookDispatcherHandler handler = dispatchers.computeIfAbsent(kind + "\u0000" + c.template()
                        + "\u0000" + index, key -> new WebhookDispatcherHandler(dispatchEnv(kind, c.template(), index),
                                DispatchFunction.Overrides.none()));
                response = invoke(handler::handleRequest, c.input());
            }
        } catch (Exception e) {
            thrown.append(e.getMessage()).append('\n');
            if (c.error() == null) {
                return "failed: " + describe(e);
            }
            if (!(e instanceof S3NotifyException)) {
                return "not a clear error: " + describe(e);
            }
            String message = e.getMessage();
            if (message == null || !message.contains(c.error())) {
                return "error does not say '" + c.error() + "': " + SafeText.cut(String.valueOf(message), 300);
            }
            if (message.length() > 2_000 || message.codePoints().anyMatch(ch -> ch != '\n' && SafeText.unsafe(ch))) {
                return "error is too long or unprintable";
            }
            return null;
        }
        if (c.error() != null) {
            return "succeeded where it must fail with '" + c.error() + "': " + response;
        }
        int succeeded = response.path(c.handler() == HostileCorpus.Handler.LINK_GENERATOR ? "published"
                : "delivered").asInt(-1);
        List<String> failed = response.path("batchItemFailures").findValuesAsText("itemIdentifier");
        if (succeeded != c.succeeded() || !failed.equals(c.failedIds())) {
            return "expected " + c.succeeded() + " and failures " + c.failedIds() + " but got " + succeeded + " and "
                    + failed;
        }
        if (c.handler() == HostileCorpus.Handler.DISPATCHER) {
            int posts = webhook.findAll(postRequestedFor(urlPathMatching("/api/webhooks/.*"))).size() - postsBefore;
            if (posts != c.succeeded()) {
                return "the webhook received " + posts + " messages, not " + c.succeeded();
            }
        }
        return null;
    }

    private interface Invocation {
        void handle(java.io.InputStream input, java.io.OutputStream output,
                com.amazonaws.services.lambda.runtime.Context context) throws java.io.IOException;
    }

    private static JsonNode invoke(Invocation handler, byte[] input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handle(new ByteArrayInputStream(input), out, new TestContext(60_000));
        return HostileCorpus.JSON.readTree(out.toByteArray());
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + SafeText.cut(String.valueOf(e.getMessage()), 300);
    }

    private static long count(List<HostileCorpus.Case> cases, HostileCorpus.Handler handler) {
        return cases.stream().filter(c -> c.handler() == handler).count();
    }

    private static Map<String, String> linkEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_SESSION_TOKEN", SESSION_TOKEN);
        env.put("AWS_REGION", "us-east-1");
        env.put("HEAD_OBJECT", "never");
        env.put("EVENT_BUS_NAME", "uploads-bus");
        return env;
    }

    private static Map<String, String> dispatchEnv(String kind, String template, int index) {
        Map<String, String> env = new HashMap<>(linkEnv());
        env.put("WEBHOOK_KIND", kind);
        env.put("WEBHOOK_URL", webhook.baseUrl() + "/api/webhooks/" + (4242 + index) + "/" + WEBHOOK_TOKEN
                + "?token=" + QUERY_TOKEN);
        env.put("MAX_ATTEMPTS", "1");
        if (kind.equals("generic")) {
            env.put("WEBHOOK_HEADERS", "{\"X-Api-Key\":\"" + HEADER_KEY + "\"}");
            env.put("WEBHOOK_SIGNING_SECRET", "whsec_" + SIGNING_KEY);
        }
        if (template != null) {
            env.put("MESSAGE_TEMPLATE", template);
        }
        return env;
    }
}
