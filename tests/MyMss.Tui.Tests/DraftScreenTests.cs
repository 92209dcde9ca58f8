using MyMss.Core.Domain;
using MyMss.Tui.Drafts;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Views;
using static MyMss.Tui.Tests.ScreenHarness;

namespace MyMss.Tui.Tests;

/// <summary>
/// Drafts on the real screen (headless): what the editor holds unsaved outlives a session that dies, and the next start
/// offers it back. "The session dies" is the keeper told that the screen is stopping, as a signal makes it.
/// </summary>
[Collection(ScreenCollection.Name)]
public sealed class DraftScreenTests
{
    private const string TypedPassword = "Typed-secret-7";

    /// <summary>A session of the OS user "tecnico" on the harness's database; disposing it ends its keeper.</summary>
    private static (DraftKeeper Keeper, IDisposable Session) Start(ScreenHarness h, Func<bool> stopping)
    {
        var keeper = new DraftKeeper(new DraftStore(h.DatabasePath, "tecnico"), h.Service, h.Strings, stopping);
        return (keeper, keeper.Install(h.App));
    }

    /// <summary>A draft's text, read as another program would (a .NET FileStream would want a share of the session's lock).</summary>
    private static string ReadDraft(string path)
    {
        using FileStream file = Hosting.PrivateFiles.OpenToRead(path)!;
        return new StreamReader(file).ReadToEnd();
    }

    private static string[] DraftFiles(ScreenHarness h) =>
        Directory.GetFiles(Path.GetDirectoryName(h.DatabasePath)!, Path.GetFileName(h.DatabasePath) + ".draft-*");

    /// <summary>Opens profile 1, types <paramref name="description"/> and a password, and the session dies once the draft holds them.</summary>
    private static string TypeThenDie(ScreenHarness h, string description)
    {
        bool dying = false;
        var (keeper, session) = Start(h, () => dying);
        using (session)
        {
            string? draft = null;
            h.Drive(() => h.Keys(Key.F4),
                Step.On<ProfileEditor>(e =>
                {
                    e.Description.Text = description;
                    e.Password.Text = TypedPassword;
                    e.PasswordConfirmation.Text = TypedPassword;
                }),
                Step.When<ProfileEditor>(_ => keeper.DraftPath is string p && ReadDraft(p).Contains(description), e =>
                {
                    draft = ReadDraft(keeper.DraftPath!);
                    dying = true; // a signal: the screen stops every editor
                    h.App.RequestStop(e);
                }));
            Assert.DoesNotContain(TypedPassword, draft);
            return draft!;
        }
    }

    [Fact]
    public void Typed_values_survive_a_session_that_dies_and_the_next_start_restores_them_into_the_editor()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        TypeThenDie(h, "Rede interna (sede)");
        Assert.Equal("Rede interna", h.Service.Profile(1)!.Description); // nothing was saved
        string left = Assert.Single(DraftFiles(h));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(left));
        Assert.DoesNotContain(TypedPassword, ReadDraft(left));

        var (next, session) = Start(h, () => false);
        using (session)
        {
            string? question = null;
            h.Drive(() => next.OfferLeftDrafts(h.App, h.Screen),
                Step.On<Dialog>(_ =>
                {
                    question = h.Flat();
                    h.Keys(Key.Enter); // Restaurar: the default button
                }),
                Step.On<ProfileEditor>(e =>
                {
                    Assert.Equal("Rede interna (sede)", e.Description.Text);
                    Assert.Equal("", e.Password.Text); // never in a draft: empty keeps the saved one
                    Assert.False(File.Exists(left)); // the dead session's draft is now this session's
                    Assert.Single(DraftFiles(h));
                    h.Keys(Key.F10);
                }));
            Assert.Contains("Rascunho por gravar", question);
            Assert.Contains("o perfil 1 · Rede interna (sede)", question);
        }
        Assert.Equal("Rede interna (sede)", h.Service.Profile(1)!.Description);
        Assert.Empty(DraftFiles(h)); // Validar: nothing is unsaved any more
    }

    [Fact]
    public void A_draft_of_a_profile_changed_meanwhile_opens_with_the_conflict_said_and_validar_applies_it_over_the_change()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        TypeThenDie(h, "Rede interna (sede)");
        SyncProfile before = h.Service.Profile(1)!;
        Assert.True(h.Service.UpdateProfile(1, h.Service.EditInput(before) with { Host = "10.9.9.9" }).IsOk); // another session

        var (next, session) = Start(h, () => false);
        using (session)
        {
            string? editor = null;
            h.Drive(() => next.OfferLeftDrafts(h.App, h.Screen),
                Step.On<Dialog>(_ => h.Keys(Key.Enter)),
                Step.On<ProfileEditor>(e =>
                {
                    editor = h.Flat();
                    Assert.Equal("Rede interna (sede)", e.Description.Text); // typed: kept
                    Assert.Equal("10.9.9.9", e.Host.Text);                   // only shown: the other session's value
                    h.Keys(Key.F10);
                }));
            Assert.Contains("Rascunho restaurado: Registo: foi alterado noutra sessão depois deste rascunho", editor);
        }
        SyncProfile after = h.Service.Profile(1)!;
        Assert.Equal(("Rede interna (sede)", "10.9.9.9"), (after.Description, after.Host));
    }

    [Fact]
    public void A_draft_of_a_profile_deleted_meanwhile_opens_as_a_new_profile_with_its_code()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um"), (2, "Rede interna")));
        h.Keys(Key.CursorDown);
        Assert.Equal(2, h.Screen.SelectedCode);
        TypeThenDie(h, "Rede interna (sede)");
        Assert.True(h.Service.DeleteProfile(2).IsOk);

        var (next, session) = Start(h, () => false);
        using (session)
        {
            string? editor = null;
            h.Drive(() => next.OfferLeftDrafts(h.App, h.Screen),
                Step.On<Dialog>(_ => h.Keys(Key.Enter)),
                Step.On<ProfileEditor>(e =>
                {
                    editor = h.Flat();
                    Assert.Null(e.EditedCode);
                    Assert.Equal(("2", "Rede interna (sede)"), (e.Code.Text, e.Description.Text));
                    h.Keys(Key.Esc);
                }),
                Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt))); // Sair sem gravar? Sim
            Assert.Contains("o perfil 2 foi eliminado noutra sessão depois deste rascunho", editor);
        }
        Assert.Empty(DraftFiles(h)); // left on purpose: nothing unsaved is kept
    }

    [Fact]
    public void Esc_on_the_offer_keeps_the_draft_for_the_next_start_and_descartar_removes_it()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        TypeThenDie(h, "Rede interna (sede)");
        var (next, session) = Start(h, () => false);
        using (session)
        {
            h.Drive(() => next.OfferLeftDrafts(h.App, h.Screen), Step.On<Dialog>(_ => h.Keys(Key.Esc)));
            Assert.Single(DraftFiles(h));
            h.Drive(() => next.OfferLeftDrafts(h.App, h.Screen), Step.On<Dialog>(_ => h.Keys(Key.D.WithAlt))); // Descartar
        }
        Assert.Empty(DraftFiles(h));
        Assert.Equal("Rede interna", h.Service.Profile(1)!.Description);
    }

    [Fact]
    public void Leaving_the_editor_or_undoing_what_was_typed_removes_the_draft()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        var (keeper, session) = Start(h, () => false);
        using (session)
        {
            h.Drive(() => h.Keys(Key.F4),
                Step.On<ProfileEditor>(e => e.Description.Text = "Rede interna (sede)"),
                Step.When<ProfileEditor>(_ => keeper.DraftPath is not null, e => e.Description.Text = "Rede interna"), // back as it was
                Step.When<ProfileEditor>(_ => keeper.DraftPath is null && DraftFiles(h).Length == 0, e => e.Host.Text = "10.1.1.1"),
                Step.When<ProfileEditor>(_ => keeper.DraftPath is not null, _ => h.Keys(Key.Esc)),
                Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt))); // Sair sem gravar? Sim
        }
        Assert.Empty(DraftFiles(h));
    }

    [Fact]
    public void A_password_alone_is_never_kept()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        bool dying = false;
        var (keeper, session) = Start(h, () => dying);
        using (session)
        {
            h.Drive(() => h.Keys(Key.F4),
                Step.On<ProfileEditor>(e => e.Password.Text = TypedPassword),
                Step.On<ProfileEditor>(e =>
                {
                    Assert.Null(keeper.DraftPath);
                    dying = true;
                    h.App.RequestStop(e);
                }));
        }
        Assert.Empty(DraftFiles(h));
    }
}
