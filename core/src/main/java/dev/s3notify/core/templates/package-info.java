/**
 * {@code MESSAGE_TEMPLATE} and {@code DIGEST_TEMPLATE}: Mustache compiled once at start-up, bounded before and while
 * compiling and while rendering (characters written and steps taken, {@code RenderBudget}), with the values a
 * template can use ({@link dev.s3notify.core.templates.TemplateModel}) and the sample events that prove a template at
 * cold start.
 *
 * <p>May use {@code dev.s3notify.core}, {@code dev.s3notify.core.error}, {@code dev.s3notify.core.input},
 * {@code dev.s3notify.core.support}, {@code dev.s3notify.core.text}, the JDK and its own libraries; nothing above it
 * (checked by {@code ArchitectureTest}).
 */
package dev.s3notify.core.templates;
