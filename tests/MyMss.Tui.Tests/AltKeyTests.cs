using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

/// <summary>
/// Alt+letter as a terminal sends it (ESC, then the letter, then nothing for 50 ms), through Terminal.Gui's real input
/// parser: a key that opens a dialog acts once, and the dialog does not read it again as a key of its own.
/// </summary>
[Collection(ScreenCollection.Name)]
public sealed class AltKeyTests
{
    private static void Seed(SyncConfiguration s) => ScreenHarness.Seed(s, (1, "Rede interna"), (2, "Loja do Porto"));

    /// <summary>The key's bytes into the input queue, then the clock past the wait that tells Alt+letter from Esc.</summary>
    private static void FromTheTerminal(ScreenHarness h, Key key)
    {
        h.App.GetInputInjector().InjectKey(key, new InputInjectionOptions { Mode = InputInjectionMode.Pipeline });
        h.Time.Advance(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Alt_S_in_an_edited_profile_asks_before_leaving_and_does_not_answer_for_the_technician()
    {
        using var h = new ScreenHarness(seed: Seed);
        bool asked = false;
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                e.Description.Text = "Rede interna (sede)";
                FromTheTerminal(h, Key.S.WithAlt); // Sair
            }),
            Step.On<Dialog>(_ =>
            {
                asked = h.Flat().Contains(h.Strings[TextKey.Editor_DiscardQuestion]);
                h.Keys(Key.Esc); // not leaving after all
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal("Rede interna (sede)", e.Description.Text); // nothing typed was lost
                h.Keys(Key.F10);
            }));
        Assert.True(asked);
        Assert.Equal("Rede interna (sede)", h.Service.Profile(1)!.Description);
    }

    [Fact]
    public void Alt_R_in_the_history_shows_the_restore_and_restores_nothing_by_itself()
    {
        using var h = new ScreenHarness(seed: Seed);
        h.Drive(() => h.Keys(Key.F9),
            Step.On<HistoryDialog>(_ => FromTheTerminal(h, Key.R.WithAlt)), // Repor
            Step.On<RestoreDialog>(_ => h.Keys(Key.Esc)),
            Step.On<HistoryDialog>(d =>
            {
                Assert.False(d.Restored);
                h.Keys(Key.Esc);
            }));
        Assert.NotNull(h.Service.Profile(2)); // the newest change, profile 2 created, was not undone
    }
}
