using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens.Keys;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace MyMss.Tui.Screens;

/// <summary>
/// The editor's problems: each wrong field marked, each tab page with one marked in its title, and the lines above
/// the buttons listing them. However many there are, every one can be read: the problem of the field with the cursor
/// comes first, and what does not fit is counted ("… e mais 6"). A problem goes as soon as its field is edited; with
/// none left the lines show the keys again.
/// </summary>
public sealed partial class ProfileEditor
{
    /// <summary>The lines above the buttons (the main screen's two blank rows there): the key hints, or the problems.</summary>
    private const int ProblemLines = 2;

    private TextKey _problemsHeader = TextKey.Editor_Errors;

    /// <summary>The problems still shown: those of the last Validar (or Testar ligação) whose fields were not edited since.</summary>
    public IReadOnlyList<FieldError> Problems { get; private set; } = [];

    private void ShowProblems(IReadOnlyList<FieldError> errors, TextKey header)
    {
        Problems = errors;
        _problemsHeader = header;
        MarkProblems();
    }

    /// <summary>A field was edited: its problems are no longer the present.</summary>
    private void Edited(string field)
    {
        if (Problems.All(p => p.Field != field))
            return;
        Problems = Problems.Where(p => p.Field != field).ToList();
        MarkProblems();
    }

    private void MarkProblems()
    {
        foreach (var (field, (view, _)) in _fields)
            Ui.MarkError(view, Problems.Any(e => e.Field == field));
        bool retitled = false;
        foreach (View page in Tabs.TabCollection)
        {
            string title = _s[_pageTitles[page]];
            bool wrong = Problems.Any(p => _fields.TryGetValue(p.Field, out var f) && f.Tab == page);
            string shown = wrong ? _s.Format(TextKey.Editor_TabHasErrors, title) : title;
            if (page.Title == shown)
                continue;
            page.Title = shown;
            // Terminal.Gui 2.5.0 measures a tab header once and keeps that length: the new one is given.
            if (page.Border.View is BorderView header)
                header.TabLength = shown.GetColumns() + 2;
            retitled = true;
        }
        if (retitled)
            Tabs.SetNeedsLayout();
        RenderProblems();
    }

    /// <summary>The field whose problems come first: the one with the cursor (a row of the filter stands for the filter).</summary>
    private string? FieldWithCursor()
    {
        View? focused = MostFocused;
        if (focused is not null && _tables.Any(t => t.Send == focused || t.Receive == focused))
            return Fields.TransferFilter;
        foreach (var (field, (view, _)) in _fields)
            if (view == focused)
                return field;
        return null;
    }

    private void RenderProblems()
    {
        int width = _problems.Frame.Width > 0 ? _problems.Frame.Width : (App?.Screen.Width ?? 80) - 2;
        if (Problems.Count == 0)
        {
            string keys = KeyNames.Hints(_s, Keybindings);
            if (_problems.Text != keys)
                _problems.Text = keys;
            return;
        }
        string? first = FieldWithCursor();
        List<string> described = Problems.Where(p => p.Field == first).Concat(Problems.Where(p => p.Field != first)).Select(_s.Describe).ToList();
        string shown = string.Join("\n", Summary(_s[_problemsHeader], described, width, ProblemLines));
        if (_problems.Text != shown)
            _problems.Text = shown;
    }

    /// <summary>
    /// The header and as many problems as fit in <paramref name="lines"/> lines of <paramref name="width"/> columns, the
    /// rest counted at the end ("… e mais 6").
    /// </summary>
    private List<string> Summary(string header, IReadOnlyList<string> problems, int width, int lines)
    {
        for (int shown = problems.Count; shown > 0; shown--)
        {
            string text = header + " " + string.Join("; ", problems.Take(shown));
            if (shown < problems.Count)
                text += " " + _s.Format(TextKey.Editor_MoreErrors, problems.Count - shown);
            List<string> wrapped = Wrap(text, width);
            if (wrapped.Count <= lines || shown == 1)
                return wrapped.Count <= lines ? wrapped : [.. wrapped.Take(lines - 1), ProfileTable.Fit(wrapped[lines - 1] + " …", width).TrimEnd()];
        }
        return Wrap(header, width);
    }

    /// <summary>Words onto lines of at most <paramref name="width"/> columns (a longer word is cut where the line ends).</summary>
    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        string line = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = line.Length == 0 ? word : line + " " + word;
            if (candidate.GetColumns() <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
                lines.Add(line);
            line = word;
            while (line.GetColumns() > width)
            {
                string cut = TextFormatter.ClipAndJustify(line, width, Alignment.Start);
                lines.Add(cut);
                line = line[cut.Length..];
            }
        }
        if (line.Length > 0)
            lines.Add(line);
        return lines;
    }

    /// <summary>Edits of a field take its problems away; the cursor on a field brings its problems first.</summary>
    private void WatchProblems(string field, View view)
    {
        if (view is NumberField number)
        {
            // Said at once, where the problems are said; the next character typed brings the problems (or keys) back.
            number.Refused += (_, _) => _problems.Text = _s.Format(TextKey.Screen_DigitsOnly, _s.FieldLabel(field), number.Range);
            number.TextChanged += (_, _) => RenderProblems();
        }
        switch (view)
        {
            case TextField text:
                text.TextChanged += (_, _) => Edited(field);
                break;
            case CheckBox box:
                box.ValueChanged += (_, _) => Edited(field);
                break;
            case Picker picker:
                picker.SelectionChanged += (_, _) => Edited(field);
                break;
        }
        view.HasFocusChanged += (_, e) =>
        {
            if (e.NewValue && Problems.Count > 0)
                RenderProblems();
        };
    }
}
