package dev.s3notify.cli;

import dev.s3notify.core.LinkEvent;
import dev.s3notify.core.error.ConfigurationException;
import dev.s3notify.core.function.DispatchFunction;
import dev.s3notify.core.routes.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code routes}: which routes of the routes document take each event of an event file, and for each that does not,
 * the filter that said no. Reads the document as the dispatcher does; sends nothing, makes no link.
 */
final class RoutesCommand implements Command {

    @Override
    public String name() {
        return "routes";
    }

    @Override
    public String synopsis() {
        return "--event FILE";
    }

    @Override
    public String summary() {
        return "show which routes of ROUTES (or ROUTES_PARAMETER, ROUTES_FILE) take each event in FILE, and why not";
    }

    @Override
    public String help() {
        return """
                usage: s3notify routes --event FILE

                Reads the routes document as the dispatcher does (from ROUTES, ROUTES_PARAMETER or ROUTES_FILE)
                and prints, for each event in FILE and each route, a line: the route's name, its kind ("inferred"
                when the route names none), where its webhook URL comes from (of a URL, only its host), and
                "matched" or "not matched:" with the filter that said no, then "-> fallback NAME" when the route
                has one; last, how many matched. FILE may hold S3 events in any envelope (each object is routed as
                the link generator would publish it, without its link, and without a content type unless the
                event carries one: the link generator reads it from S3) or file-link-generated events. Nothing is
                sent and no link is made.

                  --event FILE    the event file; - reads standard input

                Exit codes: 0 shown, 2 bad usage or configuration (no routes configured, a routes document with
                problems, each listed; a file that is not an event).
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of("--event");
    }

    @Override
    public int run(Options options, Console console) {
        options.requireNoWords(name());
        byte[] event = EventFiles.read(options.requireEvent(), console);
        EventFiles.known(event);
        List<Route> routes = Startup.create(() -> DispatchFunction.routes(console.env(), null));
        if (routes.isEmpty()) {
            throw new ConfigurationException("no routes are configured: set ROUTES (the routes document itself),"
                    + " ROUTES_PARAMETER (the SSM parameter holding it) or ROUTES_FILE (its path); without them every"
                    + " event goes to the one webhook of WEBHOOK_URL (or WEBHOOK_URL_SECRET_ARN,"
                    + " WEBHOOK_URL_PARAMETER)");
        }
        List<LinkEvent> events = FilterEvents.read(event, Instant.now());
        StringBuilder text = new StringBuilder();
        int matched = 0;
        int unmatched = 0;
        for (LinkEvent linkEvent : events) {
            int before = matched;
            text.append(heading(linkEvent)).append('\n');
            List<String[]> rows = new ArrayList<>();
            for (Route route : routes) {
                String verdict = route.filter().refusal(linkEvent).map(why -> "not matched: " + why).orElse("matched");
                matched += verdict.equals("matched") ? 1 : 0;
                rows.add(new String[] {route.name(), Main.quoted(route.kind().orElse("inferred")),
                        Main.quoted(route.source().describe()),
                        verdict + route.fallback().map(name -> " -> fallback " + name).orElse("")});
            }
            table(rows, text);
            unmatched += matched == before ? 1 : 0;
        }
        text.append(summary(events.size(), routes.size(), matched, unmatched)).append('\n');
        console.text("routes", text.toString());
        return Main.OK;
    }

    /** The event as people name it: {@code s3://bucket/key (created)}. */
    private static String heading(LinkEvent event) {
        String key = event.key() != null ? event.key() : event.fileName();
        return "s3://" + Main.quoted(event.bucket()) + "/" + Main.quoted(key) + " (" + event.eventType().wireName()
                + (event.size() == null ? "" : ", " + event.size() + " bytes")
                + (event.contentType() == null ? "" : ", " + Main.quoted(event.contentType())) + ")";
    }

    /** The rows indented, their columns lined up; the last column as it is. */
    private static void table(List<String[]> rows, StringBuilder text) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns - 1; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns - 1; i++) {
                line.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
            }
            text.append(line).append(row[columns - 1]).append('\n');
        }
    }

    private static String summary(int events, int routes, int matched, int unmatched) {
        if (events == 0) {
            return "0 events: the file names no object to route (an S3 test event?)";
        }
        String none = unmatched == 0 ? "" : "; " + unmatched + (unmatched == 1 ? " event" : " events")
                + " matched no route: nothing is posted for " + (unmatched == 1 ? "it" : "them");
        if (events == 1) {
            return "1 event: " + matched + " of " + routes + (routes == 1 ? " route" : " routes") + " matched" + none;
        }
        return events + " events, " + routes + (routes == 1 ? " route" : " routes") + ": " + matched + " of "
                + events * routes + " matched" + none;
    }
}
