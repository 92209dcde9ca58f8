using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Output;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

/// <summary>
/// Each screen's key table is the key handler, the bottom line and the F1 help. These tests walk the tables
/// themselves: a binding added to a table is pressed, shown and listed here without a new test (and fails until
/// <see cref="MainChecks"/>, <see cref="EditorChecks"/> or <see cref="TextChecks"/> says what it must do).
/// </summary>
[Collection(ScreenCollection.Name)]
public sealed class KeyTableTests
{
    private static void Seed(SyncConfiguration s)
    {
        ScreenHarness.Seed(s, (1, "Um"), (2, "Dois"));
        Assert.True(s.SaveSettings(new SettingsInput("24", 1, null)).IsOk);
    }

    /// <summary>
    /// A key as the terminal sends it: a new Key each time. The tables' own Key objects must not be injected, because
    /// handling a key marks that object handled, and an object handled once is ignored by every later handler.
    /// </summary>
    private static Key Pressed(BoundKey bound) => new(bound.Key.KeyCode);

    private static string BottomLine(ScreenHarness h) => h.Text().TrimEnd('\n').Split('\n')[^1];

    /// <summary>"F2  Novo" for every status-bar binding of the table, as the bottom line shows them.</summary>
    private static IEnumerable<string> StatusItems(Strings s, IKeyTable table) =>
        table.Bindings.Where(b => b.InStatusBar).Select(b => $"{KeyNames.Of(b.Keys[0].Key)}  {b.LabelIn(s)}");

    private static void AssertShows(ScreenHarness h, IKeyTable table, params IKeyTable[] others)
    {
        string bottom = BottomLine(h);
        foreach (string item in StatusItems(h.Strings, table))
            Assert.Contains(item, bottom);
        foreach (string item in others.SelectMany(o => StatusItems(h.Strings, o)).Except(StatusItems(h.Strings, table)))
            Assert.DoesNotContain(item, bottom);
    }

    [Fact]
    public void The_bottom_line_shows_the_keys_of_the_screen_in_front()
    {
        using var h = new ScreenHarness(seed: Seed);
        AssertShows(h, MainScreen.Keybindings, ProfileEditor.Keybindings, TextDialog.Keybindings);
        for (int round = 0; round < 2; round++)
        {
            h.Drive(() => h.Keys(Key.F2),
                Step.On<ProfileEditor>(_ =>
                {
                    AssertShows(h, ProfileEditor.Keybindings, MainScreen.Keybindings, TextDialog.Keybindings);
                    string bottom = BottomLine(h);
                    Assert.DoesNotContain("Novo", bottom);
                    Assert.DoesNotContain("Eliminar", bottom);
                    Assert.DoesNotContain("Gravar", bottom);
                    h.Keys(Key.Esc);
                }));
            AssertShows(h, MainScreen.Keybindings, ProfileEditor.Keybindings, TextDialog.Keybindings);
            h.Drive(() => h.Keys(Key.F1),
                Step.On<TextDialog>(_ =>
                {
                    AssertShows(h, TextDialog.Keybindings, MainScreen.Keybindings, ProfileEditor.Keybindings);
                    h.Keys(Key.Esc);
                }));
            AssertShows(h, MainScreen.Keybindings, ProfileEditor.Keybindings, TextDialog.Keybindings);
        }
        // A message box has no key table: the keys of the screen under it stay.
        h.Drive(() => h.Keys(Key.F8), Step.On<Dialog>(_ =>
        {
            AssertShows(h, MainScreen.Keybindings, ProfileEditor.Keybindings);
            h.Keys(Key.Enter);
        }));
        Assert.Same(h.Screen, h.Screen.KeysShown);
        // Each bar is made once: opening the editor and the help again reused theirs.
        Assert.Equal(3, h.Screen.SubViews.OfType<StatusBar>().Count());
    }

    [Fact]
    public void The_editor_bottom_line_is_Portuguese_or_English_and_fits_80_columns()
    {
        foreach (string language in Strings.Languages)
        {
            using var h = new ScreenHarness(language);
            h.Drive(() => h.Keys(Key.F2), Step.On<ProfileEditor>(_ =>
            {
                string bottom = BottomLine(h);
                foreach (string item in StatusItems(h.Strings, ProfileEditor.Keybindings))
                    Assert.Contains(item, bottom);
                Assert.Equal(24, h.Text().TrimEnd('\n').Split('\n').Length);
                // The bar has room for one key each; above the buttons every twin is listed (F-keys do not reach every console).
                foreach (IBinding binding in ProfileEditor.Keybindings.Bindings.Where(b => b.InStatusBar))
                    foreach (BoundKey key in binding.KeysIn(h.Strings))
                        Assert.Contains(KeyNames.Of(key.Key), h.Flat());
                h.Keys(Key.Esc);
            }));
        }
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void No_key_does_two_things_on_one_screen(string language)
    {
        var s = new Strings(language);
        IKeyTable[] screens = [MainScreen.Keybindings, ProfileEditor.Keybindings, TextDialog.Keybindings, HistoryDialog.Keybindings];
        foreach (IKeyTable table in screens)
        {
            var keys = table.Bindings.Concat(CommonKeys.Keybindings.Bindings).SelectMany(b => b.KeysIn(s)).Select(k => k.Key).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.All(table.Bindings, b => Assert.NotEmpty(b.Keys));
            // A binding that takes its Alt key from its label has a marked letter in this language.
            Assert.All(table.Bindings.Where(b => b.Mnemonic), b => Assert.NotNull(Mnemonic.AltKey(s[b.Label])));
        }
    }

    [Fact]
    public void Key_names_read_as_on_the_keyboard()
    {
        Assert.Equal("F2", KeyNames.Of(Key.F2));
        Assert.Equal("Ctrl+Q", KeyNames.Of(Key.Q.WithCtrl));
        Assert.Equal("Alt+N", KeyNames.Of(Key.N.WithAlt));
        Assert.Equal("Alt+1", KeyNames.Of(Key.D1.WithAlt));
        Assert.Equal("Del", KeyNames.Of(Key.Delete));
        Assert.Equal("Ctrl+PgDn", KeyNames.Of(Key.PageDown.WithCtrl));
        Assert.Equal("PgUp", KeyNames.Of(Key.PageUp));
        Assert.Equal("?", KeyNames.Of((Key)'?'));
        Assert.Equal("Esc", KeyNames.Of(Key.Esc));
        Assert.Equal("Enter", KeyNames.Of(Key.Enter));
        var pt = new Strings("pt");
        Assert.Equal("F8, Del ou Alt+E", KeyNames.List(pt, [Key.F8, Key.Delete, Key.E.WithAlt]));
        Assert.Equal("F2 or Alt+N", KeyNames.List(new Strings("en"), [Key.F2, Key.N.WithAlt]));
    }

    [Fact]
    public void F1_lists_every_binding_of_the_main_screen_and_the_editor()
    {
        using var h = new ScreenHarness(seed: s => ScreenHarness.Seed(s, (1, "Um")));
        foreach (Key key in MainScreen.Keybindings.Bindings.Single(b => b.Label == TextKey.Screen_Help).Keys.Select(Pressed))
        {
            string? help = null;
            h.Drive(() => h.Keys(key), Step.On<TextDialog>(d => { help = d.Text; h.Keys(Key.Esc); }));
            foreach (IBinding binding in MainScreen.Keybindings.Bindings.Concat<IBinding>(CommonKeys.Keybindings.Bindings)
                         .Concat(ProfileEditor.Keybindings.Bindings).Concat(HistoryDialog.Keybindings.Bindings))
                Assert.Contains(HelpText.Line(h.Strings, binding), help);
            Assert.Contains("  F8, Del ou Alt+E: eliminar o perfil selecionado", help);
            Assert.Contains("  Alt+2: separador Comunicação", help);
            Assert.Equal(HelpText.FieldOrder.Length, HelpText.FieldOrder.Count(f => help!.Contains(h.Strings.FieldLabel(f) + ":")));
        }
    }

    // ---- every key of every binding does what the binding says ----

    /// <summary>Presses a key of a main-screen binding (the cursor on the table) and checks what it did.</summary>
    private delegate void Check(ScreenHarness h, Key key);

    private static int _frequency = 10;

    private static readonly Dictionary<TextKey, Check> MainChecks = new()
    {
        [TextKey.Screen_New] = (h, key) => h.Drive(() => h.Keys(key), Step.On<ProfileEditor>(e =>
        {
            Assert.Equal(h.Strings[TextKey.Editor_TitleNew], e.Title);
            h.Keys(Key.Esc);
        })),
        [TextKey.Screen_Edit] = (h, key) => h.Drive(() => h.Keys(key), Step.On<ProfileEditor>(e =>
        {
            Assert.Equal(h.Strings.Format(TextKey.Editor_TitleEdit, 1), e.Title);
            h.Keys(Key.Esc);
        })),
        [TextKey.Screen_Copy] = (h, key) => h.Drive(() => h.Keys(key), Step.On<ProfileEditor>(e =>
        {
            Assert.Equal(h.Strings.Format(TextKey.Editor_TitleCopy, 1), e.Title);
            Assert.Equal("", e.Password.Text);
            h.Keys(Key.Esc);
        })),
        [TextKey.Screen_Delete] = (h, key) =>
        {
            string? said = null;
            h.Drive(() => h.Keys(key), Step.On<Dialog>(_ => { said = h.Flat(); h.Keys(Key.Enter); }));
            Assert.Contains(h.Strings.Format(TextKey.Error_ProfileIsDefault, 1), said); // the selected profile, refused
        },
        [TextKey.Screen_Save] = (h, key) =>
        {
            int hours = ++_frequency;
            h.Screen.Frequency.Text = hours.ToString();
            h.Keys(key);
            Assert.Equal(hours, h.Service.Load().Settings.FrequencyHours);
            Assert.False(h.Screen.Model.IsDirty);
        },
        [TextKey.Screen_Find] = (h, key) =>
        {
            h.Keys(key);
            Assert.True(h.Screen.Table.Typing);
            h.Type("dois");
            Assert.Equal([2], h.Screen.Table.Rows.Select(r => r.Code));
            h.Keys(Key.Esc);
            Assert.Equal(2, h.Screen.Table.Rows.Count);
            h.Keys(Key.Home);
        },
        [TextKey.Key_ClearFind] = (h, key) =>
        {
            h.Screen.StartFind();
            h.Type("um");
            Assert.Single(h.Screen.Table.Rows);
            h.Keys(key);
            Assert.Equal(("", false, 2), (h.Screen.Table.Query, h.Screen.Table.Typing, h.Screen.Table.Rows.Count));
        },
        [TextKey.Screen_Sort] = (h, key) =>
        {
            h.Keys(key);
            Assert.Equal(ProfileSort.CodeDescending, h.Screen.Table.Sort);
            Assert.Equal([2, 1], h.Screen.Table.Rows.Select(r => r.Code));
            Assert.Equal(1, h.Screen.SelectedCode); // the same profile stays selected
            for (int i = 0; i < 3; i++)
                h.Screen.Table.NextSort(); // and round to the first sort again
            Assert.Equal(ProfileSort.CodeAscending, h.Screen.Table.Sort);
        },
        [TextKey.Screen_Help] = (h, key) => OpensText(h, key, TextKey.Help_Title),
        [TextKey.Screen_History] = (h, key) => h.Drive(() => h.Keys(key), Step.On<HistoryDialog>(d =>
        {
            Assert.Equal(h.Strings[TextKey.Audit_Title], d.Title);
            h.Keys(Key.Esc);
        })),
        [TextKey.Screen_Routes] = (h, key) => OpensText(h, key, TextKey.Route_Title),
        [TextKey.Screen_Quit] = (h, key) =>
        {
            int iterations = 0;
            void Press(object? sender, EventArgs<IApplication?> e)
            {
                if (++iterations == 3)
                    h.App.InjectKey(key);
                if (iterations > 2000)
                    h.App.RequestStop();
            }
            h.App.Iteration += Press;
            try
            {
                h.App.Run(h.Screen);
            }
            finally
            {
                h.App.Iteration -= Press;
            }
            Assert.InRange(iterations, 3, 2000); // the screen left on the key, not on the guard
        },
    };

    private static void OpensText(ScreenHarness h, Key key, TextKey title) =>
        h.Drive(() => h.Keys(key), Step.On<TextDialog>(d =>
        {
            Assert.Equal(h.Strings[title], d.Title);
            h.Keys(Key.Esc);
        }));

    /// <summary>Ctrl+L, on the main screen, in the editor and in a text dialog: every cell is sent again.</summary>
    private static void Repaints(ScreenHarness h, Key key)
    {
        h.Keys(Key.CursorDown, Key.CursorUp); // the last frame sent is a small change
        string screen = h.Text();
        var output = (FrugalOutput)h.App.Driver!.GetOutput();
        h.Keys(key);
        var fresh = new VirtualTerminal(24, 80).Garbled();
        fresh.Feed(output.GetLastOutput());
        string[] rows = Enumerable.Range(0, 24).Select(r => string.Concat(Enumerable.Range(0, 80).Select(c => fresh.Text[r, c]))).ToArray();
        Assert.Equal(screen.TrimEnd('\n').Split('\n'), rows);
    }

    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void Every_key_of_the_main_screen_does_what_its_binding_says(string language)
    {
        using var h = new ScreenHarness(language, Seed);
        Assert.Equal(MainScreen.Keybindings.Bindings.Select(b => b.Label).Order(), MainChecks.Keys.Order());
        foreach (BoundKey bound in CommonKeys.Keybindings.Bindings.SelectMany(b => b.Keys))
        {
            Repaints(h, Pressed(bound));
            h.Drive(() => h.Keys(Key.F2), Step.On<ProfileEditor>(_ => { Repaints(h, Pressed(bound)); h.Keys(Key.Esc); }));
            h.Drive(() => h.Keys(Key.F1), Step.On<TextDialog>(_ => { Repaints(h, Pressed(bound)); h.Keys(Key.Esc); }));
            h.Drive(() => h.Keys(Key.F9), Step.On<HistoryDialog>(_ => { Repaints(h, Pressed(bound)); h.Keys(Key.Esc); }));
        }
        // Sair is the last binding: the screen has left once it is checked.
        Assert.Equal(TextKey.Screen_Quit, MainScreen.Keybindings.Bindings[^1].Label);
        foreach (Binding<MainScreen> binding in MainScreen.Keybindings.Bindings)
        {
            foreach (BoundKey bound in binding.KeysIn(h.Strings))
            {
                h.Screen.Table.SetFocus(); // where every main-screen key applies
                Assert.Same(binding, MainScreen.Keybindings.Find(h.Strings, bound.Key, h.Focused));
                MainChecks[binding.Label](h, Pressed(bound));
            }
        }
    }

    /// <summary>Presses a key of an editor binding in a new profile's editor; the steps that follow close it.</summary>
    private static readonly Dictionary<TextKey, Func<ScreenHarness, Key, Step[]>> EditorChecks = new()
    {
        [TextKey.Screen_Validate] = (h, key) =>
        [
            Step.On<ProfileEditor>(e =>
            {
                e.Description.Text = "Por tecla " + key;
                e.Password.Text = e.PasswordConfirmation.Text = "pw";
                e.Host.Text = "h.pt";
                e.Port.Text = (9100 + h.Service.Load().Profiles.Count).ToString();
                int before = h.Service.Load().Profiles.Count;
                h.Keys(key);
                Assert.Equal(before + 1, h.Service.Load().Profiles.Count); // saved, and the editor closes
            }),
        ],
        [TextKey.Key_Test] = (h, key) =>
        [
            Step.On<ProfileEditor>(e =>
            {
                e.Host.Text = "bad host";
                h.Keys(key); // the connection fields are checked before any connection
                Assert.Equal(Fields.Host, e.Problems[0].Field);
                Assert.Contains(h.Strings[TextKey.Probe_FixFirst], h.Flat());
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(_ => h.Keys(Yes(h))), // Sair sem gravar? Sim
        ],
        [TextKey.Screen_Help] = (h, key) =>
        [
            Step.On<ProfileEditor>(e =>
            {
                e.Encryption.SetFocus(); // where '?' is no character typed
                h.Keys(key);
            }),
            Step.On<TextDialog>(d =>
            {
                Assert.Equal(h.Strings[TextKey.Help_EditorTitle], d.Title);
                Assert.StartsWith(h.Strings.FieldLabel(Fields.Encryption) + ": " + h.Strings[TextKey.Help_encryption], d.Text); // the field with the cursor first
                h.Keys(Key.Esc);
            }),
            Step.On<ProfileEditor>(_ => h.Keys(Key.Esc)),
        ],
        [TextKey.Screen_History] = (h, key) =>
        [
            Step.On<ProfileEditor>(_ => h.Keys(key)),
            Step.On<TextDialog>(d =>
            {
                Assert.Equal(h.Strings[TextKey.Audit_Empty], d.Text); // a new profile has no history yet
                h.Keys(Key.Esc);
            }),
            Step.On<ProfileEditor>(_ => h.Keys(Key.Esc)),
        ],
        [TextKey.Screen_Routes] = (h, key) =>
        [
            Step.On<ProfileEditor>(_ => h.Keys(key)),
            Step.On<TextDialog>(d =>
            {
                Assert.Equal(h.Strings[TextKey.Route_Title], d.Title);
                h.Keys(Key.Esc);
            }),
            Step.On<ProfileEditor>(_ => h.Keys(Key.Esc)),
        ],
        [TextKey.Key_NextField] = (h, key) => FieldCheck(h, key, e => e.Host, e => e.Port),
        [TextKey.Key_PreviousField] = (h, key) => FieldCheck(h, key, e => e.Port, e => e.Host),
        [TextKey.Key_NextTab] = (h, key) => TabCheck(h, key, e => e.General, e => e.Communication),
        [TextKey.Key_PreviousTab] = (h, key) => TabCheck(h, key, e => e.General, e => e.Filter),
        [TextKey.Editor_TabGeneral] = (h, key) => TabCheck(h, key, e => e.Filter, e => e.General),
        [TextKey.Editor_TabCommunication] = (h, key) => TabCheck(h, key, e => e.General, e => e.Communication),
        [TextKey.Editor_TabFilter] = (h, key) => TabCheck(h, key, e => e.Communication, e => e.Filter),
        [TextKey.Editor_Leave] = (h, key) =>
        [
            Step.On<ProfileEditor>(e => h.Keys(key)), // nothing changed: it leaves at once
        ],
    };

    private static Key Yes(ScreenHarness h) => Mnemonic.AltKey(h.Strings[TextKey.Screen_Yes])!;

    private static Step[] FieldCheck(ScreenHarness h, Key key, Func<ProfileEditor, Terminal.Gui.ViewBase.View> from, Func<ProfileEditor, Terminal.Gui.ViewBase.View> to) =>
    [
        Step.On<ProfileEditor>(e =>
        {
            from(e).SetFocus();
            h.Keys(key);
            Assert.Same(to(e), h.Focused);
            Assert.Same(e.General, e.Tabs.Value);
            h.Keys(Key.Esc);
        }),
    ];

    private static Step[] TabCheck(ScreenHarness h, Key key, Func<ProfileEditor, Terminal.Gui.ViewBase.View> from, Func<ProfileEditor, Terminal.Gui.ViewBase.View> to) =>
    [
        Step.On<ProfileEditor>(e =>
        {
            e.Tabs.Value = from(e);
            h.Keys(key);
            Assert.Same(to(e), e.Tabs.Value);
            Assert.True(h.Focused is { } f && to(e).SubViews.Contains(f), "the cursor is on the tab's first field");
            h.Keys(Key.Esc);
        }),
    ];

    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void Every_key_of_the_editor_does_what_its_binding_says(string language)
    {
        using var h = new ScreenHarness(language, Seed);
        Assert.Equal(ProfileEditor.Keybindings.Bindings.Select(b => b.Label).Order(), EditorChecks.Keys.Order());
        foreach (Binding<ProfileEditor> binding in ProfileEditor.Keybindings.Bindings)
            foreach (BoundKey bound in binding.KeysIn(h.Strings))
                h.Drive(() => h.Keys(Key.F2), EditorChecks[binding.Label](h, Pressed(bound)));
        Assert.Equal(2 + 3, h.Service.Load().Profiles.Count); // one profile for each key of Validar
    }

    private static readonly Dictionary<TextKey, Action<ScreenHarness, HistoryDialog, Key>> HistoryChecks = new()
    {
        [TextKey.History_Restore] = (h, d, key) =>
        {
            h.Keys(key); // the selected change, the newest: shown first, then Cancelar
        },
        [TextKey.Key_Close] = (h, d, key) => h.Keys(key), // the step ends only if the dialog closed
    };

    [Theory]
    [InlineData("pt")]
    [InlineData("en")]
    public void Every_key_of_the_history_does_what_its_binding_says(string language)
    {
        using var h = new ScreenHarness(language, Seed);
        Assert.Equal(HistoryDialog.Keybindings.Bindings.Select(b => b.Label).Order(), HistoryChecks.Keys.Order());
        foreach (Binding<HistoryDialog> binding in HistoryDialog.Keybindings.Bindings)
            foreach (BoundKey bound in binding.KeysIn(h.Strings))
            {
                Step[] steps = binding.Label == TextKey.History_Restore
                    ?
                    [
                        Step.On<HistoryDialog>(d => HistoryChecks[binding.Label](h, d, Pressed(bound))),
                        Step.On<RestoreDialog>(_ => h.Keys(Key.Enter)), // Cancelar
                        Step.On<HistoryDialog>(d => { Assert.False(d.Restored); h.Keys(Key.Esc); }),
                    ]
                    : [Step.On<HistoryDialog>(d => HistoryChecks[binding.Label](h, d, Pressed(bound)))];
                h.Drive(() => h.Keys(Key.F9), steps);
            }
    }

    private static readonly Dictionary<TextKey, Action<ScreenHarness, TextDialog, Key>> TextChecks = new()
    {
        [TextKey.Key_Close] = (h, d, key) => h.Keys(key), // the step ends only if the dialog closed
        [TextKey.Key_PageDown] = (h, d, key) =>
        {
            Assert.Equal(h.Strings[TextKey.Help_Keys], FirstTextLine(h));
            h.Keys(key);
            Assert.NotEqual(h.Strings[TextKey.Help_Keys], FirstTextLine(h));
            h.Keys(Key.Esc);
        },
        [TextKey.Key_PageUp] = (h, d, key) =>
        {
            d.Body.InvokeCommand(Command.PageDown);
            Assert.NotEqual(h.Strings[TextKey.Help_Keys], FirstTextLine(h));
            h.Keys(key);
            Assert.Equal(h.Strings[TextKey.Help_Keys], FirstTextLine(h));
            h.Keys(Key.Esc);
        },
    };

    private static string FirstTextLine(ScreenHarness h) => h.Text().Split('\n')[1].Trim('┃', ' ');

    [Fact]
    public void Every_key_of_a_text_dialog_does_what_its_binding_says()
    {
        using var h = new ScreenHarness();
        Assert.Equal(TextDialog.Keybindings.Bindings.Select(b => b.Label).Order(), TextChecks.Keys.Order());
        foreach (Binding<TextDialog> binding in TextDialog.Keybindings.Bindings)
            foreach (BoundKey bound in binding.Keys)
                h.Drive(() => h.Keys(Key.F1), Step.On<TextDialog>(d => TextChecks[binding.Label](h, d, Pressed(bound))));
    }

    [Fact]
    public void Keys_that_belong_to_the_focused_widget_stay_there()
    {
        using var h = new ScreenHarness(seed: Seed);
        // F4 on a closed list opens it; Del in the frequency field edits it, ? is no digit and no help there; Enter in a field is no Alterar.
        h.Screen.DefaultProfile.SetFocus();
        h.Keys(Key.F4);
        Assert.Contains("2 · Dois", h.Text());
        Assert.Same(h.Screen, h.App.TopRunnable);
        h.Keys(Key.Esc);
        h.Screen.Frequency.SetFocus();
        h.Keys(Key.End, Key.Backspace);
        h.Type("?5");
        Assert.Same(h.Screen, h.App.TopRunnable);
        h.Keys(Key.CursorLeft, Key.Delete, Key.Enter);
        Assert.Equal("2", h.Screen.Frequency.Text);
        Assert.Same(h.Screen, h.App.TopRunnable);
    }

    [Fact]
    public void While_a_list_is_open_the_keys_are_the_lists()
    {
        using var h = new ScreenHarness(seed: Seed);
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                h.Keys(Key.D2.WithAlt, Key.F4); // Ligação à Internet, open
                Assert.Contains(h.Strings[TextKey.Access_Vpn], h.Text());
                h.Keys(Key.Esc); // closes the list, not the editor
                Assert.DoesNotContain(h.Strings[TextKey.Access_Vpn], h.Text());
                Assert.Same(e, h.App.TopRunnable);
                h.Keys(Key.F4, Key.CursorDown, Key.CursorDown, Key.Enter); // Enter picks, it does not validate
                Assert.Equal(InternetAccess.Vpn, e.SelectedAccess);
                Assert.Same(e, h.App.TopRunnable);
                Assert.Empty(e.Problems);
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(_ => h.Keys(Key.S.WithAlt)));
        Assert.Equal(2, h.Service.Load().Profiles.Count);
    }
}
