using System.Diagnostics;
using MyMss.Core.Domain;
using MyMss.Tui.Drafts;

namespace MyMss.Tui.Tests;

/// <summary>The draft files beside a database: whose they are, when they are offered, what they never hold.</summary>
public sealed class DraftStoreTests : IDisposable
{
    private readonly TempFolder _tmp = new();
    private string Db => _tmp.File("mymss.db");

    public void Dispose() => _tmp.Dispose();

    private static readonly ProfileInput Shown = new()
    {
        Code = "3", Description = "Rede interna", Host = "10.0.0.5", Port = "9001",
        Tables = [new TableTransfer("Artigos", false, false), new TableTransfer("Rotas", false, false)], ExpectedVersion = 2,
    };

    private static Draft DraftOf(ProfileInput typed, DateTimeOffset? at = null) =>
        new("tecnico", at ?? DateTimeOffset.UtcNow, 3, typed, Shown);

    [Fact]
    public void A_draft_is_owner_only_and_reads_back_as_written()
    {
        var store = new DraftStore(Db, "tecnico");
        ProfileInput typed = Shown with
        {
            Description = "Sede · \"nova\"", InternetAccess = InternetAccess.Vpn, ExternalHost = "vpn.example.pt", ExternalPort = "9443",
            FilterEnabled = true, Tables = [new TableTransfer("Artigos", true, false), new TableTransfer("Rotas", true, true)],
        };
        using (SessionDraft session = store.Begin()!)
        {
            session.Write(DraftOf(typed with { Description = "a much longer description than the one written last" }));
            session.Write(DraftOf(typed)); // shorter than the one before: the file keeps a whole draft
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(session.Path));
            Assert.Empty(store.Left()); // its session lives: not offered
        }
        LeftDraft left = Assert.Single(store.Left());
        using (left)
        {
            Assert.Equal(typed, left.Draft!.Input with { Tables = typed.Tables });
            Assert.Equal(typed.Tables, left.Draft.Input.Tables);
            Assert.Equal(Shown.Tables, left.Draft.Base.Tables);
            Assert.Equal((3, "tecnico"), (left.Draft.ProfileCode, left.Draft.User));
        }
    }

    [Fact]
    public void A_draft_another_console_of_the_same_user_is_writing_is_not_offered()
    {
        using SessionDraft living = new DraftStore(Db, "tecnico").Begin()!;
        living.Write(DraftOf(Shown with { Description = "still typing" }));
        Assert.Empty(new DraftStore(Db, "tecnico").Left()); // the lock (flock) tells a living session from a dead one
    }

    [Fact]
    public void Drafts_are_offered_newest_first_and_each_only_to_its_own_user()
    {
        var mine = new DraftStore(Db, "tecnico");
        foreach (int minutes in new[] { 5, 1, 9 })
            using (SessionDraft s = mine.Begin()!)
                s.Write(DraftOf(Shown with { Description = $"{minutes} min" }, DateTimeOffset.UtcNow.AddMinutes(-minutes)));
        using (SessionDraft other = new DraftStore(Db, "outro").Begin()!)
            other.Write(DraftOf(Shown with { Description = "someone else's" }));

        IReadOnlyList<LeftDraft> left = mine.Left();
        Assert.Equal(["1 min", "5 min", "9 min"], left.Select(d => d.Draft!.Input.Description));
        foreach (LeftDraft d in left)
            d.Dispose();
    }

    [Fact]
    public void A_file_at_a_draft_name_that_is_not_the_users_own_is_neither_read_nor_removed()
    {
        string target = _tmp.File("precious.txt");
        File.WriteAllText(target, "do not touch\n");
        string link = Db + ".draft-tecnico-planted";
        File.CreateSymbolicLink(link, target);
        Assert.Empty(new DraftStore(Db, "tecnico").Left());
        Assert.True(File.Exists(link));
        Assert.Equal("do not touch\n", File.ReadAllText(target));

        if (Environment.UserName == "root") // only root can give a file away
        {
            string theirs = Db + ".draft-tecnico-theirs";
            using (SessionDraft s = new DraftStore(Db, "tecnico").Begin()!)
            {
                s.Write(DraftOf(Shown));
                File.Move(s.Path, theirs);
            }
            using (Process chown = Process.Start("chown", ["65534:65534", theirs])!)
                chown.WaitForExit();
            Assert.Empty(new DraftStore(Db, "tecnico").Left());
            Assert.True(File.Exists(theirs));
        }
    }

    [Fact]
    public void A_draft_file_left_empty_by_a_session_killed_before_its_first_write_is_removed()
    {
        string path;
        using (SessionDraft s = new DraftStore(Db, "tecnico").Begin()!)
            path = s.Path;
        Assert.Empty(new DraftStore(Db, "tecnico").Left());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Without_its_folder_there_is_no_draft_and_no_failure()
    {
        var store = new DraftStore(Path.Combine(_tmp.Path, "missing", "mymss.db"), "tecnico");
        Assert.Null(store.Begin());
        Assert.Empty(store.Left());
    }

    [Fact]
    public void Over_a_profile_changed_since_each_typed_field_keeps_what_was_typed_and_the_others_take_the_current_value()
    {
        ProfileInput typed = Shown with { Description = "Sede", Tables = [new TableTransfer("Artigos", true, true), new TableTransfer("Rotas", false, false)] };
        ProfileInput current = Shown with
        {
            Description = "Changed elsewhere", Host = "10.9.9.9", ExpectedVersion = 3,
            Tables = [new TableTransfer("Artigos", false, false), new TableTransfer("Rotas", true, false)],
        };
        ProfileInput merged = DraftOf(typed).Over(current);
        Assert.Equal("Sede", merged.Description);      // typed: kept
        Assert.Equal("10.9.9.9", merged.Host);         // only shown: the other session's value
        Assert.Equal(3, merged.ExpectedVersion);       // applied over the current version
        Assert.Equal([new TableTransfer("Artigos", true, true), new TableTransfer("Rotas", true, false)], merged.Tables);
    }
}
