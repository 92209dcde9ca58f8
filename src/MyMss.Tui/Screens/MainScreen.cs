using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// The "Sincronização" screen of the back office: frequency, default and alternative profile, the
/// profile table and its actions. Rules and storage are the service's; this view only shows and collects.
/// This file lays the screen out and shows the data; MainScreen.Actions.cs acts, MainScreen.Keys.cs holds its keys.
/// </summary>
public sealed partial class MainScreen : Runnable, IKeyedScreen
{
    private readonly MainScreenModel _model;
    private readonly Strings _s;
    private readonly FrameView _frame;
    private readonly Label _empty;
    private readonly Label _message;
    private readonly Choice<int?> _default;
    private readonly Choice<int?> _alternative;
    private readonly KeyBar _keyBar;
    private bool _updating;

    public MainScreen(SyncConfiguration service, Strings strings, SyncOverview? loaded = null)
    {
        _model = new MainScreenModel(service);
        _s = strings;
        Width = Dim.Fill();
        Height = Dim.Fill();

        _frame = new FrameView { X = 0, Y = 0, Width = Dim.Fill(), Height = Dim.Fill(1), Title = TitleText(dirty: false) };

        var frequencyLabel = new Label { X = 1, Y = 0, Text = _s.FieldLabel(Fields.FrequencyHours) + ":" };
        Frequency = new NumberField(SettingsRules.MinFrequency, SettingsRules.MaxFrequency) { X = Pos.Right(frequencyLabel) + 1, Y = 0, Width = 6 };
        var frequencyRange = new Label { X = Pos.Right(Frequency) + 1, Y = 0, Text = Frequency.Range };
        Frequency.Refused += (_, _) => Say(_s.Format(TextKey.Screen_DigitsOnly, _s.FieldLabel(Fields.FrequencyHours), Frequency.Range));
        string defaultText = _s.FieldLabel(Fields.DefaultProfile) + ":";
        string alternativeText = _s.FieldLabel(Fields.AlternativeProfile) + ":";
        int labelWidth = Math.Max(defaultText.Length, alternativeText.Length) + 1;
        var defaultLabel = new Label { X = 1, Y = 1, Text = defaultText };
        DefaultProfile = new Picker { X = 1 + labelWidth, Y = 1, Width = Dim.Fill(1) };
        var alternativeLabel = new Label { X = 1, Y = 2, Text = alternativeText };
        AlternativeProfile = new Picker { X = 1 + labelWidth, Y = 2, Width = Dim.Fill(1) };
        _default = new Choice<int?>(DefaultProfile, null);
        _alternative = new Choice<int?>(AlternativeProfile, null);

        // The table carries its own titled border: no container around it, so Tab/Shift+Tab run through one focus chain.
        Table = new ProfileTable(_s)
        {
            X = 0, Y = 3, Width = Dim.Fill(), Height = Dim.Fill(3),
        };
        // Enter on the table is Alterar in the key table; this is the mouse's double click.
        Table.Accepting += (_, e) =>
        {
            e.Handled = true;
            EditSelected();
        };
        _empty = new Label { X = 2, Y = Pos.Top(Table) + 3, Width = Dim.Fill(2), Text = _s[TextKey.Screen_Empty], Visible = false };

        _message = new Label { X = 1, Y = Pos.AnchorEnd(3), Width = Dim.Fill(1), Height = 2, Text = "" };
        Button newButton = MakeButton(_s[TextKey.Screen_New], NewProfile);
        Button editButton = MakeButton(_s[TextKey.Screen_Edit], EditSelected);
        Button deleteButton = MakeButton(_s[TextKey.Screen_Delete], DeleteSelected);
        Button historyButton = MakeButton(_s[TextKey.Screen_History], ShowHistory);
        Button quitButton = MakeButton(_s[TextKey.Screen_Quit], RequestQuit);
        Button saveButton = MakeButton(_s[TextKey.Screen_Save], () => Save());
        newButton.X = 1;
        editButton.X = Pos.Right(newButton) + 1;
        deleteButton.X = Pos.Right(editButton) + 1;
        historyButton.X = Pos.Right(deleteButton) + 1;
        // Gravar and Sair keep to the right edge, but never over Histórico when the terminal is narrow.
        int buttonsWidth = Mnemonic.Strip(_s[TextKey.Screen_Save]).Length + 4 + 1 + Mnemonic.Strip(_s[TextKey.Screen_Quit]).Length + 4; // "⟦ text ⟧" each
        saveButton.X = Pos.Func(_ => Math.Max(historyButton.Frame.Right + 2, (saveButton.SuperView?.Viewport.Width ?? 0) - 1 - buttonsWidth), historyButton);
        quitButton.X = Pos.Right(saveButton) + 1;

        _frame.Add(frequencyLabel, Frequency, frequencyRange, defaultLabel, DefaultProfile, alternativeLabel, AlternativeProfile,
            Table, _empty, _message, newButton, editButton, deleteButton, historyButton, saveButton, quitButton);
        Add(_frame);
        _keyBar = new KeyBar(_s, this);
        _keyBar.Show(this);

        Frequency.TextChanged += (_, _) => Edited();
        DefaultProfile.SelectionChanged += (_, _) => Edited();
        AlternativeProfile.SelectionChanged += (_, _) => Edited();

        // A lone Esc (or an escape sequence split by a slow link) must never leave the application (it clears a find).
        AddCommand(Command.Cancel, () => true);
        KeyBindings.Add(Key.Esc, Command.Cancel);

        _model.Reload(loaded);
        Show();
    }

    /// <summary>The table is what a technician comes for: the cursor starts there (Enter edits, F8 deletes, arrows move).</summary>
    public override void EndInit()
    {
        base.EndInit();
        Table.SetFocus();
    }

    public NumberField Frequency { get; }
    public Picker DefaultProfile { get; }
    public Picker AlternativeProfile { get; }
    public ProfileTable Table { get; }
    public MainScreenModel Model => _model;
    public string Message => _message.Text;

    /// <summary>The screen whose keys the bottom line shows (this one, or the editor or text dialog in front of it).</summary>
    public IKeyedScreen? KeysShown => _keyBar.Front;

    /// <summary>
    /// Keys go to the key table of the screen in front (this one, the editor, a text dialog), and the bottom line
    /// follows that screen as dialogs open and close; a terminal too small for the screen says the size it needs.
    /// </summary>
    public void InstallKeys(IApplication app)
    {
        SmallTerminal.Install(app, _s); // first: below the size the screen needs, keys act on nothing they could show
        KeyDispatch.Install(app);
        app.SessionBegun += (_, _) => _keyBar.Follow(app);
        app.SessionEnded += (_, _) => _keyBar.Follow(app);
    }

    public IKeyTable KeyTable => Keybindings;

    public Action? ActionFor(Key key) => Keybindings.ActionFor(_s, this, key, MostFocused);

    /// <summary>Enter in a field must not end the screen: only the table's Enter means something (Alterar).</summary>
    protected override bool OnAccepting(CommandEventArgs args) => true;

    private Button MakeButton(string text, Action action)
    {
        var b = Ui.MnemonicButton(text);
        b.Y = Pos.AnchorEnd(1);
        b.Accepting += (_, e) =>
        {
            e.Handled = true;
            action();
        };
        return b;
    }

    // ---- data → widgets ----

    private void Reload()
    {
        _model.Reload();
        Show();
    }

    private void Show()
    {
        _updating = true;
        try
        {
            IReadOnlyList<ProfileSummary> profiles = _model.Profiles;
            Table.SetRows(profiles); // the selected profile stays selected, and on screen
            _empty.Visible = profiles.Count == 0;

            var defaults = new ProfileItems(profiles);
            var alternatives = new ProfileItems(profiles, _s[TextKey.Common_None]);
            _default.Reset(defaults, defaults.Codes);
            _alternative.Reset(alternatives, alternatives.Codes);
            if (Frequency.Text != _model.FrequencyText)
                Frequency.Text = _model.FrequencyText;
            _default.Value = _model.DefaultCode;
            _alternative.Value = _model.AlternativeCode;
        }
        finally
        {
            _updating = false;
        }
        ShowDirty();
        SetNeedsDraw();
    }

    private void Edited()
    {
        if (_updating)
            return;
        bool frequency = _model.FrequencyText != Frequency.Text;
        bool profiles = _model.DefaultCode != _default.Value || _model.AlternativeCode != _alternative.Value;
        _model.FrequencyText = Frequency.Text;
        _model.DefaultCode = _default.Value;
        _model.AlternativeCode = _alternative.Value;
        Unmark(frequency, profiles);
        ShowDirty(edited: true);
    }

    /// <param name="edited">A setting was just changed here: the reminder is now the news, over what an earlier action said.</param>
    private void ShowDirty(bool edited = false)
    {
        bool dirty = _model.IsDirty;
        _frame.Title = TitleText(dirty);
        // After an action the reminder takes only an empty message line: it does not hide what the action said (the title's * stays).
        if (dirty && (edited || _message.Text.Length == 0))
            Say(_s[TextKey.Screen_Unsaved]);
        else if (!dirty && _message.Text == _s[TextKey.Screen_Unsaved])
            Say("");
    }

    private void Say(string text) => _message.Text = text;

    /// <summary>
    /// "myMSS · BackOffice · Sincronização * · /var/lib/mymss/mymss.db": the database this screen works on is always in
    /// sight (a technician on a server with several must not edit the wrong one); a long path keeps its end, so that the
    /// whole title, changed mark included, fits the 76 columns an 80-column frame gives it in either language.
    /// </summary>
    private string TitleText(bool dirty)
    {
        const int MaxPath = 35;
        string path = _model.Service.DatabasePath;
        if (path.Length > MaxPath)
            path = "…" + path[^(MaxPath - 1)..];
        return _s[TextKey.App_Title] + (dirty ? " *" : "") + " · " + path;
    }

    public int? SelectedCode => Table.SelectedCode;

    private int IndexOf(int code) => Table.IndexOf(code);

    private void SelectRow(int row) => Table.Select(row);
}
