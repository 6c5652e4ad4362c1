package dev.s3notify.core.pacing;

import dev.s3notify.core.RateLimit;
import dev.s3notify.core.support.Secret;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rate budgets of every webhook this process sends to, keyed by the webhook URL (held as a {@link Secret},
 * never logged): every sender, thread and destination posting to one webhook shares its budget. Thread-safe.
 */
public final class RateBudgets {
    private static final RateBudgets SHARED = new RateBudgets();

    private final Map<Secret, RateBudget> budgets = new ConcurrentHashMap<>();

    private RateBudgets() {
    }

    /** @return the process's budgets, which every sender uses unless given others */
    public static RateBudgets shared() {
        return SHARED;
    }

    /** @return budgets of their own, shared with no one else (tests; a simulation of several processes) */
    public static RateBudgets create() {
        return new RateBudgets();
    }

    /**
     * @param webhookUrl the webhook, a credential
     * @param limit its platform's documented rate; the first given for a webhook is kept
     * @return the webhook's budget, made on first use
     */
    public RateBudget forWebhook(Secret webhookUrl, RateLimit limit) {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        Objects.requireNonNull(limit, "limit");
        return budgets.computeIfAbsent(webhookUrl, url -> RateBudget.of(limit));
    }
}
