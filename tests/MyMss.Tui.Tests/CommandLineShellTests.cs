using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using MyMss.Testing;
using MyMss.Tui.Cli;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Tests;

/// <summary>
/// What the command line gives a technician at a shell: help and errors in one language, --version, Tab completion and
/// the manual page — all from the one command tree.
/// </summary>
public sealed class CommandLineShellTests : IDisposable
{
    private const string Secret = "Shell-secret-11";
    private readonly TempFolder _tmp = new();
    private string Db => _tmp.File("mymss.db");

    public void Dispose() => _tmp.Dispose();

    /// <summary>System.CommandLine's own texts, in English, as the library has them.</summary>
    private static Dictionary<string, string> LibraryTexts()
    {
        Type resources = typeof(RootCommand).Assembly.GetType("System.CommandLine.Properties.Resources", throwOnError: true)!;
        var english = new System.Resources.ResourceManager(resources.FullName!, resources.Assembly);
        return resources.GetProperties(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.PropertyType == typeof(string))
            .ToDictionary(p => p.Name, p => english.GetString(p.Name, System.Globalization.CultureInfo.InvariantCulture)!);
    }

    [Fact]
    public void Every_text_of_the_command_line_library_has_ours_in_both_languages()
    {
        Dictionary<string, string> library = LibraryTexts();
        Assert.NotEmpty(library);
        Assert.All(library.Keys, name => Assert.True(CommandLineTexts.KeyOf(name) is not null, $"System.CommandLine text {name} has no text of ours"));
    }

    /// <summary>The words a leftover of the library's English would show ("Usage:", "(REQUIRED)", "Did you mean"…), and our own metavariables.</summary>
    /// <summary>The fragment as words ("Argument" is not in "Argumentos").</summary>
    private static bool Shows(string text, string fragment) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<!\w){System.Text.RegularExpressions.Regex.Escape(fragment)}(?!\w)");

    private static IEnumerable<string> EnglishFragments() =>
        LibraryTexts().Values
            .SelectMany(t => t.Split(["{0}", "{1}", "{2}", "{3}", "'", "\r", "\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(f => f.Length >= 5 && f != "default") // "perfil default" is the manual's own word in Portuguese
            .Concat(["PATH", "FILE", "CODE", "TABLE", "Show help", "Show the version"]);

    [Fact]
    public void The_Portuguese_help_of_every_command_has_no_English_in_it()
    {
        string[][] paths = [[], ["settings"], ["settings", "show"], ["settings", "set"], ["profiles"], ["profiles", "list"], ["profiles", "show"],
            ["profiles", "add"], ["profiles", "edit"], ["profiles", "delete"], ["profiles", "test"], ["audit"], ["check"], ["export"], ["import"], ["completion"]];
        string[] fragments = [.. EnglishFragments()];
        foreach (string[] path in paths)
        {
            CliResult help = CliRunner.RunRaw(null, [.. path, "--help"]);
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("Utilização:", help.Out);
            foreach (string fragment in fragments)
                Assert.False(Shows(help.Out, fragment), $"mymss {string.Join(' ', path)} --help shows \"{fragment}\":\n{help.Out}");
        }
        // The man page's command list is the help's: no command is left out of either.
        string page = CliRunner.RunRaw(null, "man").Out;
        foreach (string[] path in paths.Where(p => p.Length == 2 || p is ["audit"] or ["check"] or ["export"] or ["import"] or ["completion"]))
            Assert.Contains(@"\fBmymss " + string.Join(' ', path) + @"\fR", page);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("profiles")]
    [InlineData("profiles", "show")]
    [InlineData("profiles", "show", "abc")]
    [InlineData("profiles", "show", "1", "2")]
    [InlineData("profiles", "add", "--code")]
    [InlineData("profiles", "add", "--code", "1")]
    [InlineData("audit", "--limit", "x")]
    [InlineData("completion", "powershell")]
    public void A_usage_error_in_Portuguese_has_no_English_and_its_English_has_no_Portuguese(params string[] args)
    {
        CliResult pt = CliRunner.Run(Db, null, args);
        Assert.Equal(2, pt.ExitCode);
        foreach (string fragment in EnglishFragments())
            Assert.False(Shows(pt.Err, fragment), $"mymss {string.Join(' ', args)}: \"{fragment}\" in\n{pt.Err}");
        CliResult en = CliRunner.Run(Db, null, ["--lang", "en", .. args]);
        Assert.Equal(2, en.ExitCode);
        Assert.DoesNotContain("ção", en.Err);
        Assert.Contains("Use \"mymss --help\" to see the commands.", en.Err);
    }

    [Fact]
    public void Version_is_the_version_then_the_commit_build_platform_and_runtime()
    {
        string[] lines = CliRunner.RunRaw(null, "--version").Out.TrimEnd().Split('\n');
        Assert.Matches(@"^\d+\.\d+\.\d+$", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("commit ", lines[1]);
        Assert.StartsWith("compilado ", lines[2]);
        Assert.Matches(@"^plataforma +linux-(x64|arm64) \(.*glibc \d+\.\d+", lines[3]);
        Assert.Matches(@"^execução +JIT, \.NET 10\.", lines[4]); // the tests run under the JIT; tools/aot-smoke.sh checks the native one
    }

    [Theory]
    [InlineData("--lang", "en", "--version")]
    [InlineData("--version", "--lang", "en")]
    public void Version_follows_the_language_given_on_the_line_and_takes_nothing_else(params string[] args)
    {
        CliResult en = CliRunner.RunRaw(null, args);
        Assert.Equal(0, en.ExitCode);
        string[] lines = en.Out.TrimEnd().Split('\n');
        Assert.StartsWith("built ", lines[2]);
        Assert.StartsWith("runtime ", lines[4]);
        Assert.Equal("", en.Err);

        CliResult db = CliRunner.RunRaw(null, "--db", _tmp.File("version.db"), "--version");
        Assert.Equal(0, db.ExitCode);
        Assert.False(File.Exists(_tmp.File("version.db"))); // nothing is opened for the version

        foreach (string[] mixed in new[] { new[] { "--version", "--no-color" }, ["--version", "profiles", "list"], ["--lang", "en", "--version", "--ascii"] })
        {
            CliResult refused = CliRunner.RunRaw(null, mixed);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--version", refused.Err);
            Assert.Equal("", refused.Out);
        }
    }

    [Fact]
    public void Completion_offers_commands_options_values_and_the_profile_codes_of_the_database_on_the_line()
    {
        Assert.Equal(0, CliRunner.Run(Db, Secret + "\n", TestProfiles.AddArgs(17)).ExitCode);
        string[] Complete(string line) => CliRunner.RunRaw(null, "complete", "--", line).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["profiles"], Complete("mymss pro"));
        Assert.Equal(["add", "delete", "edit", "list", "show", "test"], Complete("mymss profiles ").Where(c => !c.StartsWith('-')));
        Assert.Contains("17", Complete($"mymss --db {Db} profiles show "));
        Assert.Equal(["17", "none"], Complete($"mymss --db {Db} settings set --alternative "));
        Assert.DoesNotContain("17", Complete($"mymss --db {_tmp.File("none.db")} profiles show ")); // and nothing is created there
        Assert.False(File.Exists(_tmp.File("none.db")));
        Assert.Equal(["mobile", "none", "public", "vpn"], Complete("mymss profiles add --internet "));
        Assert.Equal(["off", "on"], Complete("mymss profiles edit 1 --encryption ").Order());
        Assert.Equal(["Preços:both", "Preços:receive", "Preços:send"], Complete("mymss profiles add --filter Pre"));
        Assert.Equal(["bash", "fish", "zsh"], Complete("mymss completion ").Where(c => !c.StartsWith('-')));
        Assert.DoesNotContain("complete", Complete("mymss "));
        Assert.DoesNotContain("man", Complete("mymss "));
    }

    [Fact]
    public void The_bash_script_completes_through_the_program_even_after_a_colon()
    {
        string script = _tmp.File("mymss.bash");
        File.WriteAllText(script, CliRunner.RunRaw(null, "completion", "bash").Out);
        string Tab(string line, string words) => Bash($$"""
            source {{script}}
            mymss() { dotnet {{CliProcess.AppDll}} "$@"; }
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=({{words}}); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _mymss; printf '%s\n' "${COMPREPLY[@]}"
            """);
        Assert.Equal("list", Tab("mymss profiles li", "mymss profiles li").Trim());
        Assert.Equal(["both", "receive", "send"], Tab("mymss profiles add --filter Artigos:", "mymss profiles add --filter Artigos : ''").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    private static string Bash(string script)
    {
        var psi = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string key in psi.Environment.Keys.Where(k => k.StartsWith("MYMSS_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        using Process p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    [Theory]
    [InlineData("pt", "NOME", "CÓDIGOS DE SAÍDA")]
    [InlineData("en", "NAME", "EXIT STATUS")]
    public async Task The_manual_page_is_roff_in_the_run_language_that_man_renders_without_warnings(string lang, string name, string exit)
    {
        string page = CliRunner.RunRaw(null, "--lang", lang, "man").Out;
        Assert.StartsWith(".TH MYMSS 1 ", page);
        Assert.Contains(".SH " + name, page);
        Assert.Contains(@"\-\-password\-stdin", page);
        Assert.All(page, c => Assert.True(c < 128, $"not ASCII: {c}")); // every other character as \[uXXXX]
        if (!File.Exists("/usr/bin/groff"))
            return;
        string file = _tmp.File($"mymss.{lang}.1");
        File.WriteAllText(file, page);
        var psi = new ProcessStartInfo("groff", ["-man", "-Tutf8", "-ww", file]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using Process groff = Process.Start(psi)!;
        Task<string> warnings = groff.StandardError.ReadToEndAsync();
        string text = await groff.StandardOutput.ReadToEndAsync();
        await groff.WaitForExitAsync();
        Assert.Contains(exit, System.Text.RegularExpressions.Regex.Replace(text, ".\b", ""));
        Assert.Equal("", await warnings);
    }
}
