using System.Diagnostics;
using MyMss.Tui.Hosting;

namespace MyMss.Tui.Tests;

/// <summary>
/// Drafts with the real program in a real terminal: a technician types in the editor, the session dies (a signal,
/// kill -9, the link dropping), and the next start on that database offers what was typed back.
/// </summary>
[Collection(RealTerminalCollection.Name)]
public sealed class DraftTmuxTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private readonly string _socket = "mymss-draft-" + Guid.NewGuid().ToString("N")[..8];
    private string Db => _tmp.File("mymss.db");

    public void Dispose()
    {
        TmuxSession.Run(_socket, "kill-server");
        if (SignalTests.FindProgram(Db) is int left)
            Process.GetProcessById(left).Kill();
        _tmp.Dispose();
    }

    /// <summary>What the drafts beside the database hold, read as any program reads them.</summary>
    private string Drafts() => string.Concat(Directory.GetFiles(_tmp.Path, "mymss.db.draft-*").Select(path =>
    {
        using FileStream? file = PrivateFiles.OpenToRead(path);
        return file is null ? "" : new StreamReader(file).ReadToEnd();
    }));

    [Theory]
    [InlineData("HUP")]
    [InlineData("TERM")]
    [InlineData("KILL")]
    [InlineData("dropped link")]
    public void What_was_typed_when_the_session_died_is_offered_at_the_next_start(string how)
    {
        Assert.Equal(0, CliProcess.Run(Db, "Secret-1\n", "profiles", "add", "--code", "1", "--description", "Rede interna", "--host", "10.0.0.5", "--port", "9001", "--password-stdin").ExitCode);
        var first = new TmuxSession(_socket, "first", "", Db);
        first.WaitFor("1 · Rede interna", "Ctrl+Q");
        first.Keys("F4");
        first.WaitFor("Alterar perfil 1");
        first.Keys("End", " (sede)");
        TmuxSession.WaitFor(Drafts, "Rede interna (sede)"); // kept as it is typed

        int pid = SignalTests.FindProgram(Db)!.Value;
        if (how == "dropped link")
            TmuxSession.Run(_socket, "kill-session", "-t", "first"); // the terminal goes away under the program
        else
            SignalTests.Send(how, pid);
        TmuxSession.WaitFor(() => Directory.Exists($"/proc/{pid}") ? "" : "ended", "ended");
        Assert.Contains("Rede interna (sede)", Drafts());
        Assert.Equal("Rede interna", ProfileDescription()); // nothing saved

        var next = new TmuxSession(_socket, "next", "", Db);
        next.WaitFor("Rascunho por gravar", "o perfil 1 · Rede interna (sede)", "Restaurar");
        next.Keys("Enter");
        next.WaitFor("Alterar perfil 1", "Descrição: Rede interna (sede)");
        next.Keys("F10");
        next.WaitFor("Perfil 1 alterado");
        next.Keys("C-q");
        next.WaitFor("EXIT 0");
        Assert.Equal("Rede interna (sede)", ProfileDescription());
        Assert.Empty(Directory.GetFiles(_tmp.Path, "mymss.db.draft-*"));
    }

    private string ProfileDescription()
    {
        CliResult show = CliProcess.Run(Db, null, "profiles", "show", "1", "--json");
        Assert.Equal(0, show.ExitCode);
        return System.Text.Json.JsonDocument.Parse(show.Out).RootElement.GetProperty("description").GetString()!;
    }
}
