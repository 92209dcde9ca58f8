using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>Copiar (F3, Alt+C): a new profile that starts from the selected one; only the code and the password are new.</summary>
[Collection(ScreenCollection.Name)]
public sealed class CopyTests
{
    private const string NewSecret = "Copy-secret-93";

    /// <summary>Profile 1 with everything a technician would not want to type twice: outside access, a filter, other numbers.</summary>
    private static void Seed(SyncConfiguration s)
    {
        ScreenHarness.Seed(s, (1, "Rede interna"), (5, "Loja do Porto"));
        SyncProfile p = s.Profile(5)!;
        Assert.True(s.UpdateProfile(5, s.EditInput(p) with
        {
            TimeoutSeconds = "30", Retries = "5", Compression = "9", Encryption = true,
            InternetAccess = InternetAccess.MobileData, ExternalHost = "sync.example.pt", ExternalPort = "9443",
            FilterEnabled = true,
            Tables = TransferFilter.Over(s.Options.Tables, [new TableTransfer("Artigos", false, true), new TableTransfer("Encomendas", true, false)]),
        }).IsOk);
    }

    [Fact]
    public void F3_opens_a_new_profile_with_the_selected_ones_values_a_new_code_and_a_password_to_type()
    {
        using var h = new ScreenHarness(seed: Seed);
        h.Keys(Key.CursorDown);
        Assert.Equal(5, h.Screen.SelectedCode);
        h.Drive(() => h.Keys(Key.F3),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal(h.Strings.Format(TextKey.Editor_TitleCopy, 5), e.Title);
                Assert.Equal("6", e.Code.Text); // the next free code
                Assert.False(e.Code.ReadOnly); // and another may be typed
                Assert.Equal(("Loja do Porto", "127.0.0.1", "9005"), (e.Description.Text, e.Host.Text, e.Port.Text));
                Assert.Equal(("30", "5", "9"), (e.Timeout.Text, e.Retries.Text, e.Compression.Text));
                Assert.Equal(InternetAccess.MobileData, e.SelectedAccess);
                Assert.Equal(("sync.example.pt", "9443"), (e.ExternalHost.Text, e.ExternalPort.Text));
                Assert.Equal(("", ""), (e.Password.Text, e.PasswordConfirmation.Text));
                Assert.DoesNotContain(h.Strings[TextKey.Editor_PasswordKeep], h.Text()); // nothing to keep: it is new
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                // The password is required, as for any new profile, and the cursor is there.
                Assert.Equal([Fields.Password], e.Problems.Select(p => p.Field));
                Assert.Same(e.Password, h.Focused);
                h.Type(NewSecret);
                h.Keys(Key.Tab);
                h.Type(NewSecret);
                h.Keys(Key.F10);
            }));

        SyncProfile source = h.Service.Profile(5)!, copy = h.Service.Profile(6)!;
        Assert.Equal(source with { Code = 6, Password = copy.Password, Version = 1 }, copy with { TransferFilter = source.TransferFilter });
        Assert.Equal(AuditDiff.Filter(source.TransferFilter), AuditDiff.Filter(copy.TransferFilter));
        Assert.NotEqual(source.Password.Hash, copy.Password.Hash);
        Assert.Equal(6, h.Screen.SelectedCode);
        Assert.Contains(h.Strings.Format(TextKey.Screen_Copied, 6, 5), h.Flat());
        AuditEntry created = h.Service.Audit(1)[0];
        Assert.Equal((AuditActions.ProfileCreated, (int?)6), (created.Action, created.ProfileCode));
    }

    [Fact]
    public void A_copy_given_a_taken_code_is_refused_on_the_code_and_nothing_is_saved()
    {
        using var h = new ScreenHarness("en", Seed);
        h.Drive(() => h.Keys(Key.C.WithAlt), // en Copy: Alt+C as well
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal(h.Strings.Format(TextKey.Editor_TitleCopy, 1), e.Title);
                e.Code.Text = "5";
                e.Password.Text = e.PasswordConfirmation.Text = NewSecret;
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal(MessageKeys.CodeTaken, Assert.Single(e.Problems).MessageKey);
                h.Keys(Key.Esc);
            }),
            Step.On<Terminal.Gui.Views.Dialog>(_ => h.Keys(Key.Y.WithAlt))); // leave without saving: Yes
        Assert.Equal([1, 5], h.Service.Load().Profiles.Select(p => p.Code));
    }

    [Fact]
    public void Copy_with_nothing_selected_says_so()
    {
        using var h = new ScreenHarness();
        h.Keys(Key.F3);
        Assert.Same(h.Screen, h.App.TopRunnable);
        Assert.Contains(h.Strings[TextKey.Screen_NoSelection], h.Text());
    }
}
