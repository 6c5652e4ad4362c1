package dev.s3notify.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3notify.core.queue.BatchOutcome;

/** What an SQS batch came to, for {@code invoke webhook-dispatcher}: messages per destination, files each covered. */
final class BatchReport {
    private BatchReport() {
    }

    /**
     * @param result the command's JSON result, to add {@code messages}, {@code skipped} and
     *     {@code deferredForSeconds} to
     * @param batch the batch's outcome
     */
    static void add(ObjectNode result, BatchOutcome batch) {
        ObjectNode messages = result.putObject("messages");
        for (BatchOutcome.Posted posted : batch.posted()) {
            ArrayNode list = messages.has(posted.destination()) ? (ArrayNode) messages.get(posted.destination())
                    : messages.putArray(posted.destination());
            ObjectNode message = list.addObject().put("kind", posted.kind()).put("host", posted.host())
                    .put("digest", posted.digest());
            ArrayNode files = message.putArray("files");
            posted.files().forEach(files::add);
            if (posted.indexPage() != null) {
                message.put("indexPage", posted.indexPage());
            }
        }
        ArrayNode skipped = result.putArray("skipped");
        batch.skipped().forEach(skipped::add);
        if (batch.deferredFor() != null) {
            result.put("deferredForSeconds", (batch.deferredFor().toMillis() + 999) / 1000);
        }
    }
}
