package dev.s3notify.sns;

/** The default templates: one set serves both shapes, as plain text reads well in client-markdown too. */
final class SnsTemplates {
    static final String MESSAGE = "{{#created}}{{fileName}} was uploaded to {{bucket}}.{{/created}}"
            + "{{#restored}}{{fileName}} was restored in {{bucket}}.{{/restored}}"
            + "{{#deleted}}{{fileName}} was removed from {{bucket}}.{{/deleted}}"
            + "{{#restoreStarted}}A restore of {{fileName}} started in {{bucket}}.{{/restoreStarted}}"
            + "{{#restoreExpired}}The restored copy of {{fileName}} in {{bucket}} expired.{{/restoreExpired}}"
            + "{{#other}}{{fileName}} in {{bucket}}.{{/other}}\n"
            + "{{#hasLink}}Download{{#expirationTime}} (the link expires in {{expirationTime}}){{/expirationTime}}:"
            + " {{{fileUrl}}}{{/hasLink}}";
    static final String DIGEST = "{{summary}}\n{{#files}}- {{fileName}}{{#sizeText}} ({{sizeText}}){{/sizeText}}"
            + "{{#hasLink}}: {{{fileUrl}}}{{/hasLink}}{{#deleted}} (removed){{/deleted}}\n{{/files}}"
            + "{{#hasMore}}… and {{more}} more{{/hasMore}}{{#hasIndex}}\nAll {{count}} files, with their links:"
            + " {{{indexUrl}}}{{/hasIndex}}";
    /** The subject when {@code SNS_SUBJECT} is unset. */
    static final String SUBJECT = "{{#created}}New file{{/created}}{{#restored}}File restored{{/restored}}"
            + "{{#deleted}}File removed{{/deleted}}{{#restoreStarted}}Restore started{{/restoreStarted}}"
            + "{{#restoreExpired}}Restored copy expired{{/restoreExpired}}{{#other}}File event{{/other}}:"
            + " {{fileName}}";

    private SnsTemplates() {
    }
}
