using MyMss.Core.Domain;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

/// <summary>Choices on screen that are not saved yet are never silently ignored (issue #15, defect 8).</summary>
[Collection(ScreenCollection.Name)]
public sealed class UnsavedChoicesTests
{
    private static void DefaultOneAlternativeTwo(SyncConfiguration s)
    {
        ScreenHarness.Seed(s, (1, "Um"), (2, "Dois"), (3, "Três"));
        Assert.True(s.SaveSettings(new SettingsInput("24", 1, 2)).IsOk);
    }

    [Fact]
    public void F6_shows_the_routes_of_the_choices_on_screen_and_says_they_are_not_saved()
    {
        using var h = new ScreenHarness(seed: DefaultOneAlternativeTwo);
        h.Screen.AlternativeProfile.SetFocus();
        h.Keys(Key.Enter, Key.Home, Key.Enter); // (nenhum), not saved
        Assert.Equal("(nenhum)", h.Screen.AlternativeProfile.Text);
        string? routes = null;
        h.Drive(() => h.Keys(Key.F6), Step.On<TextDialog>(d => { routes = d.Text; h.Keys(Key.Esc); }));
        Assert.StartsWith(h.Strings[TextKey.Route_ScreenUnsaved], routes);
        Assert.Contains("1 · Um → 127.0.0.1:9001", routes);
        Assert.DoesNotContain("2 · Dois", routes); // the alternative on screen is none
        Assert.Equal(2, h.Service.Load().Settings.AlternativeProfile); // nothing saved

        h.Keys(Key.F10);
        h.Drive(() => h.Keys(Key.F6), Step.On<TextDialog>(d => { routes = d.Text; h.Keys(Key.Esc); }));
        Assert.DoesNotContain(h.Strings[TextKey.Route_ScreenUnsaved], routes); // saved: no note
    }

    [Fact]
    public void Deleting_the_old_default_while_a_new_one_is_unsaved_says_save_first()
    {
        using var h = new ScreenHarness(seed: DefaultOneAlternativeTwo);
        h.Screen.DefaultProfile.SetFocus();
        h.Keys(Key.Enter, Key.End, Key.Enter); // 3 · Três as the new default, not saved
        h.Screen.Table.SetFocus();
        string? said = null;
        h.Drive(() => h.Keys(Key.F8), Step.On<Dialog>(_ => { said = h.Flat(); h.Keys(Key.Enter); }));
        Assert.Contains("o perfil 1 é o perfil de sincronização default", said);
        Assert.Contains("grave primeiro (F10)", said);
        Assert.Equal(3, h.Service.Load().Profiles.Count);

        h.Keys(Key.End); // profile 3: chosen on screen, not saved: deleting it would undo that choice
        h.Keys(Key.F8);
        Assert.Same(h.Screen, h.App.TopRunnable);
        Assert.Contains("O perfil 3 está escolhido no ecrã", h.Flat());
        Assert.Equal(3, h.Service.Load().Profiles.Count);
        Assert.Equal("3 · Três", h.Screen.DefaultProfile.Text);

        h.Keys(Key.F10, Key.Home); // saved: now profile 1 can go
        h.Drive(() => h.Keys(Key.F8), Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt)));
        Assert.Equal([2, 3], h.Service.Load().Profiles.Select(p => p.Code));
    }
}
