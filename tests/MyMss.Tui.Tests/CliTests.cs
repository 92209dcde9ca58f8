using System.Security.Cryptography;
using System.Text.Json;
using MyMss.Testing;

namespace MyMss.Tui.Tests;

/// <summary>
/// The command line as a script uses it, run in this process (<see cref="CliRunner"/>); what needs a real process
/// is in <see cref="CliProcessTests"/>.
/// </summary>
public sealed class CliTests : IDisposable
{
    private const string Secret = "Very-secret-7c2d";
    private readonly TempFolder _tmp = new();
    private string Db => _tmp.File("mymss.db");

    public void Dispose() => _tmp.Dispose();

    private CliResult Cli(params string[] args) => CliRunner.Run(Db, null, args);

    private CliResult CliWithStdin(string stdin, params string[] args) => CliRunner.Run(Db, stdin, args);

    /// <summary>`profiles add` of <see cref="TestProfiles"/>' profile CODE, password from stdin.</summary>
    private CliResult Add(int code, params string[] extra) => CliWithStdin(Secret + "\n", TestProfiles.AddArgs(code, extra));

    private static void NoSecret(CliResult r)
    {
        Assert.DoesNotContain(Secret, r.All);
        Assert.DoesNotContain("salt", r.All, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hash", r.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_list_lines_up_by_terminal_cells_whatever_the_characters_of_a_description()
    {
        string[] descriptions = ["Loja", "東京 本店" /* wide: two cells each */, "Comunica\u0063\u0327a\u0303o" /* combining marks: none */];
        for (int code = 1; code <= descriptions.Length; code++)
        {
            string[] args = TestProfiles.AddArgs(code);
            args[Array.IndexOf(args, "--description") + 1] = descriptions[code - 1];
            Assert.Equal(0, CliWithStdin(Secret + "\n", args).ExitCode);
        }
        string[] lines = Cli("profiles", "list").Out.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        // The server column starts in the same terminal column on every row.
        int[] starts = lines.Skip(1).Select(l => Cells(l[..l.IndexOf("127.0.0.1", StringComparison.Ordinal)])).ToArray();
        Assert.Single(starts.Distinct());
    }

    /// <summary>Terminal cells of the characters the test uses: CJK ideographs two, combining marks none, the rest one.</summary>
    private static int Cells(string text) => text.Sum(c => c is >= '\u4E00' and <= '\u9FFF' ? 2 : c is >= '\u0300' and <= '\u036F' ? 0 : 1);

    [Fact]
    public void The_internet_access_given_to_add_is_shown_back_in_the_same_word()
    {
        Assert.Equal(0, Add(4, "--internet", "mobile", "--external-host", "sync.example.pt").ExitCode);
        CliResult show = Cli("profiles", "show", "4", "--json");
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("\"internetAccess\": \"mobile\"", show.Out);
    }

    [Fact]
    public void A_profile_added_with_password_from_stdin_is_listed_as_JSON_with_every_field_and_no_secret()
    {
        CliResult add = Add(3, "--timeout", "30", "--retries", "5", "--compression", "9", "--encryption", "on",
            "--internet", "mobile", "--external-host", "sync.example.pt", "--external-port", "9443",
            "--filter", "Artigos:send", "--filter", "Preços:both");
        Assert.Equal(0, add.ExitCode);
        NoSecret(add);
        Assert.Contains("MISCommunicator", add.Err); // licensing reminder

        CliResult list = Cli("profiles", "list", "--json");
        Assert.Equal(0, list.ExitCode);
        NoSecret(list);
        JsonElement p = Assert.Single(JsonDocument.Parse(list.Out).RootElement.EnumerateArray());
        Assert.Equal(3, p.GetProperty("code").GetInt32());
        Assert.Equal("Perfil 3", p.GetProperty("description").GetString());
        Assert.Equal("127.0.0.1", p.GetProperty("host").GetString());
        Assert.Equal(9003, p.GetProperty("port").GetInt32());
        Assert.Equal(30, p.GetProperty("timeoutSeconds").GetInt32());
        Assert.Equal(5, p.GetProperty("retries").GetInt32());
        Assert.Equal(9, p.GetProperty("compression").GetInt32());
        Assert.True(p.GetProperty("encryption").GetBoolean());
        Assert.Equal("mobile", p.GetProperty("internetAccess").GetString()); // as --internet spelled it
        Assert.Equal("sync.example.pt", p.GetProperty("externalHost").GetString());
        Assert.Equal(9443, p.GetProperty("externalPort").GetInt32());
        JsonElement filter = p.GetProperty("transferFilter");
        Assert.True(filter.GetProperty("enabled").GetBoolean());
        var tables = filter.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(10, tables.Count);
        JsonElement precos = tables.Single(t => t.GetProperty("name").GetString() == "Preços");
        Assert.True(precos.GetProperty("send").GetBoolean() && precos.GetProperty("receive").GetBoolean());
        JsonElement artigos = tables.Single(t => t.GetProperty("name").GetString() == "Artigos");
        Assert.True(artigos.GetProperty("send").GetBoolean() && !artigos.GetProperty("receive").GetBoolean());
        Assert.Equal(
            ["code", "description", "host", "port", "timeoutSeconds", "retries", "compression", "encryption", "internetAccess",
             "externalHost", "externalPort", "transferFilter"],
            p.EnumerateObject().Select(o => o.Name));

        CliResult show = Cli("profiles", "show", "3");
        Assert.Equal(0, show.ExitCode);
        NoSecret(show);
        Assert.Contains("sync.example.pt", show.Out);
    }

    [Theory]
    [InlineData("--port", "9000", "Porta (--port)", "9000")]
    [InlineData("--port", "0", "Porta (--port)", "1 e 65535")]
    [InlineData("--port", "65536", "Porta (--port)", "65535")]
    [InlineData("--port", "abc", "Porta (--port)", "número inteiro")]
    [InlineData("--host", "bad host", "Servidor (MISCommunicator) (--host)", "IP")]
    [InlineData("--timeout", "301", "Timeout (s) (--timeout)", "300")]
    [InlineData("--retries", "11", "Novas tentativas (--retries)", "10")]
    [InlineData("--compression", "10", "Compressão (--compression)", "9")]
    [InlineData("--description", "", "Descrição (--description)", "obrigatório")]
    [InlineData("--encryption", "maybe", "--encryption", "on|off")]
    [InlineData("--internet", "satellite", "--internet", "mobile")]
    [InlineData("--filter", "Nada:both", "--filter", "Nada")]
    [InlineData("--filter", "Artigos:sideways", "--filter", "send|receive|both")]
    [InlineData("--internet", "vpn", "Endereço externo (--external-host)", "obrigatório")]
    public void Each_refused_input_exits_1_naming_the_field(string option, string value, string field, string detail)
    {
        string[] args = TestProfiles.AddArgs(1);
        int at = Array.IndexOf(args, option);
        args = at >= 0 ? args.Select((a, i) => i == at + 1 ? value : a).ToArray() : [.. args, option, value];
        CliResult r = CliWithStdin(Secret + "\n", args);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(field, r.Err);
        Assert.Contains(detail, r.Err);
        NoSecret(r);
        Assert.Contains("ainda não há base de dados", Cli("profiles", "list").Err); // a refused change creates nothing
    }

    [Fact]
    public void Several_problems_are_all_reported_in_one_run_in_English_and_JSON()
    {
        CliResult r = CliWithStdin("\n", "--lang", "en", "profiles", "add", "--code", "0", "--description", " ", "--host", "-x",
            "--port", "9000", "--password-stdin", "--json");
        Assert.Equal(1, r.ExitCode);
        var fields = JsonDocument.Parse(r.Out).RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["code", "description", "password", "host", "port"], fields);
        Assert.Contains("Port (--port): port 9000 is the MSS port (9000)", r.Err);
        Assert.Contains("Password (--password-stdin): is mandatory when creating a profile", r.Err);
    }

    [Fact]
    public void Without_a_terminal_or_password_stdin_add_is_refused_on_the_password()
    {
        CliResult r = CliWithStdin("", "profiles", "add", "--code", "1", "--description", "D", "--host", "h.pt", "--port", "9001");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Password (--password-stdin): sem terminal para pedir a password", r.Err);
    }

    [Fact]
    public void The_default_profile_cannot_be_deleted_and_the_message_says_it_is_the_default()
    {
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, Add(2).ExitCode);
        Assert.Equal(0, Add(3).ExitCode);
        Assert.Equal(0, Cli("settings", "set", "--alternative", "2").ExitCode);

        CliResult def = Cli("profiles", "delete", "1");
        Assert.Equal(3, def.ExitCode);
        Assert.Contains("o perfil 1 é o perfil de sincronização default", def.Err);
        CliResult alt = Cli("--lang", "en", "profiles", "delete", "2");
        Assert.Equal(3, alt.ExitCode);
        Assert.Contains("profile 2 is the alternative sync profile", alt.Err);

        Assert.Equal(0, Cli("profiles", "delete", "3").ExitCode);
        Assert.Equal(3, Cli("profiles", "show", "3").ExitCode);
        Assert.Equal(3, Cli("profiles", "delete", "3").ExitCode);
    }

    [Fact]
    public void Settings_are_set_and_shown_as_text_and_JSON()
    {
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, Add(2).ExitCode);
        Assert.Equal(0, Cli("settings", "set", "--frequency", "12", "--default", "2", "--alternative", "1").ExitCode);
        JsonElement s = JsonDocument.Parse(Cli("settings", "show", "--json").Out).RootElement;
        Assert.Equal(12, s.GetProperty("frequencyHours").GetInt32());
        Assert.Equal(2, s.GetProperty("defaultProfile").GetInt32());
        Assert.Equal(1, s.GetProperty("alternativeProfile").GetInt32());
        Assert.Equal(0, Cli("settings", "set", "--alternative", "none").ExitCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(Cli("settings", "show", "--json").Out).RootElement.GetProperty("alternativeProfile").ValueKind);
        Assert.Contains("2 · Perfil 2", Cli("settings", "show").Out);

        CliResult bad = Cli("settings", "set", "--frequency", "721", "--alternative", "2");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("Frequência de atualização de dados (horas) (--frequency)", bad.Err);
        Assert.Contains("Perfil de sincronização alternativo (--alternative)", bad.Err);
        Assert.Equal(1, Cli("settings", "set", "--default", "x").ExitCode);
    }

    [Fact]
    public void Edit_changes_only_the_given_options_and_keeps_the_password_unless_asked()
    {
        Assert.Equal(0, Add(1).ExitCode);
        CliResult edit = Cli("profiles", "edit", "1", "--description", "Rede interna", "--retries", "0");
        Assert.Equal(0, edit.ExitCode);
        Assert.DoesNotContain("MISCommunicator", edit.Err); // neither port nor password changed
        JsonElement p = JsonDocument.Parse(Cli("profiles", "show", "1", "--json").Out).RootElement;
        Assert.Equal("Rede interna", p.GetProperty("description").GetString());
        Assert.Equal(0, p.GetProperty("retries").GetInt32());
        Assert.Equal(9001, p.GetProperty("port").GetInt32());

        CliResult pw = CliWithStdin("new-" + Secret + "\n", "profiles", "edit", "1", "--password-stdin");
        Assert.Equal(0, pw.ExitCode);
        Assert.Contains("MISCommunicator", pw.Err);
        Assert.Equal(3, Cli("profiles", "edit", "42", "--description", "x").ExitCode);
    }

    [Fact]
    public void Usage_errors_exit_2_and_help_exits_0()
    {
        Assert.Equal(2, Cli("profiles", "frobnicate").ExitCode);
        Assert.Equal(2, Cli("profiles", "add", "--code", "1").ExitCode);
        Assert.Equal(2, Cli("profiles", "show", "x").ExitCode);
        Assert.Equal(2, Cli("settings", "set").ExitCode);
        CliResult help = Cli("--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("profiles", help.Out);
        Assert.Contains("Use \"mymss --help\"", Cli("profiles", "frobnicate").Err);
    }

    [Fact]
    public void A_database_path_at_a_foreign_file_exits_4_and_the_file_is_unchanged()
    {
        string notes = _tmp.File("notes.txt");
        File.WriteAllText(notes, "not a database\n");
        byte[] before = SHA256.HashData(File.ReadAllBytes(notes));
        CliResult r = CliRunner.Run(notes, null, "profiles", "list");
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("não é uma base de dados myMSS", r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(notes)));
        Assert.Equal(4, CliRunner.Run(_tmp.Path, null, "profiles", "list").ExitCode); // a directory
    }

    [Fact]
    public void The_audit_lists_every_change_newest_first_with_passwords_only_as_changed()
    {
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, CliWithStdin("another-" + Secret + "\n", "profiles", "edit", "1", "--port", "9100", "--password-stdin").ExitCode);
        Assert.Equal(0, Cli("settings", "set", "--frequency", "6").ExitCode);

        CliResult json = Cli("audit", "--json");
        Assert.Equal(0, json.ExitCode);
        NoSecret(json);
        var entries = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal(["settings.changed", "profile.updated", "settings.changed", "profile.created"], entries.Select(e => e.GetProperty("action").GetString()));
        JsonElement updated = entries[1];
        Assert.Equal(1, updated.GetProperty("profileCode").GetInt32());
        Assert.Equal(Environment.UserName, updated.GetProperty("user").GetString());
        Assert.Equal(Environment.MachineName, updated.GetProperty("host").GetString());
        Assert.EndsWith("Z", updated.GetProperty("atUtc").GetString());
        var changes = updated.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(("port", "9001", "9100"), (changes[0].GetProperty("field").GetString(), changes[0].GetProperty("before").GetString(), changes[0].GetProperty("after").GetString()));
        Assert.True(changes[1].GetProperty("secretChanged").GetBoolean());

        CliResult text = Cli("audit", "--limit", "2");
        Assert.Equal(0, text.ExitCode);
        NoSecret(text);
        Assert.Contains("Perfil alterado 1", text.Out);
        Assert.Contains("Porta: 9001 → 9100", text.Out);
        Assert.Contains("Password: alterada", text.Out);
        Assert.DoesNotContain("Perfil criado", text.Out); // beyond the limit
    }

    /// <summary>The id `audit --json` gives the newest entry.</summary>
    private long LastId() => JsonDocument.Parse(Cli("audit", "--json", "--limit", "1").Out).RootElement[0].GetProperty("id").GetInt64();

    [Fact]
    public void Audit_shows_each_changes_id_and_revert_puts_back_the_values_from_before_it()
    {
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, Cli("profiles", "edit", "1", "--port", "9100", "--internet", "vpn", "--external-host", "vpn.example.pt").ExitCode);
        long id = LastId();
        Assert.Contains($"#{id}  ", Cli("audit").Out);

        CliResult revert = Cli("audit", "revert", id.ToString());
        Assert.Equal(0, revert.ExitCode);
        Assert.StartsWith($"Alteração #{id} reposta (registada como #{id + 1}):", revert.Out);
        Assert.Contains("    Porta: 9100 → 9001", revert.Out);
        Assert.Contains("refresh do licenciamento", revert.Err); // the port changed
        JsonElement profile = JsonDocument.Parse(Cli("profiles", "show", "1", "--json").Out).RootElement;
        Assert.Equal((9001, "none"), (profile.GetProperty("port").GetInt32(), profile.GetProperty("internetAccess").GetString()));

        JsonElement restore = JsonDocument.Parse(Cli("audit", "--json", "--limit", "1").Out).RootElement[0];
        Assert.Equal(("restore", id), (restore.GetProperty("action").GetString(), restore.GetProperty("restores").GetInt64()));
        Assert.Contains($"Reposição 1 (repõe #{id})", Cli("audit", "--limit", "1").Out);

        // Undone already: its fields no longer hold what it left, so it is a conflict, each field named with its value now.
        CliResult again = Cli("--lang", "en", "audit", "revert", id.ToString(), "--json");
        Assert.Equal(3, again.ExitCode);
        Assert.Contains("mymss: Port (--port): changed after that change (now: 9001): restore the newer changes first", again.Err);
        Assert.Equal("conflict", JsonDocument.Parse(again.Out).RootElement.GetProperty("status").GetString());

        CliResult missing = Cli("audit", "revert", "999");
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("não existe a alteração #999 no histórico", missing.Err);
        Assert.Equal(2, Cli("audit", "revert", "abc").ExitCode);
    }

    [Fact]
    public void A_password_change_or_a_deleted_profile_is_reverted_only_with_a_new_password_from_stdin()
    {
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, Add(2).ExitCode);
        Assert.Equal(0, CliWithStdin("another-" + Secret + "\n", "profiles", "edit", "2", "--password-stdin").ExitCode);
        long changed = LastId();
        CliResult refused = Cli("--lang", "en", "audit", "revert", changed.ToString());
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("mymss: Password (--password-stdin): the history keeps no passwords: give a new one", refused.Err.Trim());
        CliResult done = CliWithStdin("third-" + Secret + "\n", "audit", "revert", changed.ToString(), "--password-stdin");
        Assert.Equal(0, done.ExitCode);
        Assert.Contains("    Password: alterada", done.Out);
        NoSecret(done);

        Assert.Equal(0, Cli("profiles", "delete", "2").ExitCode);
        long deleted = LastId();
        Assert.Equal(1, Cli("audit", "revert", deleted.ToString()).ExitCode);
        Assert.Equal(3, Cli("profiles", "show", "2").ExitCode); // still gone
        CliResult back = CliWithStdin("fourth-" + Secret + "\n", "audit", "revert", deleted.ToString(), "--password-stdin", "--json");
        Assert.Equal(0, back.ExitCode);
        NoSecret(back);
        Assert.Equal("Perfil 2", JsonDocument.Parse(Cli("profiles", "show", "2", "--json").Out).RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public void Export_then_import_into_another_database_with_a_dry_run_first()
    {
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, Add(2, "--internet", "public", "--external-host", "wifi.example.pt").ExitCode);
        Assert.Equal(0, Cli("settings", "set", "--alternative", "2").ExitCode);
        string file = _tmp.File("backup.json");

        CliResult export = Cli("export", file);
        Assert.Equal(0, export.ExitCode);
        NoSecret(export);
        Assert.DoesNotContain(Secret, File.ReadAllText(file));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(3, Cli("export", file).ExitCode); // never overwritten silently
        Assert.Equal(0, Cli("export", file, "--force").ExitCode);

        string other = _tmp.File("other.db");
        CliResult dry = CliRunner.Run(other, null, "import", file, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("Simulação", dry.Out);
        Assert.Contains("+ criar perfil 2 · Perfil 2", dry.Out);
        Assert.Contains("ainda não há base de dados", CliRunner.Run(other, null, "profiles", "list").Err); // a dry run creates nothing

        CliResult import = CliRunner.Run(other, null, "import", file);
        Assert.Equal(0, import.ExitCode);
        NoSecret(import);
        Assert.Equal(Cli("profiles", "list", "--json").Out, CliRunner.Run(other, null, "profiles", "list", "--json").Out);
        Assert.Equal(Cli("settings", "show", "--json").Out, CliRunner.Run(other, null, "settings", "show", "--json").Out);
        // The restored password hash still verifies: editing without a new password keeps it, and the audit says import.
        Assert.Contains("Importação", CliRunner.Run(other, null, "audit").Out);
    }

    [Fact]
    public void The_audit_lines_up_its_dates_whatever_the_width_of_the_ids()
    {
        for (int code = 1; code <= 10; code++)
            Assert.Equal(0, Add(code).ExitCode); // ids 1..11 (the first profile also sets the default)
        string[] headings = Cli("audit").Out.Split('\n').Where(l => l.StartsWith('#')).ToArray();
        Assert.Contains(headings, h => h.StartsWith("#9 ", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.StartsWith("#11 ", StringComparison.Ordinal));
        int[] dateColumns = headings.Select(h => System.Text.RegularExpressions.Regex.Match(h, @"\d{4}-\d\d-\d\d ").Index).Distinct().ToArray();
        Assert.Equal([5], dateColumns); // "#11  2026-…" and "#9   2026-…"
    }

    [Fact]
    public void An_import_that_creates_a_profile_or_changes_a_port_or_password_reminds_of_the_licensing()
    {
        const string Reminder = "refresh do licenciamento";
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, Add(2).ExitCode);
        string file = _tmp.File("backup.json");
        Assert.Equal(0, Cli("export", file).ExitCode);
        string other = _tmp.File("other.db");

        Assert.DoesNotContain(Reminder, CliRunner.Run(other, null, "import", file, "--dry-run").Err); // nothing changed yet
        Assert.Contains(Reminder, CliRunner.Run(other, null, "import", file).Err); // two profiles created
        Assert.DoesNotContain(Reminder, CliRunner.Run(other, null, "import", file).Err); // the same file again: nothing changes

        string json = File.ReadAllText(file);
        File.WriteAllText(file, json.Replace("\"description\": \"Perfil 1\"", "\"description\": \"Mudado\""));
        CliResult described = CliRunner.Run(other, null, "import", file);
        Assert.Equal(0, described.ExitCode);
        Assert.DoesNotContain(Reminder, described.Err); // a description only

        File.WriteAllText(file, json.Replace("\"port\": 9002", "\"port\": 9102"));
        CliResult ported = CliRunner.Run(other, null, "import", file);
        Assert.Equal(0, ported.ExitCode);
        Assert.Contains(Reminder, ported.Err);
    }

    [Fact]
    public void An_import_with_one_bad_profile_exits_1_naming_it_and_changes_nothing()
    {
        Assert.Equal(0, Add(1).ExitCode);
        Assert.Equal(0, Add(2).ExitCode);
        string file = _tmp.File("backup.json");
        Assert.Equal(0, Cli("export", file).ExitCode);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"port\": 9002", "\"port\": 9000").Replace("\"description\": \"Perfil 1\"", "\"description\": \"Mudado\""));
        string before = Cli("profiles", "list", "--json").Out;
        string auditBefore = Cli("audit", "--json").Out;

        CliResult r = Cli("import", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("Perfil n.º 2 do ficheiro — Porta: a porta 9000 é a porta do MSS", r.Err);
        Assert.Equal(before, Cli("profiles", "list", "--json").Out);
        Assert.Equal(auditBefore, Cli("audit", "--json").Out);

        File.WriteAllText(file, "{ not json");
        CliResult broken = Cli("import", file);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("não é JSON válido", broken.Err);
        Assert.Equal(4, Cli("import", _tmp.File("missing.json")).ExitCode);
    }

    [Fact]
    public void Profiles_test_reports_each_endpoint_and_exits_1_when_one_fails()
    {
        using var open = Loopback.Open(out int openPort);
        int closedPort = Loopback.Closed();
        Assert.Equal(0, CliWithStdin(Secret + "\n", "profiles", "add", "--code", "1", "--description", "Local", "--host", "127.0.0.1",
            "--port", openPort.ToString(), "--retries", "1", "--password-stdin").ExitCode);

        CliResult ok = Cli("profiles", "test", "1");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains($"Servidor 127.0.0.1:{openPort} — ligação estabelecida em", ok.Out);

        Assert.Equal(0, Cli("profiles", "edit", "1", "--internet", "public", "--external-host", "127.0.0.1", "--external-port", closedPort.ToString()).ExitCode);
        CliResult json = Cli("profiles", "test", "1", "--json");
        Assert.Equal(1, json.ExitCode);
        var reports = JsonDocument.Parse(json.Out).RootElement.EnumerateArray().ToList();
        Assert.Equal([("internal", "reachable"), ("external", "refused")], reports.Select(r => (r.GetProperty("endpoint").GetString(), r.GetProperty("result").GetString())));
        Assert.Equal(2, reports[1].GetProperty("attempts").GetInt32()); // 1 retry
        Assert.Equal(3, Cli("profiles", "test", "9").ExitCode);
    }

    [Fact]
    public void Check_reports_configuration_database_routes_and_warnings()
    {
        CliResult empty = Cli("check", "--json");
        Assert.Equal(1, empty.ExitCode); // no default profile
        JsonElement doc = JsonDocument.Parse(empty.Out).RootElement;
        Assert.Equal(9000, doc.GetProperty("configuration").GetProperty("mssPort").GetInt32());
        Assert.Equal(0, doc.GetProperty("database").GetProperty("profiles").GetInt32());
        Assert.Contains("Route_NoDefault", doc.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("code").GetString()));

        Assert.Equal(0, Add(1, "--internet", "mobile", "--external-host", "sync.example.pt").ExitCode);
        Assert.Equal(0, Add(2, "--internet", "vpn", "--external-host", "vpn.example.pt").ExitCode);
        Assert.Equal(0, Cli("settings", "set", "--alternative", "2").ExitCode);
        CliResult good = Cli("check");
        Assert.True(good.ExitCode == 0, good.Out);
        Assert.Contains("Sem avisos.", good.Out);
        Assert.Contains("se falhar: 2 · Perfil 2 → VPN vpn.example.pt:9002", good.Out);

        // The MSS port moved onto profile 1's port in the configuration (an environment variable: a process of its own).
        CliResult moved = CliProcess.RunRaw(null, new Dictionary<string, string> { ["MYMSS_Mss__Port"] = "9001" }, "--db", Db, "check");
        Assert.Equal(1, moved.ExitCode);
        Assert.Contains("o perfil 1 usa a porta 9001, que é agora a porta do MSS", moved.Out);
    }
}
