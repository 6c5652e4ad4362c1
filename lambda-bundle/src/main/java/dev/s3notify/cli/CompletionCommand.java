package dev.s3notify.cli;

import dev.s3notify.core.plugins.WebhookFormatters;
import dev.s3notify.core.text.Suggestions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code completion bash|zsh}: a shell completion script made from the commands' own option lists, so it never
 * falls behind them; the kinds it offers for {@code --kind} are those found when it is made, plugins included.
 */
final class CompletionCommand implements Command {
    private static final List<String> SHELLS = List.of("bash", "zsh");

    @Override
    public String name() {
        return "completion";
    }

    @Override
    public String synopsis() {
        return "bash|zsh";
    }

    @Override
    public String summary() {
        return "print a shell completion script for commands, options, kinds and event files";
    }

    @Override
    public String help() {
        return """
                usage: s3notify completion bash|zsh

                Prints a completion script for the shell: commands, each command's options, the formatter kinds
                for --kind (those found now, plugins included), files for --event. Install it once:

                  bash:  mkdir -p ~/.local/share/bash-completion/completions &&
                         ./s3notify completion bash > ~/.local/share/bash-completion/completions/s3notify
                  zsh:   mkdir -p ~/.zfunc && ./s3notify completion zsh > ~/.zfunc/_s3notify
                         (with fpath+=(~/.zfunc) before compinit in ~/.zshrc)

                or load it in the current shell: source <(./s3notify completion bash). It completes both
                s3notify (on the PATH) and ./s3notify. Make it again after adding a plugin.
                Exit codes: 0 printed, 2 bad usage.
                """;
    }

    @Override
    public Set<String> options() {
        return Set.of();
    }

    @Override
    public List<String> words() {
        return SHELLS;
    }

    @Override
    public int run(Options options, Console console) {
        String shell = options.words().size() == 1 ? options.words().get(0) : "";
        if (!SHELLS.contains(shell)) {
            throw new Main.UsageException(shell.isEmpty() ? "completion takes one shell: bash or zsh"
                    : "no completion for the shell '" + Main.quoted(shell) + "'" + Suggestions.didYouMean(shell,
                            SHELLS) + "; bash and zsh are supported");
        }
        String bash = bash(WebhookFormatters.load(console.registryLoader()).kinds());
        console.text("script", shell.equals("bash") ? bash
                : "#compdef s3notify\n# zsh runs the bash completion through bashcompinit.\n"
                        + "autoload -U +X bashcompinit && bashcompinit\n" + bash);
        return Main.OK;
    }

    static String bash(List<String> kinds) {
        StringBuilder commands = new StringBuilder();
        Set<String> names = new TreeSet<>();
        for (Command command : Main.COMMANDS) {
            names.add(command.name());
            Set<String> options = new TreeSet<>(command.options());
            options.addAll(Options.GLOBAL);
            options.add("--help");
            commands.append("    ").append(command.name()).append(") words='").append(String.join(" ",
                    command.words())).append("'; opts='").append(String.join(" ", options)).append("' ;;\n");
        }
        commands.append("    help) words='").append(String.join(" ", names)).append("'; opts='' ;;\n");
        return """
                # s3notify completion for bash (made by: s3notify completion bash)
                _s3notify() {
                  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" words opts
                  case "$prev" in
                    --event) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur")); return ;;
                    --kind) COMPREPLY=($(compgen -W '%s' -- "$cur")); return ;;
                    --log-format) COMPREPLY=($(compgen -W 'text json' -- "$cur")); return ;;
                    --template|--route) COMPREPLY=(); return ;;
                  esac
                  if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=($(compgen -W '%s help --help --version --verbose --log-format' -- "$cur"))
                    return
                  fi
                  case "${COMP_WORDS[1]}" in
                %s    *) words=''; opts='' ;;
                  esac
                  if [[ "$cur" == -* || -z "$words" ]]; then
                    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
                  else
                    COMPREPLY=($(compgen -W "$words $opts" -- "$cur"))
                  fi
                }
                complete -F _s3notify s3notify ./s3notify
                """.formatted(String.join(" ", kinds), String.join(" ", names), commands);
    }
}
