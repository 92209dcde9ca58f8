using MyMss.Core.Domain;
using MyMss.Core.Services;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>
/// The arrows move the cursor from field to field, as in dialog(1) and nmtui, and never switch a tab page or change a
/// closed list's value (issue #15, defects 2 and 3).
/// </summary>
[Collection(ScreenCollection.Name)]
public sealed class FieldCursorTests
{
    [Fact]
    public void Up_in_the_editor_goes_to_the_previous_field_as_down_goes_to_the_next()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2), Step.On<ProfileEditor>(e =>
        {
            h.Keys(Key.D1.WithAlt);
            Assert.Same(e.Host, h.Focused);
            h.Keys(Key.CursorDown);
            Assert.Same(e.Port, h.Focused);
            h.Keys(Key.CursorUp);
            Assert.Same(e.Host, h.Focused); // not the Filtro page, not a tab header
            Assert.Same(e.General, e.Tabs.Value);
            h.Keys(Key.CursorUp);
            Assert.Same(e.PasswordConfirmation, h.Focused); // from the page's first field up into the header
            h.Keys(Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown);
            Assert.Same(e.Encryption, h.Focused);
            h.Keys(Key.CursorLeft, Key.CursorRight); // on a check box: no other tab either
            Assert.Same(e.General, e.Tabs.Value);

            h.Keys(Key.D3.WithAlt, Key.Space); // Filtro: on
            Assert.Same(e.FilterEnabled, h.Focused);
            h.Keys(Key.CursorDown);
            Assert.Same(e.TableRows[0].Send, h.Focused);
            h.Keys(Key.CursorDown, Key.CursorDown);
            Assert.Same(e.TableRows[1].Send, h.Focused);
            h.Keys(Key.CursorUp);
            Assert.Same(e.TableRows[0].Receive, h.Focused); // not Comunicação
            h.Keys(Key.CursorUp, Key.CursorUp);
            Assert.Same(e.FilterEnabled, h.Focused);
            Assert.Same(e.Filter, e.Tabs.Value);
            h.Keys(Key.Esc);
        }), Step.On<Terminal.Gui.Views.Dialog>(_ => h.Keys(Key.S.WithAlt))); // leave without saving
    }

    [Fact]
    public void Tab_goes_through_the_fields_of_the_page_shown_then_the_buttons()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, "Um")));
        h.Drive(() => h.Keys(Key.F4), Step.On<ProfileEditor>(e =>
        {
            Assert.Same(e.Description, h.Focused);
            var seen = new List<Terminal.Gui.ViewBase.View>();
            for (int i = 0; i < 11; i++)
            {
                h.Keys(Key.Tab);
                seen.Add(h.Focused!);
            }
            Assert.Equal<object>([e.Password, e.PasswordConfirmation, e.Host, e.Port, e.Timeout, e.Retries, e.Compression, e.Encryption], seen.Take(8));
            Assert.Same(e.Description, seen[^1]); // round: the code of a saved profile takes no cursor
            h.Keys(Key.Tab.WithShift);
            Assert.IsType<Terminal.Gui.Views.Button>(h.Focused); // Validar, the last stop
            h.Keys(Key.Esc);
        }));
    }

    [Fact]
    public void Arrows_on_a_closed_list_move_to_another_field_and_keep_its_value()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, "Um"), (2, "Dois")));
        h.Screen.AlternativeProfile.SetFocus();
        h.Keys(Key.CursorDown);
        Assert.Equal("(nenhum)", h.Screen.AlternativeProfile.Text);
        Assert.Same(h.Screen.Table, h.Focused);
        h.Screen.DefaultProfile.SetFocus();
        h.Keys(Key.CursorDown);
        Assert.Equal("1 · Um", h.Screen.DefaultProfile.Text);
        Assert.Same(h.Screen.AlternativeProfile, h.Focused);
        h.Keys(Key.CursorUp);
        Assert.Equal("(nenhum)", h.Screen.AlternativeProfile.Text);
        Assert.Same(h.Screen.DefaultProfile, h.Focused);
        Assert.False(h.Screen.Model.IsDirty);
        Assert.DoesNotContain("Sincronização *", h.Text());

        h.Keys(Key.Enter, Key.CursorDown, Key.Enter); // Enter opens the list, ↓ moves in it, Enter picks
        Assert.Equal("2 · Dois", h.Screen.DefaultProfile.Text);
        Assert.Same(h.Screen.DefaultProfile, h.Focused);
        h.Keys(Key.CursorDown.WithAlt, Key.CursorUp, Key.Esc); // Alt+↓ opens it too; Esc leaves the value as it was
        Assert.Equal("2 · Dois", h.Screen.DefaultProfile.Text);

        h.Drive(() => h.Keys(Key.F2), Step.On<ProfileEditor>(e =>
        {
            h.Keys(Key.D2.WithAlt);
            Assert.Same(e.Access, h.Focused);
            h.Keys(Key.CursorDown);
            Assert.Equal(InternetAccess.None, e.SelectedAccess);
            Assert.NotSame(e.Access, h.Focused);
            h.Keys(Key.CursorUp);
            Assert.Same(e.Access, h.Focused);
            h.Keys(Key.CursorUp);
            Assert.Equal(InternetAccess.None, e.SelectedAccess);
            Assert.Same(e.PasswordConfirmation, h.Focused);
            Assert.False(e.HasChanges);
            h.Keys(Key.Esc);
        }));
    }
}
