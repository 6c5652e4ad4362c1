package dev.s3notify.cli;

import java.util.List;
import java.util.Set;

/** One {@code s3notify} command: its name, its help, the options it takes, and what it does. */
interface Command {

    /** @return the word that selects it, such as {@code run} */
    String name();

    /** @return the words after the name in a usage line, such as {@code --event FILE [--kind K]} */
    String synopsis();

    /** @return one line for the command list */
    String summary();

    /** @return the full help: what it does, each option, the output and exit codes */
    String help();

    /** @return the options it accepts, such as {@code --event}; {@code --help} is always accepted */
    Set<String> options();

    /** @return the words it takes before its options, for shell completion, such as {@code link-generator} */
    default List<String> words() {
        return List.of();
    }

    /**
     * @param options the parsed command line after the name
     * @param console the environment and the output streams
     * @return the exit code
     * @throws Main.UsageException when the command line is wrong
     */
    int run(Options options, Console console);
}
