using MyMss.Core.Domain;
using MyMss.Core.Security;
using MyMss.Core.Services;

namespace MyMss.Storage.Tests;

/// <summary>
/// File modes of a database: owner-only by default, shared with the group in a set-group-ID folder the group may write
/// (the package's /var/lib/mymss, 2770 root:mymss). Who made a change: the account, and the person behind it.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SharedDatabaseTests : IDisposable
{
    private const UnixFileMode SharedFolder = (UnixFileMode)0b010_111_111_000; // 2770
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static SyncConfiguration Service(string path, Actor actor) =>
        new(new LiteDbSyncStore(path), new Pbkdf2PasswordHasher(), new SyncOptions(9000, 24, SyncOptions.DefaultTables), actor);

    private static void AddProfile(SyncConfiguration service, int code)
    {
        var input = service.NewProfileInput([]) with
        {
            Code = code.ToString(), Description = $"Perfil {code}", Host = "10.0.0.5", Port = (9000 + code).ToString(),
            Password = "Pa55-unique-9f3c1e", PasswordConfirmation = "Pa55-unique-9f3c1e",
        };
        Assert.True(service.CreateProfile(input).IsOk);
    }

    private static string[] DatabaseFiles(string folder) =>
        Directory.GetFiles(folder).Where(f => !f.EndsWith("-errors.log", StringComparison.Ordinal)).Order().ToArray();

    [Fact]
    public void In_an_ordinary_folder_every_database_file_is_readable_by_its_owner_only()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.Path)!, (UnixFileMode)0b111_111_111);
        AddProfile(Service(_db.Path, new Actor("tecnico", "srv")), 1);
        string[] files = DatabaseFiles(Path.GetDirectoryName(_db.Path)!);
        Assert.Contains(_db.Path, files);
        Assert.Contains(_db.Path + ".lock", files);
        Assert.All(files, f => Assert.Equal(FilePermissions.OwnerOnly, File.GetUnixFileMode(f)));
    }

    [Fact]
    public void In_a_set_group_id_folder_the_group_may_write_every_database_file_and_a_backup()
    {
        string folder = Path.GetDirectoryName(_db.Path)!;
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, SharedFolder);
        Assert.True(FilePermissions.IsSharedFolder(folder));

        AddProfile(Service(_db.Path, new Actor("tecnico", "srv")), 1);
        string backup = DatabaseFileGuard.CopyAside(_db.Path, _db.Path + ".test.bak");
        string[] files = DatabaseFiles(folder);
        Assert.Contains(backup, files);
        Assert.Equal(3, files.Length); // data, lock, backup
        Assert.All(files, f => Assert.Equal(FilePermissions.SharedWithGroup, File.GetUnixFileMode(f)));
    }

    [Theory]
    [InlineData(0b000_111_111_000)] // 0770: not set-group-ID, new files would get each account's own group
    [InlineData(0b010_101_101_000)] // 2750: the group may not write
    public void A_folder_that_is_not_set_group_id_and_group_writable_is_not_shared(int mode)
    {
        string folder = Path.GetDirectoryName(_db.Path)!;
        Directory.CreateDirectory(folder);
        File.SetUnixFileMode(folder, (UnixFileMode)mode | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.False(FilePermissions.IsSharedFolder(folder));
        Assert.Equal(FilePermissions.OwnerOnly, FilePermissions.ForDatabaseFile(_db.Path));
    }

    [Theory]
    [InlineData("root", "ana", null, "ana")]      // sudo: root does it for ana
    [InlineData("root", null, "ana", "ana")]      // su from ana's login
    [InlineData("root", "ana", "bruno", "ana")]   // sudo names whoever ran it, whatever the terminal's login
    [InlineData("ana", null, "ana", null)]        // ana herself: nobody else to name
    [InlineData("ana", "", null, null)]
    [InlineData("root", "  ", null, null)]        // a cron job or a service: no person
    public void The_person_is_the_sudo_user_or_else_the_login_name_when_it_is_not_the_account_itself(string user, string? sudoUser, string? login, string? person) =>
        Assert.Equal(new Actor(user, "srv", person), Actor.Of(user, "srv", sudoUser, login));

    [Fact]
    public void The_audit_trail_keeps_the_person_beside_the_account_and_reads_entries_written_without_one()
    {
        AddProfile(Service(_db.Path, new Actor("root", "srv", "ana")), 1);
        AddProfile(Service(_db.Path, new Actor("bruno", "srv")), 2);
        IReadOnlyList<AuditEntry> audit = Service(_db.Path, new Actor("x", "y")).Audit(10);
        Assert.Equal([("bruno", null), ("root", "ana")], audit.Select(e => (e.User, e.Person)).Distinct().ToArray());

        var written = DocumentMapping.FromAudit(audit[0]);
        written.Remove("person"); // as 0.1 wrote it
        Assert.Null(DocumentMapping.ToAudit(written).Person);
    }
}
