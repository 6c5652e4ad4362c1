package dev.s3notify.core.error;

import dev.s3notify.core.text.SafeText;
import dev.s3notify.core.text.Suggestions;
import java.util.List;
import java.util.Locale;

/** A kind variable ({@code LINK_KIND}, {@code WEBHOOK_KIND}) names no provider on the class path. */
public final class UnknownKindException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param variable the variable that selects the kind
     * @param value the value it was given
     * @param available the kinds found, sorted
     * @param failures providers that failed to load, by class name
     */
    public UnknownKindException(String variable, String value, List<String> available, List<String> failures) {
        super(variable + "=" + SafeText.cut(value, SafeText.QUOTE_LIMIT) + " names no known kind"
                + Suggestions.didYouMean(value.toLowerCase(Locale.ROOT), available) + "; available: "
                + (available.isEmpty() ? "none" : String.join(", ", available))
                + (failures.isEmpty() ? "" : "; providers that failed to load: " + String.join("; ", failures))
                + ". Set it to one of the available kinds, or add the jar that provides '" + value
                + "' (in S3NOTIFY_PLUGINS_DIR, or a Lambda layer's java/lib).");
    }
}
