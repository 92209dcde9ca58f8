using System.CommandLine;
using System.CommandLine.Completions;
using MyMss.Tui.Hosting;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// Shell completion. `mymss completion bash|zsh|fish` prints a script that, on Tab, runs the hidden
/// `mymss complete -- LINE` with the command line up to the cursor; that answers, one per line, the commands, options and
/// values that fit there — enumerated values (on|off, none|mobile|vpn|public, TABLE:send|receive|both, pt|en) and the
/// profile codes in the database the line names (--db/--config on the line, or the configured one; reading creates nothing).
/// </summary>
public static class CompletionCommands
{
    public const string Bash = "bash", Zsh = "zsh", Fish = "fish";

    public static Command Completion(CliContext ctx)
    {
        var shell = new Argument<string>(ctx.Strings[TextKey.Cli_MetaShell]) { Description = ctx.Strings[TextKey.Cli_ArgShell] };
        shell.AcceptOnlyFromAmong(Bash, Zsh, Fish);
        var completion = new Command("completion", ctx.Strings[TextKey.Cli_Completion]) { shell };
        completion.SetAction(p =>
        {
            ctx.Out.Write(Script(p.GetValue(shell)!));
            return ExitCodes.Ok;
        });
        return completion;
    }

    /// <param name="complete">What the words of a command line (without the program's name) complete to at its end.</param>
    public static Command Complete(CliContext ctx, Func<string, IEnumerable<string>> complete)
    {
        var line = new Argument<string>("LINE") { Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("complete") { line };
        command.Hidden = true;
        command.SetAction(p =>
        {
            foreach (string candidate in complete(WithoutProgram(p.GetValue(line) ?? "")))
                ctx.Out.WriteLine(candidate);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Completions worth offering: not the hidden commands, nor the DOS and single-letter spellings of --help.</summary>
    public static IEnumerable<string> Candidates(ParseResult parsed, int position) =>
        parsed.GetCompletions(position)
            .Select(c => c.InsertText ?? c.Label)
            .Where(c => c is not ("-?" or "-h" or "/?" or "/h" or "complete" or "man"))
            .Distinct();

    /// <summary>"mymss profiles sh" → "profiles sh": the shell passes the whole line, program name first.</summary>
    private static string WithoutProgram(string line)
    {
        string trimmed = line.TrimStart();
        int space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0 ? "" : trimmed[(space + 1)..].TrimStart(' ', '\t');
    }

    public static string Script(string shell) => shell switch
    {
        Bash => """
            # bash completion for mymss: source it, or install it as /usr/share/bash-completion/completions/mymss
            _mymss() {
                local line=${COMP_LINE:0:COMP_POINT}
                local cur=${line##*[[:space:]]} IFS=$'\n' c
                COMPREPLY=()
                for c in $("${COMP_WORDS[0]}" complete -- "$line" 2>/dev/null); do
                    [[ $c == "$cur"* ]] || continue
                    # bash splits words at ':' (COMP_WORDBREAKS): offer only what follows the part before the last ':'
                    [[ $COMP_WORDBREAKS == *:* && $cur == *:* ]] && c=${c#"${cur%:*}:"}
                    COMPREPLY+=("$c")
                done
            }
            complete -o default -F _mymss mymss

            """,
        Zsh => """
            #compdef mymss
            # zsh completion for mymss: put it in a folder of $fpath as _mymss (or source it after compinit)
            _mymss() {
                local -a candidates
                candidates=("${(@f)$(${words[1]} complete -- "${(j: :)words[1,CURRENT]}" 2>/dev/null)}")
                candidates=(${candidates:#})
                if (( ${#candidates} )); then
                    compadd -Q -- "${candidates[@]}"
                else
                    _files
                fi
            }
            if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
                _mymss "$@"
            else
                compdef _mymss mymss
            fi

            """,
        Fish => """
            # fish completion for mymss: install it as ~/.config/fish/completions/mymss.fish or /usr/share/fish/vendor_completions.d/mymss.fish
            function __mymss_complete
                set -l program (commandline -opc)[1]
                set -l candidates ($program complete -- (commandline -cp) 2>/dev/null)
                if test (count $candidates) -gt 0
                    printf '%s\n' $candidates
                else
                    __fish_complete_path (commandline -ct)
                end
            end
            complete -c mymss -f -a '(__mymss_complete)'

            """,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "bash, zsh or fish"),
    };
}
