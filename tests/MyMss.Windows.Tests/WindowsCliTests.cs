using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MyMss.Windows.Tests;

/// <summary>
/// The command line of the Windows package, under Wine: the scenarios a technician runs on a Windows server. Wine's
/// console is not a real Windows console, so the screen is not run here (its Windows choices have unit tests of their
/// own); everything else is the real mymss.exe, on its real database files, in real processes.
/// </summary>
public sealed class WindowsCliTests(WindowsPackage package) : IClassFixture<WindowsPackage>
{
    private const string Description = "Sincronização Lisboa – Armazém Çé";

    /// <summary>Every test but the one about the default paths works in a database of its own.</summary>
    private static string Db(string name) => $@"C:\tests\{name}.db";

    private WineResult Add(string db, int code, string description, string password = "segredo-1") =>
        package.Run(password + "\r\n", "profiles", "add", "--db", db, "--code", code.ToString(), "--description", description,
            "--host", "10.0.0.5", "--port", (9000 + code).ToString(), "--password-stdin");

    [WineFact]
    public void A_profile_added_with_no_db_option_goes_to_ProgramData_and_is_listed_with_its_accents()
    {
        var add = package.Run("segredo-1\r\n", "profiles", "add", "--code", "1", "--description", Description,
            "--host", "10.0.0.5", "--port", "9001", "--password-stdin");
        Assert.True(add.Code == 0, add.ToString());
        Assert.Contains("Perfil 1 criado.", add.Out);
        Assert.Contains("O perfil 1 é agora o perfil de sincronização default.", add.Out);

        var list = package.Run(null, "profiles", "list");
        Assert.True(list.Code == 0, list.ToString());
        Assert.Contains("Código  Descrição", list.Out);
        Assert.Contains(Description, list.Out);
        Assert.True(File.Exists(package.Unix(@"C:\ProgramData\mymss\mymss.db")), "no database in C:\\ProgramData\\mymss");
        Assert.False(Directory.Exists(package.Unix(@"C:\Program Files\mymss\data")), "a database beside the executable");

        using JsonDocument check = Json(package.Run(null, "check", "--json"), expectedCode: 1); // 1: the profile has no Internet route
        Assert.Equal(WindowsPackage.Exe.Replace("mymss.exe", "appsettings.json"), check.RootElement.GetProperty("configuration").GetProperty("file").GetString());
        Assert.Equal(@"C:\ProgramData\mymss\mymss.db", check.RootElement.GetProperty("database").GetProperty("path").GetString());
    }

    [WineFact]
    public void A_configuration_in_ProgramData_comes_before_the_one_beside_the_executable()
    {
        string file = package.Unix(@"C:\ProgramData\mymss\appsettings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, """{ "Database": { "Path": "servidor\\mymss.db" }, "Mss": { "Port": 9100 }, "Ui": { "Language": "en" } }""");
        try
        {
            var add = package.Run("segredo-1\r\n", "profiles", "add", "--code", "7", "--description", "Porto", "--host", "h", "--port", "1", "--password-stdin");
            Assert.True(add.Code == 0, add.ToString());
            Assert.Contains("Profile 7 created.", add.Out); // its language
            using JsonDocument check = Json(package.Run(null, "check", "--json"), expectedCode: 1);
            Assert.Equal(@"C:\ProgramData\mymss\appsettings.json", check.RootElement.GetProperty("configuration").GetProperty("file").GetString());
            Assert.Equal(9100, check.RootElement.GetProperty("configuration").GetProperty("mssPort").GetInt32());
            // A relative path is taken from the folder of the file that gives it.
            Assert.Equal(@"C:\ProgramData\mymss\servidor\mymss.db", check.RootElement.GetProperty("database").GetProperty("path").GetString());
            Assert.True(File.Exists(package.Unix(@"C:\ProgramData\mymss\servidor\mymss.db")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [WineFact]
    public void Show_edit_and_delete_answer_with_the_exit_codes_of_Linux()
    {
        string db = Db("crud");
        Assert.Equal(0, Add(db, 1, "Lisboa").Code);
        Assert.Equal(0, Add(db, 2, "Porto").Code);

        var edit = package.Run(null, "profiles", "edit", "2", "--db", db, "--description", "Évora – Sé");
        Assert.True(edit.Code == 0, edit.ToString());
        using (JsonDocument show = Json(package.Run(null, "profiles", "show", "2", "--db", db, "--json")))
            Assert.Equal("Évora – Sé", show.RootElement.GetProperty("description").GetString());

        Assert.Equal(3, package.Run(null, "profiles", "show", "9", "--db", db).Code);            // not found
        Assert.Equal(3, Add(db, 2, "Outra vez").Code);                                          // the code is taken
        Assert.Equal(3, package.Run(null, "profiles", "delete", "1", "--db", db).Code);          // the default profile
        Assert.Equal(2, package.Run(null, "profiles", "show", "dois", "--db", db).Code);         // usage
        var refused = package.Run(null, "profiles", "edit", "2", "--db", db, "--port", "70000", "--json");
        Assert.Equal(1, refused.Code);
        using (JsonDocument error = JsonDocument.Parse(refused.Out))
            Assert.Equal("invalid", error.RootElement.GetProperty("status").GetString());

        var delete = package.Run(null, "profiles", "delete", "2", "--db", db);
        Assert.True(delete.Code == 0, delete.ToString());
        using JsonDocument list = Json(package.Run(null, "profiles", "list", "--db", db, "--json"));
        Assert.Equal([1], list.RootElement.EnumerateArray().Select(p => p.GetProperty("code").GetInt32()));
    }

    [WineFact]
    public void Accents_go_in_through_stdin_and_come_out_on_stdout_in_both_languages()
    {
        string db = Db("accents");
        // The password comes through stdin: 256 characters of two UTF-8 bytes each. Read in the console's old code page
        // it would be 512 characters, over the limit; read as UTF-8 it is accepted and hashed from its own characters.
        string password = string.Concat(Enumerable.Repeat("çã", 128));
        var add = Add(db, 3, "Coimbra – Estação", password);
        Assert.True(add.Code == 0, add.ToString());
        var english = package.Run(null, "--lang", "en", "profiles", "list", "--db", db);
        Assert.Contains("Coimbra – Estação", english.Out);
        Assert.Contains("Description", english.Out);
        var portuguese = package.Run(null, "profiles", "show", "3", "--db", db);
        Assert.Contains("Coimbra – Estação", portuguese.Out);
        Assert.Contains("Ligação à Internet", portuguese.Out);

        string export = @"C:\tests\accents.json";
        Assert.Equal(0, package.Run(null, "export", export, "--db", db).Code);
        using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(package.Unix(export)));
        JsonElement stored = file.RootElement.GetProperty("profiles")[0].GetProperty("password");
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(stored.GetProperty("salt").GetString()!),
            stored.GetProperty("iterations").GetInt32(), HashAlgorithmName.SHA256, 32);
        Assert.Equal(stored.GetProperty("hash").GetString(), Convert.ToBase64String(hash));
    }

    [WineFact]
    public void An_export_imports_into_another_database_with_everything_in_it()
    {
        string from = Db("export-from"), to = Db("export-to");
        Assert.Equal(0, Add(from, 4, Description).Code);
        Assert.Equal(0, Add(from, 5, "Faro – Olhão").Code);
        string export = @"C:\tests\export.json";
        var written = package.Run(null, "export", export, "--db", from);
        Assert.True(written.Code == 0, written.ToString());
        Assert.Contains("2 perfis e as definições exportados", written.Out);
        Assert.Equal(3, package.Run(null, "export", export, "--db", from).Code); // exists, no --force

        var imported = package.Run(null, "import", export, "--db", to, "--json");
        Assert.True(imported.Code == 0, imported.ToString());
        using JsonDocument fromList = Json(package.Run(null, "profiles", "list", "--db", from, "--json"));
        using JsonDocument toList = Json(package.Run(null, "profiles", "list", "--db", to, "--json"));
        Assert.Equal(fromList.RootElement.GetRawText(), toList.RootElement.GetRawText());
        Assert.Contains("Faro – Olhão", package.Run(null, "profiles", "list", "--db", to).Out);
    }

    [WineFact]
    public void Two_processes_writing_at_once_both_land()
    {
        string db = Db("two-writers");
        Assert.Equal(0, Add(db, 1, "Primeiro").Code); // the database exists before the race
        Task<WineResult[]> Writer(int first) => Task.Run(() => Enumerable.Range(first, 4).Select(code => Add(db, code, $"Perfil {code} – ção")).ToArray());
        Task<WineResult[]> a = Writer(10), b = Writer(20);
        Task.WaitAll(a, b);
        foreach (WineResult r in a.Result.Concat(b.Result))
            Assert.True(r.Code == 0, r.ToString());
        using JsonDocument list = Json(package.Run(null, "profiles", "list", "--db", db, "--json"));
        Assert.Equal([1, 10, 11, 12, 13, 20, 21, 22, 23], list.RootElement.EnumerateArray().Select(p => p.GetProperty("code").GetInt32()).Order());
        using JsonDocument audit = Json(package.Run(null, "audit", "--db", db, "--json", "--limit", "100"));
        Assert.Equal(9, audit.RootElement.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "profile.created"));
    }

    [WineFact]
    public void Two_processes_adding_the_same_code_at_once_never_both_get_it()
    {
        string db = Db("locked");
        Assert.Equal(0, Add(db, 1, "Lisboa").Code);
        // The lock file (FileShare.None: Windows' share mode) lets one process in at a time: the second finds the code taken.
        Task<WineResult> first = package.Start("segredo-1\r\n", "profiles", "add", "--db", db, "--code", "2", "--description", "A", "--host", "h", "--port", "1", "--password-stdin");
        Task<WineResult> second = package.Start("segredo-1\r\n", "profiles", "add", "--db", db, "--code", "2", "--description", "B", "--host", "h", "--port", "1", "--password-stdin");
        WineResult[] both = [first.Result, second.Result];
        // Whichever came second found the code taken: the two were never inside the database at once.
        Assert.Equal([0, 3], both.Select(r => r.Code).Order());
    }

    [WineFact]
    public void Files_are_created_for_their_owner_only_and_a_configured_group_must_exist()
    {
        string db = Db("access");
        Assert.Equal(0, Add(db, 1, "Lisboa").Code);
        string export = @"C:\tests\access.json";
        Assert.Equal(0, package.Run(null, "export", export, "--db", db).Code);
        // Wine keeps an access list as the Linux mode of the file: a file created with mymss's list (Administrators,
        // SYSTEM, the creating account) has no access for others; one created without a list gets Wine's 0644.
        foreach (string path in new[] { db, db + ".lock", export, @"C:\tests" })
        {
            UnixFileMode mode = File.GetUnixFileMode(package.Unix(path));
            Assert.True((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) == 0, $"{path}: {mode}");
        }

        var env = new Dictionary<string, string> { ["MYMSS_Database__Group"] = "tecnicos-que-nao-existem" };
        var unknown = package.Run(null, env, "profiles", "list", "--db", db);
        Assert.Equal(4, unknown.Code);
        Assert.Contains("Database:Group", unknown.Err);
        Assert.Contains("não há nenhum grupo com esse nome", unknown.Err);
        env["MYMSS_Database__Group"] = "Users"; // BUILTIN\Users exists everywhere
        Assert.Equal(0, package.Run(null, env, "profiles", "list", "--db", db).Code);
    }

    [WineFact]
    public void The_audit_trail_records_the_Windows_account()
    {
        string db = Db("audit");
        Assert.Equal(0, Add(db, 1, "Lisboa").Code);
        using JsonDocument audit = Json(package.Run(null, "audit", "--db", db, "--json"));
        string user = audit.RootElement[0].GetProperty("user").GetString()!;
        Assert.Matches(@"^[^\\]+\\" + Environment.UserName + "$", user); // DOMAIN\user
        Assert.Contains(user + "@", package.Run(null, "audit", "--db", db).Out);
    }

    [WineFact]
    public void Version_names_the_Windows_build()
    {
        var version = package.Run(null, "--version");
        Assert.True(version.Code == 0, version.ToString());
        Assert.Matches(@"^\d+\.\d+\.\d+\r?\n", version.Out);
        Assert.Contains("win-x64", version.Out);
    }

    [WineFact]
    public void The_screen_without_a_console_is_one_line_and_exit_code_2()
    {
        var screen = package.Run(null);
        Assert.Equal(2, screen.Code);
        Assert.Equal("", screen.Out);
        Assert.Contains("o ecrã precisa de um terminal", screen.Err);
        Assert.DoesNotContain("   at ", screen.Err); // no stack trace
    }

    private static JsonDocument Json(WineResult result, int expectedCode = 0)
    {
        Assert.True(result.Code == expectedCode, result.ToString());
        return JsonDocument.Parse(result.Out);
    }
}
