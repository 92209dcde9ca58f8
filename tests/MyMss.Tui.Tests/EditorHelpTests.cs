using MyMss.Core.Domain;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.Input;

namespace MyMss.Tui.Tests;

/// <summary>F1, F9 and F6 in the editor, where field help matters most (issue #15, defect 6).</summary>
[Collection(ScreenCollection.Name)]
public sealed class EditorHelpTests
{
    [Fact]
    public void F1_in_the_editor_explains_the_field_with_the_cursor_then_the_keys_and_fields()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, "Um")));
        string? help = null;
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                h.Keys(Key.D1.WithAlt, Key.CursorDown); // Porta
                Assert.Same(e.Port, h.Focused);
                h.Keys(Key.F1);
            }),
            Step.On<TextDialog>(d =>
            {
                help = d.Text;
                h.Keys(Key.Esc);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Same(e.Port, h.Focused); // back where it was
                h.Keys(Key.Esc);
            }));
        string[] lines = help!.Split('\n');
        Assert.Equal("Porta: porta do MISCommunicator (1..65535); nunca a porta do MSS", lines[0]);
        Assert.Contains("  F10, Ctrl+S ou Alt+V: validar e gravar o perfil", help);
        Assert.Contains("  F5 ou Alt+T: testar a ligação com os valores escritos (Esc cancela)", help);
        Assert.Contains("  Ctrl+PgDn: separador seguinte", help);
        Assert.Contains("(!) no nome de um separador", help);
        foreach (string field in HelpText.ProfileFields)
            Assert.Contains("  " + h.Strings.FieldLabel(field) + ": ", help);
        Assert.DoesNotContain("Frequência de atualização", help); // the main screen's fields are F1 there
    }

    [Fact]
    public void F9_in_the_editor_shows_this_profiles_history_and_F6_says_the_edit_is_not_saved_yet()
    {
        using var h = new ScreenHarness(seed: s =>
        {
            ScreenHarness.Seed(s, (1, "Um"), (2, "Dois"));
            Assert.True(s.UpdateProfile(2, ProfileInput.From(s.Load().Find(2)!) with { Port = "9102" }).IsOk);
        });
        string? history = null, routes = null;
        h.Drive(() => h.Keys(Key.CursorDown, Key.Enter),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal(h.Strings.Format(TextKey.Editor_TitleEdit, 2), e.Title);
                h.Keys(Key.F9);
            }),
            Step.On<TextDialog>(d => { history = d.Text; h.Keys(Key.Esc); }),
            Step.On<ProfileEditor>(e =>
            {
                e.Description.Text = "Dois, mudado";
                h.Keys(Key.F6);
            }),
            Step.On<TextDialog>(d => { routes = d.Text; h.Keys(Key.Esc); }),
            Step.On<ProfileEditor>(_ => h.Keys(Key.Esc)),
            Step.On<Terminal.Gui.Views.Dialog>(_ => h.Keys(Key.S.WithAlt)));
        Assert.Contains("Perfil alterado 2", history);
        Assert.Contains("Porta: 9002 → 9102", history);
        Assert.Contains("Perfil criado 2", history);
        Assert.DoesNotContain("Perfil criado 1", history); // only this profile
        Assert.StartsWith(h.Strings[TextKey.Route_EditorUnsaved], routes);
        Assert.Contains("1 · Um → 127.0.0.1:9001", routes);
    }
}
