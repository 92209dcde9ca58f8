using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace MyMss.Tui.Tests;

[Collection(ScreenCollection.Name)]
public sealed class ScreenTests
{
    private const string Secret = ScreenHarness.Secret;

    /// <summary>The fields a new profile needs, set directly (tests about other behaviour, not about typing them).</summary>
    private static void FillRequired(ProfileEditor e, string description, string port)
    {
        e.Description.Text = description;
        e.Password.Text = e.PasswordConfirmation.Text = "pw";
        e.Host.Text = "h.pt";
        e.Port.Text = port;
    }

    private static void Seed(SyncConfiguration s, params (int Code, string Description)[] profiles) => ScreenHarness.Seed(s, profiles);

    [Fact]
    public void The_main_screen_at_80x24_in_Portuguese()
    {
        using var h = new ScreenHarness("pt");
        string[] lines = h.Text().TrimEnd('\n').Split('\n');
        Assert.Equal(24, lines.Length);
        string screen = string.Join('\n', lines);
        Assert.Contains("myMSS · BackOffice · Sincronização", lines[0]);
        Assert.Contains("Frequência de atualização de dados (horas): 24", screen);
        Assert.Contains("Perfil de sincronização default:", screen);
        Assert.Contains("Perfil de sincronização alternativo: (nenhum)", screen);
        Assert.Contains("Perfis de sincronização", screen);
        Assert.Contains("Código", screen);
        Assert.Contains("Descrição", screen);
        Assert.Contains("Prima F2", screen);
        foreach (string button in new[] { "Novo", "Alterar", "Eliminar", "Gravar", "Sair" })
            Assert.Contains(button, lines[21]);
        foreach (string hint in new[] { "F2", "Novo", "F4", "Alterar", "F8", "Eliminar", "F10", "Gravar", "F1", "Ajuda", "Ctrl+Q", "Sair" })
            Assert.Contains(hint, lines[23]);
    }

    [Fact]
    public void The_main_screen_at_80x24_in_English_with_profiles()
    {
        using var h = new ScreenHarness("en", s => Seed(s, (1, "Rede interna"), (2, "Exterior (rede móvel)")));
        string screen = h.Text();
        Assert.Contains("myMSS · BackOffice · Synchronisation", screen);
        Assert.Contains("Data update frequency (hours): 24", screen);
        Assert.Contains("Default sync profile:", screen);
        Assert.Contains("1 · Rede interna", screen);
        Assert.Contains("Alternative sync profile:", screen);
        Assert.Contains("(none)", screen);
        Assert.Contains("Exterior (rede móvel)", screen);
        Assert.DoesNotContain("Press F2", screen);
        foreach (string hint in new[] { "New", "Edit", "Delete", "Save", "Help", "Quit" })
            Assert.Contains(hint, screen.Split('\n')[23]);
    }

    [Fact]
    public void A_profile_is_created_through_the_editor_with_every_tab()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal("1", e.Code.Text); // next free code suggested
                e.Description.SetFocus();
                h.Type("Exterior (rede móvel)");
                h.Keys(Key.Tab);
                h.Type(Secret);
                h.Keys(Key.Tab);
                h.Type(Secret);
                h.Keys(Key.D1.WithAlt);
                Assert.Same(e.Host, h.Focused);
                h.Type("127.0.0.1");
                h.Keys(Key.Tab);
                h.Type("9002");
                h.Keys(Key.Tab);
                h.Type("30");
                h.Keys(Key.Tab);
                h.Type("5");
                h.Keys(Key.Tab);
                h.Type("9");
                h.Keys(Key.Tab, Key.Space); // Encriptação
                h.Keys(Key.PageDown.WithCtrl); // Comunicação
                Assert.Same(e.Communication, e.Tabs.Value);
                Assert.False(e.ExternalHost.Enabled);
                Assert.Same(e.Access, h.Focused);
                h.Keys(Key.Enter, Key.CursorDown, Key.Enter); // the list opens: Só rede local → Rede móvel
                Assert.Equal("Rede móvel (GPRS/3G/4G/5G)", e.Access.Text);
                Assert.True(e.ExternalHost.Enabled);
                Assert.Equal("9002", e.ExternalPort.Text); // defaults to the port
                h.Keys(Key.Tab);
                Assert.Same(e.ExternalHost, h.Focused);
                h.Type("sync.example.pt");
                h.Keys(Key.Tab);
                h.Type("9443");
                h.Keys(Key.D3.WithAlt); // Filtro de transferência
                Assert.Same(e.FilterEnabled, h.Focused);
                Assert.False(e.TableRows[0].Send.Enabled);
                h.Keys(Key.Space);
                Assert.True(e.TableRows[0].Send.Enabled);
                e.TableRows[0].Send.SetFocus();
                h.Keys(Key.Space);
                e.TableRows[2].Receive.SetFocus();
                h.Keys(Key.Space);
                h.Keys(Key.F10);
            }));

        SyncProfile p = Assert.Single(h.Service.Load().Profiles);
        Assert.Equal((1, "Exterior (rede móvel)", "127.0.0.1", 9002, 30, 5, 9, true), (p.Code, p.Description, p.Host, p.Port, p.TimeoutSeconds, p.Retries, p.Compression, p.Encryption));
        Assert.Equal((InternetAccess.MobileData, "sync.example.pt", (int?)9443), (p.InternetAccess, p.ExternalHost, p.ExternalPort));
        Assert.True(p.TransferFilter.Enabled);
        Assert.Equal([new TableTransfer("Artigos", true, false), new TableTransfer("Preços", false, true)],
            p.TransferFilter.Tables.Where(t => t.Send || t.Receive));
        Assert.Equal(1, h.Service.Load().Settings.DefaultProfile);

        string screen = h.Text();
        Assert.Contains("Exterior (rede móvel)", screen);
        Assert.Contains("1 · Exterior (rede móvel)", screen); // the default drop-down
        Assert.Contains("refresh do licenciamento no MISCommunicator", h.Flat()); // licensing reminder
        Assert.DoesNotContain(Secret, screen);
    }

    [Fact]
    public void Each_refused_input_shows_its_message_and_moves_focus_to_its_tab_and_field()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                e.Description.SetFocus();
                h.Type("Perfil");
                h.Keys(Key.Tab);
                h.Type("pw");
                h.Keys(Key.Tab);
                h.Type("pw");
                h.Keys(Key.D2.WithAlt, Key.Space, Key.CursorDown, Key.CursorDown, Key.Enter); // VPN, without an external host
                e.Host.SetFocus();
                h.Type("127.0.0.1");
                h.Keys(Key.Tab);
                h.Type("9000"); // the MSS port
                e.Description.SetFocus();
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                // Port (Geral) is the first problem: its tab is shown and it has the focus.
                Assert.Equal([Fields.Port, Fields.ExternalHost], e.Problems.Select(p => p.Field));
                Assert.Same(e.General, e.Tabs.Value);
                Assert.Same(e.Port, h.Focused);
                string screen = h.Text();
                Assert.Contains("a porta 9000 é a porta do MSS (9000)", screen);
                Assert.Contains("Endereço externo: preenchimento obrigatório", screen);
                // Nothing typed was lost.
                Assert.Equal(("Perfil", "pw", "pw", "127.0.0.1", "9000"), (e.Description.Text, e.Password.Text, e.PasswordConfirmation.Text, e.Host.Text, e.Port.Text));
                e.Port.SelectAll();
                h.Type("abc"); // not a number: refused as typed, with the range
                Assert.Equal("9000", e.Port.Text);
                Assert.Contains("Porta: só algarismos (1..65535)", h.Text());
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Contains("a porta 9000 é a porta do MSS", h.Text());
                e.Port.SelectAll();
                h.Type("9005");
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                // Now only the external host is wrong: the Comunicação tab comes to the front.
                Assert.Equal([Fields.ExternalHost], e.Problems.Select(p => p.Field));
                Assert.Same(e.Communication, e.Tabs.Value);
                Assert.Same(e.ExternalHost, h.Focused);
                h.Type("vpn.example.pt");
                h.Keys(Key.F10);
            }));
        SyncProfile p = Assert.Single(h.Service.Load().Profiles);
        Assert.Equal((9005, InternetAccess.Vpn, "vpn.example.pt"), (p.Port, p.InternetAccess, p.ExternalHost));
    }

    [Fact]
    public void An_enabled_filter_without_tables_is_refused_on_the_filter_tab()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                FillRequired(e, "D", "9001");
                h.Keys(Key.D3.WithAlt, Key.Space, Key.D1.WithAlt, Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Same(e.Filter, e.Tabs.Value);
                Assert.Contains("marque Enviar ou Receber", h.Text());
                h.Keys(Key.S.WithAlt);
            }),
            Step.On<Dialog>(d => h.Keys(Key.Enter)), // "Sair sem gravar?" — Enter is No: back to the editor
            Step.On<ProfileEditor>(e => h.Keys(Key.Esc)),
            Step.On<Dialog>(d => h.Keys(Key.S.WithAlt))); // Sim
        Assert.Empty(h.Service.Load().Profiles);
    }

    [Theory]
    [InlineData(80, "│ ⟦ Novo ⟧ ⟦ Alterar ⟧ ⟦ Eliminar ⟧ ⟦ Histórico ⟧          ⟦ Gravar ⟧ ⟦ Sair ⟧ │")]
    [InlineData(75, "│ ⟦ Novo ⟧ ⟦ Alterar ⟧ ⟦ Eliminar ⟧ ⟦ Histórico ⟧     ⟦ Gravar ⟧ ⟦ Sair ⟧ │")] // the narrowest the screen takes (SmallTerminal)
    public void Gravar_and_Sair_keep_to_the_right_without_covering_the_other_buttons(int width, string row)
    {
        using var h = new ScreenHarness("pt");
        h.App.Driver!.SetScreenSize(width, 24);
        string[] lines = h.Text().TrimEnd('\n').Split('\n');
        Assert.Equal(row, lines[21].TrimEnd());
    }

    [Fact]
    public void Editing_a_profile_deleted_in_another_session_says_so_and_refreshes_the_table()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna"), (2, "Loja do Porto")));
        h.Keys(Key.CursorDown);
        Assert.Equal(2, h.Screen.SelectedCode);
        Assert.True(h.Service.DeleteProfile(2).IsOk); // the other session
        Assert.Contains("Loja do Porto", h.Text()); // the table still shows what was read
        h.Keys(Key.F4); // no editor on a profile that is gone
        Assert.Contains("não existe o perfil 2", h.Flat());
        Assert.DoesNotContain("Loja do Porto", h.Text());
        Assert.Equal(1, h.Screen.SelectedCode);
    }

    [Fact]
    public void Editing_keeps_the_password_when_left_empty()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        byte[] hash = h.Service.Load().Profiles[0].Password.Hash;
        h.Drive(() => h.Keys(Key.Enter), // Enter on the table = Alterar
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal("1", e.Code.Text);
                Assert.True(e.Code.ReadOnly);
                Assert.Contains("(vazio = mantém)", h.Text());
                Assert.Equal("", e.Password.Text);
                Assert.Same(e.Description, h.Focused); // the code cannot change: the cursor starts on the description
                e.Description.SelectAll();
                h.Type("Rede interna (sede)");
                h.Keys(Key.F10);
            }));
        SyncProfile p = h.Service.Load().Profiles[0];
        Assert.Equal("Rede interna (sede)", p.Description);
        Assert.Equal(hash, p.Password.Hash);
        Assert.DoesNotContain("MISCommunicator", h.Text()); // neither port nor password changed
        Assert.Contains("1 · Rede interna (sede)", h.Text());
    }

    [Fact]
    public void Changing_the_port_in_the_editor_reminds_of_the_licensing()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                e.Port.Text = "9100";
                h.Keys(Key.V.WithAlt);
            }));
        Assert.Equal(9100, h.Service.Load().Profiles[0].Port);
        Assert.Contains("refresh do licenciamento no MISCommunicator", h.Flat());
    }

    [Fact]
    public void Deleting_the_default_or_alternative_is_refused_saying_which()
    {
        using var h = new ScreenHarness(seed: s =>
        {
            Seed(s, (1, "Um"), (2, "Dois"));
            Assert.True(s.SaveSettings(new SettingsInput("24", 1, 2)).IsOk);
        });
        string? message = null;
        h.Drive(() => h.Keys(Key.F8),
            Step.On<Dialog>(d => { message = h.Flat(); h.Keys(Key.Enter); }));
        Assert.Contains("o perfil 1 é o perfil de sincronização default", message);
        h.Keys(Key.CursorDown);
        Assert.Equal(2, h.Screen.SelectedCode);
        h.Drive(() => h.Keys(Key.Delete),
            Step.On<Dialog>(d => { message = h.Flat(); h.Keys(Key.Enter); }));
        Assert.Contains("o perfil 2 é o perfil de sincronização alternativo", message);
        Assert.Equal(2, h.Service.Load().Profiles.Count);
    }

    [Fact]
    public void Deleting_another_profile_asks_first_and_the_drop_downs_follow()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um"), (2, "Dois"), (3, "Três")));
        h.Keys(Key.CursorDown, Key.CursorDown);
        Assert.Equal(3, h.Screen.SelectedCode);
        string? question = null;
        h.Drive(() => h.Keys(Key.F8),
            Step.On<Dialog>(d => { question = h.Flat(); h.Keys(Key.Enter); })); // Enter = Não
        Assert.Contains("Eliminar o perfil 3 · Três?", question);
        Assert.Equal(3, h.Service.Load().Profiles.Count);

        h.Drive(() => h.Keys(Key.E.WithAlt),
            Step.On<Dialog>(d => h.Keys(Key.S.WithAlt))); // Sim
        Assert.Equal([1, 2], h.Service.Load().Profiles.Select(p => p.Code));
        Assert.DoesNotContain("3 · Três", h.Screen.AlternativeProfile.Source!.ToList().Cast<object>().Select(o => o.ToString()));
        Assert.Equal(2, h.Screen.SelectedCode); // the row above is selected
        Assert.Contains("Perfil 3 eliminado", h.Flat());
    }

    [Fact]
    public void Drop_downs_list_created_profiles_and_Gravar_saves_the_choice()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um")));
        Assert.Equal(1, h.Screen.DefaultProfile.Source!.Count);
        h.Drive(() => h.Keys(Key.N.WithAlt),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal("2", e.Code.Text);
                FillRequired(e, "Dois", "9002");
                h.Keys(Key.F10);
            }));
        Assert.Equal(["1 · Um", "2 · Dois"], h.Screen.DefaultProfile.Source!.ToList().Cast<object>().Select(o => o.ToString()));
        Assert.Equal(["(nenhum)", "1 · Um", "2 · Dois"], h.Screen.AlternativeProfile.Source!.ToList().Cast<object>().Select(o => o.ToString()));

        Assert.Same(h.Screen.Table, h.Focused);
        h.Keys(Key.Tab.WithShift); // table → alternative
        Assert.Same(h.Screen.AlternativeProfile, h.Focused);
        h.Keys(Key.Enter, Key.CursorDown, Key.CursorDown, Key.Enter); // the open list: (nenhum) → 1 → 2
        Assert.Equal("2 · Dois", h.Screen.AlternativeProfile.Text);
        h.Keys(Key.Tab.WithShift, Key.Tab.WithShift); // → default → frequency
        Assert.Same(h.Screen.Frequency, h.Focused);
        h.Type("?"); // neither typed into a number field nor the help key
        Assert.DoesNotContain("?", h.Screen.Frequency.Text);
        Assert.Same(h.Screen, h.App.TopRunnable);
        h.Screen.Frequency.SelectAll();
        h.Type("12");
        Assert.Contains("Sincronização *", h.Text());
        Assert.Contains("alterações por gravar", h.Text());
        h.Keys(Key.S.WithCtrl);
        Assert.Equal(new SyncSettings(12, 1, 2, h.Service.Load().Settings.Version), h.Service.Load().Settings);
        Assert.DoesNotContain("Sincronização *", h.Text());
        Assert.Contains("Definições gravadas", h.Text());
    }

    [Fact]
    public void The_default_profile_list_opens_shows_each_profile_and_picks_one()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um"), (2, "Loja de Braga"), (30, "Três armazéns")));
        h.Screen.DefaultProfile.SetFocus();
        h.Keys(Key.F4); // opens the list
        string open = h.Text();
        Assert.Contains("2 · Loja de Braga", open);
        Assert.Contains("30 · Três armazéns", open);
        h.Keys(Key.CursorDown, Key.CursorDown, Key.Enter);
        Assert.Equal("30 · Três armazéns", h.Screen.DefaultProfile.Text);
        Assert.Contains("Sincronização *", h.Text());
    }

    [Fact]
    public void The_drop_downs_save_the_code_of_the_item_chosen_by_keys_even_when_descriptions_look_like_items()
    {
        // Descriptions that read like another item, or like the "(nenhum)" item.
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "2 · Dois"), (2, "1 · Um"), (3, "(nenhum)"), (12, "2 · Dois")));
        Assert.Equal(1, h.Service.Load().Settings.DefaultProfile);
        h.Screen.DefaultProfile.SetFocus();
        h.Keys(Key.Enter, Key.CursorDown, Key.Enter); // 1 · 2 · Dois → 2 · 1 · Um
        Assert.Equal("2 · 1 · Um", h.Screen.DefaultProfile.Text);
        h.Screen.AlternativeProfile.SetFocus();
        h.Keys(Key.F4, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.CursorDown, Key.Enter); // the open list: (nenhum), 1, 2, 3 → 12
        Assert.Equal("12 · 2 · Dois", h.Screen.AlternativeProfile.Text);
        h.Keys(Key.F10);
        SyncSettings saved = h.Service.Load().Settings;
        Assert.Equal((2, (int?)12), (saved.DefaultProfile, saved.AlternativeProfile));

        h.Screen.AlternativeProfile.SetFocus();
        h.Keys(Key.Enter, Key.CursorUp, Key.Enter); // 12 → 3, whose description is "(nenhum)": a profile, not "no alternative"
        Assert.Equal("3 · (nenhum)", h.Screen.AlternativeProfile.Text);
        h.Keys(Key.F10);
        Assert.Equal(3, h.Service.Load().Settings.AlternativeProfile);
        h.Keys(Key.Space, Key.CursorUp, Key.CursorUp, Key.CursorUp, Key.Enter); // 3 → 2 → 1 → the real "(nenhum)" item
        Assert.Equal("(nenhum)", h.Screen.AlternativeProfile.Text);
        h.Keys(Key.F10);
        Assert.Null(h.Service.Load().Settings.AlternativeProfile);
    }

    [Theory]
    [InlineData(0, InternetAccess.None)]
    [InlineData(1, InternetAccess.MobileData)]
    [InlineData(2, InternetAccess.Vpn)]
    [InlineData(3, InternetAccess.PublicInternet)]
    public void The_internet_access_chosen_by_keys_is_the_one_saved(int downs, InternetAccess expected)
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um")));
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                h.Keys(Key.D2.WithAlt);
                Assert.Same(e.Access, h.Focused);
                h.Keys(Key.Enter); // opens the list
                for (int i = 0; i < downs; i++)
                    h.Keys(Key.CursorDown);
                h.Keys(Key.Enter);
                Assert.Equal(expected, e.SelectedAccess);
                e.ExternalHost.Text = "sync.example.pt";
                h.Keys(Key.F10);
            }));
        SyncProfile p = h.Service.Load().Profiles[0];
        Assert.Equal(expected, p.InternetAccess);
        Assert.Equal(expected == InternetAccess.None ? null : "sync.example.pt", p.ExternalHost);

        // Reopened, the list shows the saved mode and going back up to the first item is None again.
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal(h.Strings.AccessLabel(expected), e.Access.Text);
                h.Keys(Key.D2.WithAlt, Key.Enter, Key.CursorUp, Key.CursorUp, Key.CursorUp, Key.Enter);
                Assert.Equal(InternetAccess.None, e.SelectedAccess);
                h.Keys(Key.F10);
            }));
        Assert.Equal(InternetAccess.None, h.Service.Load().Profiles[0].InternetAccess);
    }

    [Fact]
    public void A_connection_test_that_fails_unexpectedly_stops_the_spinner_and_says_so_in_one_line()
    {
        using var h = new ScreenHarness();
        Outcome<ConnectionSettings> connection = h.Service.Connection(new ProfileInput { Host = "sync.example.pt", Port = "9001", Retries = "0" });
        Assert.True(connection.IsOk);
        string secret = "resolver broke " + Guid.NewGuid().ToString("N");
        var tester = new Core.Network.ConnectionTester((_, _) => throw new InvalidOperationException(secret));
        using var probe = new ProbeDialog(h.Strings, connection.Value!, tester);
        string? shown = null;
        h.Drive(() => h.App.Run(probe),
            Step.When<ProbeDialog>(p => p.Done, p => // before, the test never ended: the spinner turned for ever
            {
                shown = h.Text();
                h.Keys(Key.Enter);
            }));
        string flat = System.Text.RegularExpressions.Regex.Replace(shown!, @"[\s┃│]+", " ");
        Assert.Contains("O teste parou com um erro inesperado; detalhes em", flat);
        Assert.DoesNotContain("A testar", flat); // no spinner line left
        Assert.DoesNotContain(secret, shown);
        Assert.DoesNotContain("InvalidOperationException", shown);
        Assert.DoesNotContain(" at ", shown);
        Assert.Contains(secret, File.ReadAllText(ErrorLog.PathFor(null))); // the details are in the log
    }

    [Fact]
    public void Gravar_refuses_a_bad_frequency_and_an_alternative_equal_to_the_default()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um")));
        h.Screen.Frequency.SetFocus();
        h.Screen.Frequency.SelectAll();
        h.Type("999");
        h.Screen.AlternativeProfile.SetFocus();
        h.Keys(Key.Enter, Key.CursorDown, Key.Enter); // (nenhum) → 1, the default
        string? message = null;
        h.Drive(() => h.Keys(Key.F10), Step.On<Dialog>(d => { message = h.Flat(); h.Keys(Key.Enter); }));
        Assert.Contains("tem de estar entre 1 e 720", message);
        Assert.Contains("tem de ser diferente do perfil default", message);
        Assert.Equal(24, h.Service.Load().Settings.FrequencyHours);
        Assert.Equal("999", h.Screen.Frequency.Text); // kept for correction
    }

    [Fact]
    public void Quitting_with_unsaved_changes_asks_and_Cancelar_stays()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um")));
        h.Screen.Frequency.SetFocus();
        h.Screen.Frequency.SelectAll();
        h.Type("48");
        string? question = null;
        h.Drive(() => h.Keys(Key.Q.WithCtrl),
            Step.On<Dialog>(d => { question = h.Flat(); h.Keys(Key.C.WithAlt); })); // Cancelar
        Assert.Contains("Gravar antes de sair?", question);
        Assert.Equal("48", h.Screen.Frequency.Text);
        Assert.True(h.Screen.Model.IsDirty);

        // Gravar from the prompt saves, then leaves.
        h.Drive(() => h.Keys(Key.Q.WithCtrl), Step.On<Dialog>(d => h.Keys(Key.G.WithAlt)));
        Assert.Equal(48, h.Service.Load().Settings.FrequencyHours);
    }

    [Fact]
    public void A_lone_Esc_never_quits_and_Descartar_leaves_without_saving()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um")));
        h.Screen.Frequency.SetFocus();
        h.Screen.Frequency.SelectAll();
        h.Type("6");
        int iterations = 0;
        void Guard(object? s, EventArgs<IApplication?> e)
        {
            iterations++;
            if (iterations == 5) h.Keys(Key.Esc);
            if (iterations == 10) h.Keys(Key.Esc, Key.Esc);
            if (iterations == 20) Assert.True(h.Screen.IsRunning); // still here after three Esc
            if (iterations == 25) h.Keys(Key.R.WithAlt);
            if (iterations > 2000) h.App.RequestStop();
        }
        h.App.Iteration += Guard;
        try
        {
            h.Drive(() => h.App.Run(h.Screen), Step.On<Dialog>(d => h.Keys(Key.D.WithAlt))); // Descartar
        }
        finally
        {
            h.App.Iteration -= Guard;
        }
        Assert.True(iterations < 2000);
        Assert.Equal(24, h.Service.Load().Settings.FrequencyHours);
    }

    [Fact]
    public void F1_and_question_mark_open_the_help_with_every_key_and_field()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um")));
        string? help = null;
        h.Drive(() => h.Keys(Key.F1), Step.On<TextDialog>(d => { help = d.Text; h.Keys(Key.Enter); }));
        foreach (string expected in new[] { "F2 ou Alt+N", "F8, Del ou Alt+E", "Ctrl+Q ou Alt+R", "Ctrl+PgDn: separador seguinte", "Porta: porta do MISCommunicator",
                     "Ligação à Internet:", "Filtro de transferência:" })
            Assert.Contains(expected, help);
        Assert.Equal(HelpText.FieldOrder.Length, HelpText.FieldOrder.Count(f => help!.Contains(h.Strings.FieldLabel(f) + ":")));
        h.Drive(() => h.Keys((Key)'?'), Step.On<TextDialog>(d => h.Keys(Key.Esc)));
    }

    [Fact]
    public void Leaving_the_editor_with_changes_asks_before_discarding()
    {
        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                e.Description.SetFocus();
                h.Type("Rascunho");
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(d => h.Keys(Key.N.WithAlt)), // Não: stay
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal("Rascunho", e.Description.Text);
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(d => h.Keys(Key.S.WithAlt))); // Sim: discard
        Assert.Empty(h.Service.Load().Profiles);
    }

    [Fact]
    public void A_profile_changed_by_the_command_line_while_the_editor_is_open_is_not_overwritten()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Rede interna")));
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e =>
            {
                e.Description.Text = "Mudado no ecrã";
                // Meanwhile a script on the same database (a real second process) changes the profile.
                CliResult cli = CliProcess.Run(h.DatabasePath, null, "profiles", "edit", "1", "--retries", "7");
                Assert.Equal(0, cli.ExitCode);
                h.Keys(Key.F10);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Contains("alterado noutra sessão", h.Flat());
                Assert.Equal("Mudado no ecrã", e.Description.Text); // what was typed is kept
                SyncProfile now = h.Service.Load().Profiles[0];
                Assert.Equal(("Rede interna", 7), (now.Description, now.Retries)); // nothing overwritten
                h.Keys(Key.F10); // applying it again, knowingly
            }));
        SyncProfile saved = h.Service.Load().Profiles[0];
        Assert.Equal("Mudado no ecrã", saved.Description);
    }

    [Fact]
    public void Settings_changed_elsewhere_are_reloaded_and_the_typed_frequency_kept()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um"), (2, "Dois")));
        h.Screen.Frequency.Text = "36";
        Assert.True(h.Service.SaveSettings(new SettingsInput("24", 1, 2)).IsOk); // another session sets an alternative
        string? message = null;
        h.Drive(() => h.Keys(Key.F10), Step.On<Dialog>(d => { message = h.Flat(); h.Keys(Key.Enter); }));
        Assert.Contains("alterado noutra sessão", message);
        Assert.Equal("36", h.Screen.Frequency.Text);
        Assert.Equal("2 · Dois", h.Screen.AlternativeProfile.Text); // the other session's choice is shown
        h.Keys(Key.F10);
        Assert.Equal(new SyncSettings(36, 1, 2, h.Service.Load().Settings.Version), h.Service.Load().Settings);
    }

    [Fact]
    public void F9_shows_the_history_newest_first()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um"), (2, "Dois")));
        string? history = null;
        h.Drive(() => h.Keys(Key.F9), Step.On<HistoryDialog>(d => { history = h.Text(); h.Keys(Key.Esc); }));
        Assert.Contains("Histórico", history);
        int second = history!.IndexOf("Perfil criado 2", StringComparison.Ordinal);
        int first = history.IndexOf("Perfil criado 1", StringComparison.Ordinal);
        Assert.True(second >= 0 && first > second);
        Assert.Contains("Password: definida", history); // set when the profile selected (the newest) was created
        Assert.DoesNotContain(Secret, history);
    }

    [Fact]
    public void F5_in_the_editor_tests_the_typed_endpoints_without_freezing_and_Esc_cancels()
    {
        using var open = Loopback.Open(out int openPort);
        int closedPort = Loopback.Closed();

        using var h = new ScreenHarness();
        h.Drive(() => h.Keys(Key.F2),
            Step.On<ProfileEditor>(e =>
            {
                e.Host.Text = "bad host";
                h.Keys(Key.F5); // the connection fields are checked first
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Contains("Corrija primeiro o servidor e a porta", h.Flat());
                Assert.Equal(Fields.Host, e.Problems[0].Field);
                e.Host.Text = "127.0.0.1";
                e.Port.Text = openPort.ToString();
                e.Retries.Text = "0";
                e.ChooseAccess(InternetAccess.Vpn);
                e.ExternalHost.Text = "127.0.0.1";
                e.ExternalPort.Text = closedPort.ToString();
                h.Keys(Key.T.WithAlt);
            }),
            Step.When<ProbeDialog>(p => p.Done, p =>
            {
                string screen = h.Flat();
                Assert.Contains($"Servidor 127.0.0.1:{openPort} — ligação estabelecida em", screen);
                Assert.Contains($"Endereço externo 127.0.0.1:{closedPort} — ligação recusada", screen);
                h.Keys(Key.Enter);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Equal([true, false], e.LastProbe.Select(r => r.Reachable));
                h.Keys(Key.Esc);
            }),
            Step.On<Dialog>(d => h.Keys(Key.S.WithAlt)));
        Assert.Empty(h.Service.Load().Profiles); // testing saves nothing
    }

    [Fact]
    public void A_connection_test_that_hangs_shows_progress_and_Esc_cancels_it()
    {
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        silent.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        silent.Listen(0);
        int port = ((System.Net.IPEndPoint)silent.LocalEndPoint!).Port;
        var fillers = Enumerable.Range(0, 8).Select(_ => new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { Blocking = false }).ToList();
        foreach (var f in fillers)
            try { f.Connect(System.Net.IPAddress.Loopback, port); } catch (System.Net.Sockets.SocketException) { }
        Thread.Sleep(200); // the accept queue is full now: new connection requests are dropped

        using var h = new ScreenHarness(seed: s =>
        {
            Seed(s, (1, "Um"));
            Assert.True(s.UpdateProfile(1, ProfileInput.From(s.Load().Profiles[0]) with { Host = "127.0.0.1", Port = port.ToString(), TimeoutSeconds = "300" }).IsOk);
        });
        int seen = 0;
        h.Drive(() => h.Keys(Key.F4),
            Step.On<ProfileEditor>(e => h.Keys(Key.F5)),
            Step.When<ProbeDialog>(p => ++seen > 50, p =>
            {
                Assert.False(p.Done, string.Join("; ", p.Reports));
                string flat = h.Flat();
                Assert.True(flat.Contains($"A testar 127.0.0.1:{port} (timeout 300 s"), flat);
                h.Keys(Key.Esc);
            }),
            Step.On<ProfileEditor>(e =>
            {
                Assert.Empty(e.LastProbe);
                h.Keys(Key.Esc);
            }));
        foreach (var f in fillers)
            f.Dispose();
    }

    [Fact]
    public void F6_shows_the_routes_and_their_warnings()
    {
        using var h = new ScreenHarness(seed: s =>
        {
            Seed(s, (1, "Rede interna"), (2, "Exterior"));
            var p2 = s.Load().Find(2)!;
            Assert.True(s.UpdateProfile(2, ProfileInput.From(p2) with { InternetAccess = InternetAccess.MobileData, ExternalHost = "sync.example.pt", ExternalPort = "9443" }).IsOk);
            Assert.True(s.SaveSettings(new SettingsInput("24", 1, 2)).IsOk);
        });
        string? routes = null;
        h.Drive(() => h.Keys(Key.F6), Step.On<TextDialog>(d => { routes = d.Text; h.Keys(Key.Esc); }));
        Assert.Contains("Na rede da empresa:", routes);
        Assert.Contains("1 · Rede interna → 127.0.0.1:9001", routes);
        Assert.Contains("se falhar: 2 · Exterior → 127.0.0.1:9002", routes);
        Assert.Contains("1 · Rede interna → (sem acesso exterior)", routes);
        Assert.Contains("se falhar: 2 · Exterior → Rede móvel (GPRS/3G/4G/5G) sync.example.pt:9443", routes);
        Assert.Contains("o perfil default 1 não tem ligação à Internet", routes);
    }

    [Fact]
    public void The_screen_follows_terminal_resizes()
    {
        using var h = new ScreenHarness(seed: s => Seed(s, (1, "Um")));
        h.App.Driver!.SetScreenSize(120, 40);
        string[] big = h.Text().TrimEnd('\n').Split('\n');
        Assert.Equal(40, big.Length);
        Assert.Contains("Ctrl+Q", big[39]); // key hints on the last row
        Assert.Contains("Sair", big[37]); // buttons above the bottom border
        Assert.EndsWith("╮", big[0].TrimEnd());
        Assert.Equal(120, big[0].TrimEnd().Length);

        h.App.Driver!.SetScreenSize(80, 24);
        string[] small = h.Text().TrimEnd('\n').Split('\n');
        Assert.Equal(24, small.Length);
        Assert.Contains("Ctrl+Q", small[23]);
        Assert.Equal(80, small[0].TrimEnd().Length);
        Assert.Contains("1 · Um", string.Join('\n', small));
    }
}
