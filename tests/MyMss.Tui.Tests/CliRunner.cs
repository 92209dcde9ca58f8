using MyMss.Tui.Cli;
using MyMss.Tui.Hosting;

namespace MyMss.Tui.Tests;

/// <summary>
/// Runs the real command line in this process — the program's <see cref="AppHost"/> composition and <see cref="CliApp"/>,
/// writing to strings — in milliseconds instead of a process start. Standard input is a string, never a terminal: a run
/// behaves as the program does with stdin redirected. Configuration comes from the appsettings.json beside the tests, as
/// for <see cref="CliProcess"/>, and from MYMSS_ environment variables, which no test sets in this process (tests of
/// those start a process).
/// </summary>
public static class CliRunner
{
    public static CliResult Run(string db, string? stdin, params string[] args) => RunRaw(stdin, ["--db", db, .. args]);

    public static CliResult RunRaw(string? stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = new CliApp(new CommandsOnly(), output, error, new StringReader(stdin ?? ""), canPrompt: false).Run(args);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The program's composition; a run that would open the screen fails at once instead of waiting for keys.</summary>
    private sealed class CommandsOnly : IAppHost
    {
        private readonly AppHost _host = new();

        public Composition Compose(string? db, string? lang, string? config) => _host.Compose(db, lang, config);

        public int RunScreen(Composition composed, ScreenOptions options) =>
            throw new InvalidOperationException("no command given: the screen is tested with ScreenHarness or TmuxSession");
    }
}
