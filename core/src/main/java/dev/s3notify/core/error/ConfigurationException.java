package dev.s3notify.core.error;

import java.util.List;

/**
 * The configuration cannot work. Raised at start-up (cold start), never at the first upload, and lists every
 * problem found at once; each problem names the variable, the value given (unless it is secret) and what was
 * expected. One check may run later: where no digest is expected at cold start, the dispatcher's digest check runs
 * before the first batch of a standard queue, and fails that batch.
 */
public class ConfigurationException extends S3NotifyException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one sentence per problem; at least one */
    public ConfigurationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** @param problem the single problem found */
    public ConfigurationException(String problem) {
        this(List.of(problem));
    }

    /** @return every problem found, in the order they were found */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
        }
        if (problems.size() == 1) {
            return "Invalid configuration: " + problems.get(0);
        }
        StringBuilder text = new StringBuilder("Invalid configuration (" + problems.size() + " problems):");
        problems.forEach(p -> text.append("\n  - ").append(p));
        return text.toString();
    }
}
