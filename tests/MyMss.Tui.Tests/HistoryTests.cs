using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Security;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

/// <summary>F9 Histórico: a change selected and undone (Repor) from the screen, through the service's rules.</summary>
[Collection(ScreenCollection.Name)]
public sealed class HistoryTests
{
    private const string NewSecret = "History-new-51";

    /// <summary>Profiles 1 and 2, then profile 2 renamed (the newest entry).</summary>
    private static void Seed(SyncConfiguration s)
    {
        ScreenHarness.Seed(s, (1, "Rede interna"), (2, "Loja do Porto"));
        Assert.True(s.UpdateProfile(2, s.EditInput(s.Profile(2)!) with { Description = "Loja de Braga", Port = "9102" }).IsOk);
    }

    private static void Select(HistoryDialog d, long id) => d.List.SelectedItem = d.Entries.ToList().FindIndex(e => e.Id == id);

    [Fact]
    public void A_change_is_selected_shown_field_by_field_and_undone_with_F5()
    {
        using var h = new ScreenHarness(seed: Seed);
        long renamed = h.Service.Audit(1)[0].Id;
        Assert.Contains("Loja de Braga", h.Text());
        h.Drive(() => h.Keys(Key.F9),
            Step.On<HistoryDialog>(d =>
            {
                Assert.Equal(renamed, d.Selected!.Id); // the newest first
                string screen = h.Text();
                Assert.Contains($"#{renamed}  ", screen);
                Assert.Contains("Perfil alterado 2", screen);
                Assert.Contains("Descrição: Loja do Porto → Loja de Braga", screen); // its fields, under the list
                Assert.Contains("F5  Repor", screen.Split('\n')[23]);
                h.Keys(Key.F5);
            }),
            Step.On<RestoreDialog>(r =>
            {
                Assert.Null(r.Password); // nothing secret in this change
                string screen = h.Flat();
                Assert.Contains(h.Strings.Format(TextKey.History_RestoreTitle, renamed), screen);
                Assert.Contains("O perfil 2 fica assim:", screen);
                Assert.Contains("Descrição: Loja de Braga → Loja do Porto", screen);
                Assert.Contains("Porta: 9102 → 9002", screen);
                h.Keys(Key.R.WithAlt); // Repor
            }),
            Step.On<HistoryDialog>(d =>
            {
                AuditEntry restore = d.Selected!;
                Assert.Equal((AuditActions.Restored, (long?)renamed), (restore.Action, restore.Restores));
                Assert.Contains(h.Strings.Format(TextKey.History_Restored, renamed, restore.Id), h.Flat());
                Assert.Contains("refresh do licenciamento", h.Flat()); // the port changed back
                Assert.Contains($"Reposição 2 (repõe #{renamed})", h.Text());
                h.Keys(Key.Esc);
            }));
        SyncProfile p = h.Service.Profile(2)!;
        Assert.Equal(("Loja do Porto", 9002), (p.Description, p.Port));
        Assert.Contains("Loja do Porto", h.Text()); // the main screen read the database again
        Assert.DoesNotContain("Loja de Braga", h.Text());
    }

    [Fact]
    public void Cancelar_is_the_default_and_restores_nothing()
    {
        using var h = new ScreenHarness("en", Seed);
        h.Drive(() => h.Keys(Key.F9),
            Step.On<HistoryDialog>(_ => h.Keys(Key.R.WithAlt)), // en Restore: Alt+R as well
            Step.On<RestoreDialog>(_ => h.Keys(Key.Enter)),
            Step.On<HistoryDialog>(d =>
            {
                Assert.False(d.Restored);
                Assert.Equal("", d.Message);
                h.Keys(Key.Esc);
            }));
        Assert.Equal("Loja de Braga", h.Service.Profile(2)!.Description);
    }

    [Fact]
    public void A_password_change_is_undone_only_with_a_new_password_typed_twice()
    {
        using var h = new ScreenHarness(seed: s =>
        {
            Seed(s);
            Assert.True(s.UpdateProfile(1, s.EditInput(s.Profile(1)!) with { Password = "changed-pw", PasswordConfirmation = "changed-pw" }).IsOk);
        });
        byte[] before = h.Service.Profile(1)!.Password.Hash;
        h.Drive(() => h.Keys(Key.F9),
            Step.On<HistoryDialog>(_ => h.Keys(Key.F5)),
            Step.On<RestoreDialog>(r =>
            {
                Assert.NotNull(r.Password);
                Assert.Same(r.Password, h.Focused);
                Assert.Contains(h.Strings[TextKey.History_NewPassword], h.Flat());
                h.Keys(Key.R.WithAlt); // nothing typed
            }),
            Step.On<RestoreDialog>(r =>
            {
                Assert.Contains("o histórico não guarda passwords: indique uma nova", h.Flat());
                h.Type(NewSecret);
                h.Keys(Key.Enter); // on to the confirmation
                Assert.Same(r.PasswordConfirmation, h.Focused);
                h.Type("other");
                h.Keys(Key.Enter);
            }),
            Step.On<RestoreDialog>(r =>
            {
                Assert.Contains(h.Strings.Message(MessageKeys.PasswordMismatch), h.Flat());
                r.PasswordConfirmation!.Text = NewSecret;
                h.Keys(Key.Enter);
            }),
            Step.On<HistoryDialog>(d =>
            {
                Assert.True(d.Restored);
                Assert.Contains("Password: alterada", h.Text());
                Assert.DoesNotContain(NewSecret, h.Text());
                h.Keys(Key.Esc);
            }));
        PasswordHash now = h.Service.Profile(1)!.Password;
        Assert.NotEqual(before, now.Hash);
        Assert.True(new Pbkdf2PasswordHasher().Verify(NewSecret, now));
    }

    [Fact]
    public void A_change_overtaken_since_is_refused_and_the_refusal_names_each_field()
    {
        using var h = new ScreenHarness(seed: s =>
        {
            Seed(s);
            Assert.True(s.UpdateProfile(2, s.EditInput(s.Profile(2)!) with { Port = "9202" }).IsOk);
        });
        long renamed = h.Service.Audit(2)[1].Id;
        string? said = null;
        h.Drive(() => h.Keys(Key.F9),
            Step.On<HistoryDialog>(d =>
            {
                Select(d, renamed);
                h.Keys(Key.F5);
            }),
            Step.On<Dialog>(_ =>
            {
                said = h.Flat();
                h.Keys(Key.Enter);
            }),
            Step.On<HistoryDialog>(_ => h.Keys(Key.Esc)));
        Assert.Contains(h.Strings.Format(TextKey.History_Refused, renamed), said);
        Assert.Contains("Porta: mudou depois dessa alteração (agora: 9202)", said);
        Assert.Equal(("Loja de Braga", 9202), (h.Service.Profile(2)!.Description, h.Service.Profile(2)!.Port));
    }

    [Fact]
    public void A_restore_over_what_another_session_changed_while_it_was_shown_is_refused()
    {
        using var h = new ScreenHarness(seed: Seed);
        string? said = null;
        h.Drive(() => h.Keys(Key.F9),
            Step.On<HistoryDialog>(_ => h.Keys(Key.F5)),
            Step.On<RestoreDialog>(_ =>
            {
                // Another session, on a field this restore does not touch: the version shown is no longer the saved one.
                Assert.True(h.Service.UpdateProfile(2, h.Service.EditInput(h.Service.Profile(2)!) with { Host = "10.0.0.2" }).IsOk);
                h.Keys(Key.R.WithAlt);
            }),
            Step.On<Dialog>(_ =>
            {
                said = h.Flat();
                h.Keys(Key.Enter);
            }),
            Step.On<HistoryDialog>(_ => h.Keys(Key.Esc)));
        Assert.Contains("foi alterado noutra sessão enquanto a reposição era mostrada", said); // (a message box narrower than the screen: Flat() joins its rows with what is beside it)
        Assert.Equal("Loja de Braga", h.Service.Profile(2)!.Description);
    }

    [Fact]
    public void A_deleted_profile_comes_back_from_the_history_with_a_new_password()
    {
        using var h = new ScreenHarness(seed: s =>
        {
            Seed(s);
            Assert.True(s.DeleteProfile(2).IsOk);
        });
        Assert.DoesNotContain("Loja de Braga", h.Text());
        h.Drive(() => h.Keys(Key.F9),
            Step.On<HistoryDialog>(_ => h.Keys(Key.F5)),
            Step.On<RestoreDialog>(r =>
            {
                Assert.Contains("O perfil 2 volta a existir:", h.Flat());
                Assert.Contains("Descrição: — → Loja de Braga", h.Flat());
                r.Password!.Text = r.PasswordConfirmation!.Text = NewSecret;
                h.Keys(Key.R.WithAlt);
            }),
            Step.On<HistoryDialog>(_ => h.Keys(Key.Esc)));
        Assert.Equal("Loja de Braga", h.Service.Profile(2)!.Description);
        Assert.Contains("Loja de Braga", h.Text());
    }
}
