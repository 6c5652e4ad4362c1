package dev.s3notify.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown file of the docs and the READMEs, read as GitHub renders them (GFM tables): each table row has as
 * many cells as its header. GitHub drops the cells past the header's count, so an unescaped {@code |} in a cell,
 * even inside backticks, silently cuts the rest of the row; write it {@code \|}.
 */
class MarkdownTablesTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", ".."));
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    @Test
    void everyTableRowOfEveryDocKeepsItsColumns() throws IOException {
        List<Path> files = markdownFiles();
        List<String> broken = new ArrayList<>();
        int tables = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (TableBlock table : tables(PARSER.parse(String.join("\n", lines)))) {
                tables++;
                broken.addAll(rowsCut(ROOT.relativize(file), table, lines));
            }
        }

        assertThat(files).extracting(f -> ROOT.relativize(f).toString().replace('\\', '/'))
                .contains("README.md", "docs/templates.md", "docs/deployment.md", "adapters-discord/README.md");
        assertThat(tables).as("tables found").isGreaterThan(10);
        assertThat(broken).as("rows with more cells than their header (escape | as \\|)").isEmpty();
    }

    @Test
    void catchesAnUnescapedPipeInACodeSpanButNotAnEscapedOne() {
        String doc = "| kind | escapes |\n| --- | --- |\n| `discord` | `* _ ~ | >` and mentions |\n"
                + "| `slack` | `<url\\|text>` links |\n";
        List<String> lines = doc.lines().toList();

        List<String> cut = rowsCut(Path.of("sample.md"), tables(PARSER.parse(doc)).get(0), lines);

        assertThat(cut).singleElement().asString().startsWith("sample.md:3: 3 cells, the header has 2");
    }

    /** Rows whose source has more cells than the header: GitHub shows only the header's count. */
    private static List<String> rowsCut(Path file, TableBlock table, List<String> lines) {
        List<String> cut = new ArrayList<>();
        List<TableRow> rows = rows(table);
        int columns = cells(rows.get(0));
        for (TableRow row : rows) {
            int line = row.getSourceSpans().get(0).getLineIndex();
            int count = sourceCells(lines.get(line));
            if (count > columns) {
                cut.add(file + ":" + (line + 1) + ": " + count + " cells, the header has " + columns + ": "
                        + lines.get(line));
            }
        }
        return cut;
    }

    /** GFM's rule: a row splits at every {@code |} not escaped by a backslash, code spans included. */
    static int sourceCells(String row) {
        String text = row.strip();
        text = text.startsWith("|") ? text.substring(1) : text;
        text = text.endsWith("|") && !text.endsWith("\\|") ? text.substring(0, text.length() - 1) : text;
        int cells = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '|') {
                cells++;
            }
        }
        return cells;
    }

    private static List<TableBlock> tables(Node document) {
        return below(document, TableBlock.class, new ArrayList<>());
    }

    private static List<TableRow> rows(Node table) {
        return below(table, TableRow.class, new ArrayList<>());
    }

    /** The nodes of a type below {@code node}, in document order. */
    private static <T extends Node> List<T> below(Node node, Class<T> type, List<T> found) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (type.isInstance(child)) {
                found.add(type.cast(child));
            }
            below(child, type, found);
        }
        return found;
    }

    private static int cells(TableRow row) {
        int cells = 0;
        for (Node child = row.getFirstChild(); child != null; child = child.getNext()) {
            cells += child instanceof TableCell ? 1 : 0;
        }
        return cells;
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> all = Files.walk(ROOT)) {
            return all.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> ROOT.relativize(p).toString().replace('\\', '/').matches(
                            "(README\\.md|docs/.*|adapters-[a-z]+/README\\.md|lambda-bundle/.*\\.md)"))
                    .filter(p -> !p.toString().contains("/target/")).sorted().toList();
        }
    }
}
