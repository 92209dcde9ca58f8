using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

/// <summary>Every error can be read, and what the screen says is about the present (issue #15, defects 5 and 11).</summary>
[Collection(ScreenCollection.Name)]
public sealed class FeedbackTests
{
    /// <summary>Ten fields wrong at once, on every tab page.</summary>
    private static void MakeTenWrong(ProfileEditor e)
    {
        e.Code.Text = "x";
        e.Password.Text = "a";
        e.PasswordConfirmation.Text = "b";
        e.Host.Text = "bad host";
        e.Port.Text = "0";
        e.Timeout.Text = "999";
        e.Retries.Text = "99";
        e.Compression.Text = "42";
        e.ChooseAccess(InternetAccess.Vpn);
        e.ExternalPort.Text = "70000";
        e.FilterEnabled.Value = CheckState.Checked;
    }

    private static bool Marked(View field, View unmarked) =>
        field.GetAttributeForRole(VisualRole.Normal) != unmarked.GetAttributeForRole(VisualRole.Normal);

    [Fact]
    public void Every_error_can_be_read_and_each_tab_with_one_is_marked()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                MakeTenWrong(e);
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.True(e.Problems.Count >= 10, string.Join("; ", e.Problems));
                string flat = h.Flat();
                Assert.Contains("Corrija os campos assinalados:", flat);
                Assert.Matches(@"… e mais \d+", flat); // what does not fit is counted, not cut off mid-sentence
                Assert.Contains("Geral (!)", flat);
                Assert.Contains("Comunicação (!)", flat);
                Assert.Contains("Filtro de transferência (!)", flat);
                // Each problem shows when the cursor is on its field.
                foreach (FieldError problem in e.Problems)
                {
                    View field = problem.Field switch
                    {
                        Fields.Code => e.Code, Fields.Description => e.Description, Fields.PasswordConfirmation => e.PasswordConfirmation,
                        Fields.Host => e.Host, Fields.Port => e.Port, Fields.TimeoutSeconds => e.Timeout, Fields.Retries => e.Retries,
                        Fields.Compression => e.Compression, Fields.ExternalHost => e.ExternalHost, Fields.ExternalPort => e.ExternalPort,
                        Fields.TransferFilter => e.FilterEnabled,
                        _ => throw new InvalidOperationException(problem.ToString()),
                    };
                    if (field.SuperView == e.General) h.Keys(Key.D1.WithAlt);
                    if (field.SuperView == e.Communication) h.Keys(Key.D2.WithAlt);
                    if (field.SuperView == e.Filter) h.Keys(Key.D3.WithAlt);
                    field.SetFocus();
                    Assert.Contains(h.Strings.Describe(problem), h.Flat());
                }
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt)));
    }

    [Fact]
    public void A_corrected_field_loses_its_mark_and_with_none_left_the_keys_come_back()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                e.Port.Text = "0";
                h.Keys(Key.F10); // Descrição, Password, Servidor, Porta
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.True(Marked(e.Description, e.Timeout));
                e.Description.SetFocus();
                string said = h.Strings.Describe(e.Problems.Single(p => p.Field == Fields.Description));
                Assert.Contains(said, h.Flat());
                h.Type("Loja");
                Assert.False(Marked(e.Description, e.Timeout)); // no longer known to be wrong
                Assert.DoesNotContain(said, h.Flat());
                Assert.Contains("Corrija os campos assinalados", h.Flat()); // the others still are
                e.Password.Text = e.PasswordConfirmation.Text = "pw";
                e.Host.Text = "h.pt";
                Assert.Contains("Geral (!)", h.Flat());
                e.Port.Text = "9001";
                Assert.Empty(e.Problems);
                string flat = h.Flat();
                Assert.DoesNotContain("Corrija os campos", flat);
                Assert.DoesNotContain("(!)", flat);
                Assert.Contains("F10/Ctrl+S/Alt+V Validar", flat); // the keys again
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt)));
    }

    [Fact]
    public void Validar_with_nothing_changed_saves_nothing_and_says_so()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (8, "Oito")));
        int history = h.Service.Audit(100).Count;
        int version = h.Service.Load().Profiles[0].Version;
        h.Drive(() => h.Keys(Key.F4), Step.On<ProfileEditor>(_ => h.Keys(Key.Enter)));
        Assert.DoesNotContain("Perfil 8 alterado", h.Flat());
        Assert.Contains("Perfil 8: nada foi alterado.", h.Flat());
        Assert.Equal(history, h.Service.Audit(100).Count);
        Assert.Equal(version, h.Service.Load().Profiles[0].Version);
        h.Keys(Key.F10); // and the settings have nothing to save either
        Assert.DoesNotContain("Definições gravadas", h.Flat());
        Assert.Equal(history, h.Service.Audit(100).Count);
    }

    [Fact]
    public void A_message_of_an_earlier_action_does_not_stay_through_an_unrelated_one()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, "Um")));
        h.Screen.Frequency.Text = "12";
        h.Keys(Key.F10);
        Assert.Contains("Definições gravadas.", h.Flat());
        h.Drive(() => h.Keys(Key.F4), Step.On<ProfileEditor>(_ => h.Keys(Key.Esc)));
        Assert.DoesNotContain("Definições gravadas.", h.Flat());
    }

    [Fact]
    public void A_list_marked_wrong_loses_its_mark_once_changed()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, "Um"), (2, "Dois")));
        h.Screen.AlternativeProfile.SetFocus();
        h.Keys(Key.Enter, Key.CursorDown, Key.Enter); // the default as the alternative
        h.Drive(() => h.Keys(Key.F10), Step.On<Dialog>(_ => h.Keys(Key.Enter)));
        Assert.True(Marked(h.Screen.AlternativeProfile, h.Screen.DefaultProfile));
        h.Keys(Key.Enter, Key.CursorDown, Key.Enter); // → 2 · Dois
        Assert.False(Marked(h.Screen.AlternativeProfile, h.Screen.DefaultProfile));
        h.Keys(Key.F10);
        Assert.Equal(2, h.Service.Load().Settings.AlternativeProfile);
    }
}
