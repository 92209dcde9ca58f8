using System.Globalization;
using MyMss.Core.Domain;

namespace MyMss.Testing;

/// <summary>
/// What a valid profile is, for every test project (linked in as Shared/TestProfiles.cs): the options of appsettings.json
/// as shipped, and profile N as "Perfil N" on 127.0.0.1, port 9000 + N, with a confirmed password and the catalogue unticked.
/// A test changes only what it is about: <c>TestProfiles.Input(1) with { Port = "9000" }</c>.
/// </summary>
public static class TestProfiles
{
    public const int MssPort = 9000;
    public const string Password = "s3cret";

    /// <summary>MSS port 9000, 24 hours between syncs, the default table catalogue.</summary>
    public static readonly SyncOptions Options = new(MssPort, 24, SyncOptions.DefaultTables);

    public static string Description(int code) => $"Perfil {code}";

    public static int Port(int code) => MssPort + code;

    /// <summary>Profile <paramref name="code"/> as a front end collects it for creation.</summary>
    public static ProfileInput Input(int code, string password = Password) => new()
    {
        Code = Text(code),
        Description = Description(code),
        Host = "127.0.0.1",
        Port = Text(Port(code)),
        Password = password,
        PasswordConfirmation = password,
        Tables = TransferFilter.AllOff(Options.Tables).Tables,
    };

    /// <summary>The same profile as `mymss profiles add` arguments (the password comes from standard input), then <paramref name="extra"/>.</summary>
    public static string[] AddArgs(int code, params string[] extra) =>
        ["profiles", "add", "--code", Text(code), "--description", Description(code), "--host", "127.0.0.1", "--port", Text(Port(code)),
         "--password-stdin", .. extra];

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
