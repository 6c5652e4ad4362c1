/**
 * The Mattermost formatter ({@code WEBHOOK_KIND=mattermost}): incoming-webhook messages as a Slack-compatible
 * attachment or as Markdown text. Only {@link dev.s3notify.mattermost.MattermostFormatterProvider} is public; the
 * rest is package-private and uses core and the SPI only.
 */
package dev.s3notify.mattermost;
