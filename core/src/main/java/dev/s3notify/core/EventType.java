package dev.s3notify.core;

/** What happened to an object. The wire name is what the {@code eventType} field of a link event carries. */
public enum EventType {
    /** A new object or a new version: PUT, POST, copy or a completed multipart upload. */
    CREATED("created", true),
    /** The object or one of its versions was deleted, or a delete marker was created. */
    DELETED("deleted", false),
    /** A temporary copy of an archived object was restored and can be downloaded. */
    RESTORED("restored", true),
    /** A restore from an archive tier was requested; nothing can be downloaded yet. */
    RESTORE_STARTED("restore-started", false),
    /** A restored temporary copy expired; the object is archived again. */
    RESTORE_EXPIRED("restore-expired", false),
    /**
     * A link event from a newer producer named a type this version does not know: delivered with neutral wording
     * ("file in bucket") and a warning. The link generator never produces it.
     */
    OTHER("other", false);

    private final String wireName;
    private final boolean downloadable;

    EventType(String wireName, boolean downloadable) {
        this.wireName = wireName;
        this.downloadable = downloadable;
    }

    /** @return the lowercase name used in JSON and templates, such as {@code created} */
    public String wireName() {
        return wireName;
    }

    /** @return whether the object can be downloaded after this event, so a link is worth making */
    public boolean downloadable() {
        return downloadable;
    }

    /**
     * @param wireName a name as returned by {@link #wireName()}
     * @return the matching type
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static EventType fromWireName(String wireName) {
        for (EventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown eventType '" + wireName
                + "'; expected created, deleted, restored, restore-started or restore-expired");
    }
}
