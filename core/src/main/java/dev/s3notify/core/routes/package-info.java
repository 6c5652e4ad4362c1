/**
 * Routes: one deployment, many destinations. A routes document ({@link dev.s3notify.core.routes.RoutesDocument})
 * names each route ({@link dev.s3notify.core.routes.Route}), where its webhook URL comes from
 * ({@link dev.s3notify.core.routes.WebhookSource}), which events it takes
 * ({@link dev.s3notify.core.routes.RouteFilter}: buckets, key prefixes, suffixes and globs, event types, content
 * types, sizes) and the route its messages fall back to. Routes are read and checked for their shape here; their kinds,
 * settings and templates are checked where the formatters are known.
 *
 * <p>May use {@code dev.s3notify.core}, {@code dev.s3notify.core.error}, {@code dev.s3notify.core.input},
 * {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and Jackson; nothing above it (checked
 * by {@code ArchitectureTest}).
 */
package dev.s3notify.core.routes;
