using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace MyMss.Tui.Tests;

/// <summary>
/// The schemas of docs/schema, loaded from the repository (not copied into the build), with their relative $refs resolved.
/// </summary>
public static class DocSchemas
{
    public static readonly string[] Names =
    [
        "profile", "profiles", "settings", "error", "probe-report", "check", "audit", "restore", "import-result", "export-file",
    ];

    private static readonly Lazy<Dictionary<string, JsonSchema>> Loaded = new(Load);

    /// <summary>The repository root: the first folder above the test binaries that holds MyMss.Tui.sln.</summary>
    public static string RepoRoot
    {
        get
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "MyMss.Tui.sln")))
                    return d.FullName;
            throw new InvalidOperationException("MyMss.Tui.sln not found above " + AppContext.BaseDirectory);
        }
    }

    private static readonly Uri BaseUri = new("https://mymss.invalid/schema/");

    public static string Folder => Path.Combine(RepoRoot, "docs", "schema");

    public static string FileOf(string name) => Path.Combine(Folder, name + ".schema.json");

    public static JsonSchema Get(string name) => Loaded.Value[name];

    private static Dictionary<string, JsonSchema> Load()
    {
        // All schemas share one registry, so a $ref to another file finds it (resolved when first evaluated).
        // Each gets a base URI in one folder, so that "profile.schema.json#/$defs/code" resolves as the file
        // beside it would; under file: URIs the library loses the JSON-pointer fragment.
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return Names.ToDictionary(name => name,
            name => JsonSchema.FromText(File.ReadAllText(FileOf(name)), options, new Uri(BaseUri, name + ".schema.json")));
    }

    /// <summary>Every error, with where in the document and where in the schema, for an assertion message.</summary>
    public static (bool Valid, string Errors) Validate(string name, JsonElement document)
    {
        EvaluationResults results = Get(name).Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
            return (true, "");
        var lines = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"  {d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .Take(20);
        return (false, string.Join("\n", lines));
    }

    public static (bool Valid, string Errors) Validate(string name, string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return Validate(name, doc.RootElement.Clone());
    }
}

/// <summary>
/// Runs the real program once, on two databases, to produce every JSON document it prints, the export file, and
/// refusals; each test then checks one of them.
/// </summary>
public sealed class CliDocuments : IDisposable
{
    /// <summary>The password typed on stdin: it must never appear in anything the program prints or writes.</summary>
    public const string Password = "Schema-test-pw-5e1a";

    private readonly TempFolder _tmp = new();
    private readonly System.Net.Sockets.TcpListener _open;

    public sealed record Document(string Schema, CliResult Result, int ExpectedExit, string Json);

    public Dictionary<string, Document> Documents { get; } = [];

    public string ExportPath => _tmp.File("export.json");

    public string Db => _tmp.File("a.db");

    public string OtherDb => _tmp.File("b.db");

    public string EmptyDb => _tmp.File("empty.db");

    public CliDocuments()
    {
        _open = Loopback.Open(out int openPort);
        int closedPort = Loopback.Closed();

        Add("profiles list (empty)", "profiles", 0, Db, null, "profiles", "list", "--json");
        Add("profiles add", "profile", 0, Db, Password + "\n",
            "profiles", "add", "--code", "1", "--description", "Rede interna", "--host", "127.0.0.1", "--port", "9001",
            "--password-stdin", "--json");
        Add("profiles add (mobile, filter)", "profile", 0, Db, Password + "\n",
            "profiles", "add", "--code", "2", "--description", "Exterior (rede móvel)", "--host", "127.0.0.1",
            "--port", openPort.ToString(), "--timeout", "2", "--retries", "1",
            "--internet", "mobile", "--external-host", "127.0.0.1", "--external-port", closedPort.ToString(),
            "--filter", "Artigos:send", "--password-stdin", "--json");
        Add("profiles add (public)", "profile", 0, Db, Password + "\n",
            "profiles", "add", "--code", "3", "--description", "Wi-Fi", "--host", "10.0.0.7", "--port", "9003",
            "--internet", "public", "--external-host", "sync.example.pt", "--password-stdin", "--json");
        Add("profiles edit", "profile", 0, Db, Password + "-2\n",
            "profiles", "edit", "3", "--internet", "vpn", "--external-port", "9443", "--encryption", "on",
            "--filter", "Clientes:receive", "--filter", "Preços:both", "--password-stdin", "--json");
        Add("settings set", "settings", 0, Db, null, "settings", "set", "--frequency", "12", "--alternative", "2", "--json");
        Add("settings show", "settings", 0, Db, null, "settings", "show", "--json");
        Add("profiles show", "profile", 0, Db, null, "profiles", "show", "2", "--json");
        Add("profiles list", "profiles", 0, Db, null, "profiles", "list", "--json");
        // Internal endpoint listening, external one closed: one report of each kind, exit 1.
        Add("profiles test", "probe-report", 1, Db, null, "profiles", "test", "2", "--json");
        Add("check", "check", 1, Db, null, "check", "--json"); // profile 1, the default, has no Internet access
        Add("refusal (invalid)", "error", 1, Db, Password + "\n",
            "profiles", "add", "--code", "4", "--description", "X", "--host", "not a host", "--port", "9000",
            "--password-stdin", "--json");
        Add("refusal (conflict)", "error", 3, Db, null, "profiles", "delete", "1", "--json");
        Add("refusal (notfound)", "error", 3, Db, null, "profiles", "show", "404", "--json");

        CliResult export = CliProcess.Run(Db, null, "export", ExportPath);
        Documents["export file"] = new Document("export-file", export, 0, File.Exists(ExportPath) ? File.ReadAllText(ExportPath) : "");

        // Another database: profile 9 (which the import deletes) and another profile 2 (which it updates).
        Add("(setup b: 9)", null, 0, OtherDb, Password + "\n",
            "profiles", "add", "--code", "9", "--description", "Antigo", "--host", "10.0.0.9", "--port", "9009", "--password-stdin");
        Add("(setup b: 2)", null, 0, OtherDb, Password + "\n",
            "profiles", "add", "--code", "2", "--description", "Outro", "--host", "10.0.0.2", "--port", "9002", "--password-stdin");
        Add("import --dry-run", "import-result", 0, OtherDb, null, "import", ExportPath, "--dry-run", "--json");

        // #5 is "profiles edit" above, a password change among its fields: undone only with a new password.
        Add("audit revert", "restore", 0, Db, Password + "-3\n", "audit", "revert", "5", "--password-stdin", "--json");
        Add("profiles delete", "profile", 0, Db, null, "profiles", "delete", "3", "--json");
        Add("audit", "audit", 0, Db, null, "audit", "--json", "--limit", "100");
    }

    private void Add(string name, string? schema, int expectedExit, string db, string? stdin, params string[] args)
    {
        CliResult r = CliProcess.Run(db, stdin, args);
        Documents[name] = new Document(schema ?? "", r, expectedExit, r.Out);
    }

    public void Dispose()
    {
        _open.Stop();
        _open.Dispose();
        _tmp.Dispose();
    }
}

/// <summary>
/// docs/schema is the contract of every --json output and of the export file: the real program's documents must
/// match their schemas, and the schemas must be strict enough to reject what the program must never print.
/// </summary>
public sealed class JsonSchemaTests(CliDocuments docs) : IClassFixture<CliDocuments>
{
    public static TheoryData<string> DocumentNames() =>
    [
        "profiles list (empty)", "profiles add", "profiles add (mobile, filter)", "profiles add (public)", "profiles edit",
        "settings set", "settings show", "profiles show", "profiles list", "profiles test", "check",
        "refusal (invalid)", "refusal (conflict)", "refusal (notfound)", "export file", "import --dry-run",
        "audit revert", "profiles delete", "audit",
    ];

    [Fact]
    public void Every_schema_is_a_valid_draft_2020_12_schema_and_the_list_covers_the_folder()
    {
        var meta = MetaSchemas.Draft202012;
        foreach (string name in DocSchemas.Names)
        {
            using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(DocSchemas.FileOf(name)));
            Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
            EvaluationResults r = meta.Evaluate(schema.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(r.IsValid, name);
            Assert.NotNull(DocSchemas.Get(name));
        }
        Assert.Equal(
            DocSchemas.Names.Select(n => n + ".schema.json").Order(),
            Directory.GetFiles(DocSchemas.Folder, "*.json").Select(f => Path.GetFileName(f)).Order());
        Assert.Equal(DocSchemas.Names.Order(), DocumentNames().Select((object[] d) => docs.Documents[(string)d[0]].Schema).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void The_program_output_matches_its_schema(string document)
    {
        CliDocuments.Document d = docs.Documents[document];
        Assert.True(d.Result.ExitCode == d.ExpectedExit, $"exit {d.Result.ExitCode}, expected {d.ExpectedExit}\n{d.Result.Err}");
        Assert.False(string.IsNullOrWhiteSpace(d.Json), "no JSON printed\n" + d.Result.Err);
        var (valid, errors) = DocSchemas.Validate(d.Schema, d.Json);
        Assert.True(valid, $"{document} does not match {d.Schema}.schema.json:\n{errors}\n{d.Json}");
    }

    [Fact]
    public void Nothing_printed_or_exported_holds_the_password()
    {
        foreach (var (name, d) in docs.Documents)
        {
            Assert.DoesNotContain(CliDocuments.Password, d.Result.All);
            Assert.DoesNotContain(CliDocuments.Password, d.Json);
            if (d.Schema != "export-file")
                Assert.DoesNotContain("\"salt\"", d.Json);
        }
    }

    [Fact]
    public void Documents_carry_the_enumerated_values_of_the_one_vocabulary()
    {
        JsonNode list = Node("profiles list");
        Assert.Equal(["none", "mobile", "vpn"], list.AsArray().Select(p => p!["internetAccess"]!.GetValue<string>()));
        JsonNode probe = Node("profiles test");
        Assert.Equal([("internal", "reachable"), ("external", "refused")],
            probe.AsArray().Select(r => (r!["endpoint"]!.GetValue<string>(), r["result"]!.GetValue<string>())));
        JsonNode check = Node("check");
        Assert.Equal(["none", "mobile"], check["routes"]!["outside"]!.AsArray().Select(s => s!["internetAccess"]!.GetValue<string>()));
        Assert.Equal(["none", "none"], check["routes"]!["inside"]!.AsArray().Select(s => s!["internetAccess"]!.GetValue<string>()));
        JsonNode import = Node("import --dry-run");
        Assert.Equal(new (string, int?)[] { ("delete", 9), ("create", 1), ("update", 2), ("create", 3), ("settings", null) },
            import["changes"]!.AsArray().Select(c => (c!["change"]!.GetValue<string>(), c["profileCode"]?.GetValue<int>())));
        var accessValues = Node("audit").AsArray()
            .SelectMany(e => e!["changes"]!.AsArray())
            .Where(c => c!["field"]!.GetValue<string>() == "internetAccess")
            .SelectMany(c => new[] { c!["before"]?.GetValue<string>(), c["after"]?.GetValue<string>() })
            .OfType<string>()
            .ToHashSet();
        Assert.Equal(["mobile", "none", "public", "vpn"], accessValues.Order());
        var encryptionValues = Node("audit").AsArray()
            .SelectMany(e => e!["changes"]!.AsArray())
            .Where(c => c!["field"]!.GetValue<string>() == "encryption")
            .SelectMany(c => new[] { c!["before"]?.GetValue<string>(), c["after"]?.GetValue<string>() })
            .OfType<string>()
            .ToHashSet();
        Assert.Equal(["off", "on"], encryptionValues.Order());
        Assert.True(Node("profiles edit")["encryption"]!.GetValue<bool>());
    }

    [Fact]
    public void Export_writes_schema_version_2_with_the_new_words()
    {
        JsonNode export = Node("export file");
        Assert.Equal(2, export["schemaVersion"]!.GetValue<int>());
        Assert.Equal(["none", "mobile", "vpn"], export["profiles"]!.AsArray().Select(p => p!["internetAccess"]!.GetValue<string>()));
    }

    [Fact]
    public void An_export_file_of_schema_version_1_matches_the_export_schema_and_still_imports()
    {
        string fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "export-schema1.json"));
        JsonNode node = JsonNode.Parse(fixture)!;
        Assert.Equal(1, node["schemaVersion"]!.GetValue<int>());
        Assert.Equal("MobileData", node["profiles"]![1]!["internetAccess"]!.GetValue<string>());
        var (valid, errors) = DocSchemas.Validate("export-file", fixture);
        Assert.True(valid, errors);

        string copy = Path.Combine(Path.GetDirectoryName(docs.EmptyDb)!, "export-schema1.json");
        File.WriteAllText(copy, fixture);
        CliResult dry = CliProcess.Run(docs.EmptyDb, null, "import", copy, "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.All);
        JsonNode changes = JsonNode.Parse(dry.Out)!["changes"]!;
        Assert.Equal(["create", "create", "settings"], changes.AsArray().Select(c => c!["change"]!.GetValue<string>()));
        CliResult real = CliProcess.Run(docs.EmptyDb, null, "import", copy);
        Assert.True(real.ExitCode == 0, real.All);
        CliResult show = CliProcess.Run(docs.EmptyDb, null, "profiles", "show", "2", "--json");
        Assert.Equal("sync.example.pt", JsonNode.Parse(show.Out)!["externalHost"]!.GetValue<string>());
    }

    // ---- the schemas are strict: each mutation of a valid document must be rejected ----

    private static readonly Dictionary<string, (string Document, Action<JsonNode> Mutate)> Mutations = new()
    {
        ["profile: a password"] = ("profiles show", d => d["password"] = Hash()),
        ["profile: an extra property"] = ("profiles show", d => d["version"] = 1),
        ["profile: no transferFilter"] = ("profiles show", d => Remove(d, "transferFilter")),
        ["profile: internetAccess MobileData"] = ("profiles show", d => d["internetAccess"] = "MobileData"),
        ["profile: no externalHost with Internet access"] = ("profiles show", d => d["externalHost"] = null),
        ["profile: an externalPort without Internet access"] = ("profiles add", d => d["externalPort"] = 9443),
        ["profile: port 0"] = ("profiles show", d => d["port"] = 0),
        ["profile: retries 11"] = ("profiles show", d => d["retries"] = 11),
        ["profile: an untrimmed description"] = ("profiles show", d => d["description"] = " Exterior"),
        ["profile: filter on with nothing ticked"] = ("profiles show", d =>
        {
            foreach (JsonNode? t in d["transferFilter"]!["tables"]!.AsArray())
                t!["send"] = false;
        }),
        ["profile: an extra property in a table row"] = ("profiles show", d => d["transferFilter"]!["tables"]![0]!["both"] = true),
        ["profiles: internetAccess MobileData"] = ("profiles list", d => d[1]!["internetAccess"] = "MobileData"),
        ["profiles: a password hash"] = ("profiles list", d => d[0]!["password"] = Hash()),
        ["settings: an extra property"] = ("settings show", d => d["version"] = 3),
        ["settings: no alternativeProfile"] = ("settings show", d => Remove(d, "alternativeProfile")),
        ["settings: frequency 721"] = ("settings show", d => d["frequencyHours"] = 721),
        ["settings: an alternative without a default"] = ("settings show", d => d["defaultProfile"] = null),
        ["error: an unknown status"] = ("refusal (invalid)", d => d["status"] = "refused"),
        ["error: no message"] = ("refusal (invalid)", d => Remove(d["errors"]![0]!, "message")),
        ["error: an extra property"] = ("refusal (conflict)", d => d["errors"]![0]!["item"] = 1),
        ["error: no errors"] = ("refusal (notfound)", d => d["errors"] = new JsonArray()),
        ["probe: result Refused"] = ("profiles test", d => d[1]!["result"] = "Refused"),
        ["probe: endpoint External"] = ("profiles test", d => d[1]!["endpoint"] = "External"),
        ["probe: no attempts"] = ("profiles test", d => Remove(d[0]!, "attempts")),
        ["probe: a connect time when refused"] = ("profiles test", d => d[1]!["connectMs"] = 1.5),
        ["probe: an extra property"] = ("profiles test", d => d[1]!["detail"] = "ConnectionRefused"),
        ["check: internetAccess MobileData"] = ("check", d => d["routes"]!["outside"]![1]!["internetAccess"] = "MobileData"),
        ["check: an outside step without host but with access"] = ("check", d => d["routes"]!["outside"]![1]!["host"] = null),
        ["check: no database path"] = ("check", d => Remove(d["database"]!, "path")),
        ["check: an extra property"] = ("check", d => d["ok"] = false),
        ["check: an unknown warning"] = ("check", d => d["warnings"]![0]!["code"] = "Route_Something"),
        ["audit: no atUtc"] = ("audit", d => Remove(d[0]!, "atUtc")),
        ["audit: an extra property"] = ("audit", d => d[0]!["reverted"] = true),
        ["audit: no id"] = ("audit", d => Remove(d[0]!, "id")),
        ["audit: a restore that names no entry"] = ("audit", d => d.AsArray().First(e => e!["action"]!.GetValue<string>() == "restore")!["restores"] = null),
        ["audit: restores on another action"] = ("audit", d => d.AsArray().First(e => e!["action"]!.GetValue<string>() != "restore")!["restores"] = 1),
        ["restore: another action"] = ("audit revert", d => d["action"] = "profile.updated"),
        ["audit: internetAccess MobileData"] = ("audit", d => SetAuditValue(d, "internetAccess", "MobileData")),
        ["audit: encryption true"] = ("audit", d => SetAuditValue(d, "encryption", "true")),
        ["audit: a password value"] = ("audit", d => SetAuditValue(d, "password", "x")),
        ["audit: an unknown action"] = ("audit", d => d[0]!["action"] = "profile.renamed"),
        ["import: change Create"] = ("import --dry-run", d => d["changes"]![1]!["change"] = "Create"),
        ["import: no profileCode"] = ("import --dry-run", d => Remove(d["changes"]![0]!, "profileCode")),
        ["import: a settings change with a profile code"] = ("import --dry-run", d => d["changes"]![4]!["profileCode"] = 1),
        ["import: an extra property"] = ("import --dry-run", d => d["applied"] = true),
        ["export: a profile without its password hash"] = ("export file", d => Remove(d["profiles"]![0]!, "password")),
        ["export: schemaVersion 3"] = ("export file", d => d["schemaVersion"] = 3),
        ["export: a weak hash"] = ("export file", d => d["profiles"]![0]!["password"]!["iterations"] = 1000),
        ["export: another algorithm"] = ("export file", d => d["profiles"]![0]!["password"]!["algorithm"] = "SHA1"),
        ["export: a short hash"] = ("export file", d => d["profiles"]![0]!["password"]!["hash"] = "c2hvcnQ="),
        ["export: internetAccess Mobile"] = ("export file", d => d["profiles"]![1]!["internetAccess"] = "Mobile"),
        ["export: an extra property"] = ("export file", d => d["comment"] = "x"),
        ["export: no settings"] = ("export file", d => Remove(d, "settings")),
        ["export: an extra property in the hash"] = ("export file", d => d["profiles"]![0]!["password"]!["pepper"] = "x"),
    };

    public static TheoryData<string> MutationNames() => [.. Mutations.Keys];

    [Theory]
    [MemberData(nameof(MutationNames))]
    public void A_schema_rejects_a_document_the_program_must_never_print(string mutation)
    {
        var (document, mutate) = Mutations[mutation];
        CliDocuments.Document d = docs.Documents[document];
        var (valid, errors) = DocSchemas.Validate(d.Schema, d.Json);
        Assert.True(valid, $"the unchanged {document} must be valid first:\n{errors}");
        JsonNode node = JsonNode.Parse(d.Json)!;
        string before = node.ToJsonString();
        mutate(node);
        Assert.NotEqual(before, node.ToJsonString());
        Assert.False(DocSchemas.Validate(d.Schema, node.ToJsonString()).Valid, $"{d.Schema}.schema.json accepts: {mutation}");
    }

    [Fact]
    public void The_export_schema_rejects_a_schema_version_1_file_without_a_password_hash()
    {
        JsonNode node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "export-schema1.json")))!;
        Remove(node["profiles"]![1]!, "password");
        Assert.False(DocSchemas.Validate("export-file", node.ToJsonString()).Valid);
    }

    private JsonNode Node(string document)
    {
        CliDocuments.Document d = docs.Documents[document];
        Assert.False(string.IsNullOrWhiteSpace(d.Json), $"{document}: no JSON\n{d.Result.Err}");
        return JsonNode.Parse(d.Json)!;
    }

    private static JsonObject Hash() => new()
    {
        ["algorithm"] = "PBKDF2-HMAC-SHA256", ["iterations"] = 600000,
        ["salt"] = "AAAAAAAAAAAAAAAAAAAAAA==", ["hash"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    };

    private static void Remove(JsonNode o, string property) => Assert.True(o.AsObject().Remove(property), property);

    /// <summary>Sets "after" of the first change of that field in the audit trail.</summary>
    private static void SetAuditValue(JsonNode audit, string field, string value)
    {
        JsonNode change = audit.AsArray().SelectMany(e => e!["changes"]!.AsArray())
            .First(c => c!["field"]!.GetValue<string>() == field)!;
        change["after"] = value;
    }
}
