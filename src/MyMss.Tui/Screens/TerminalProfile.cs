using System.Reflection;
using System.Text;
using MyMss.Tui.Output;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TgAttribute = Terminal.Gui.Drawing.Attribute;
using TgColor = Terminal.Gui.Drawing.Color;

namespace MyMss.Tui.Screens;

/// <summary>
/// Monochrome and ASCII profiles for Terminal.Gui 2.5.0, as <see cref="TerminalTraits.Decide"/> chose them.
///
/// EVERYTHING here is PROCESS-WIDE STATIC state of Terminal.Gui (SchemeManager, GlyphSettings.Current,
/// ButtonSettings.Current, DialogSettings.Current, WindowSettings.Current). Call <see cref="Apply"/> BEFORE the
/// first view is constructed (Button captures its bracket glyphs, DropDownList its arrow and every View's
/// LineCanvas its corner glyphs in their constructors); call <see cref="Reset"/> to restore the defaults
/// (tests). Schemes themselves are resolved at draw time, so they could also be switched later.
/// </summary>
public static class TerminalProfile
{
    /// <summary>Whether the screen runs without colours (see <see cref="TerminalTraits.Monochrome"/>), as last applied.</summary>
    public static bool Monochrome { get; private set; }

    // ---------------------------------------------------------------- apply / reset

    private static readonly string[] SchemeNames = ["Base", "Accent", "Dialog", "Menu", "Error"];
    private static Dictionary<string, Scheme>? _savedSchemes;

    /// <summary>Call after Application.Create().Init(...) (or before - it does not touch the app) and BEFORE creating views.</summary>
    /// <param name="depth">The terminal's colours: in a palette, the theme's roles that would merge are kept apart.</param>
    public static void Apply(bool monochrome, bool ascii, ColorDepth depth = ColorDepth.TrueColor)
    {
        Monochrome = monochrome;
        if (monochrome || depth != ColorDepth.TrueColor)
            _savedSchemes ??= SchemeNames.Where(n => SchemeManager.TryGetScheme(n, out _))
                                         .ToDictionary(n => n, n => SchemeManager.GetScheme(n));
        if (!monochrome && depth != ColorDepth.TrueColor)
            foreach (var (name, scheme) in _savedSchemes!)
                SchemeManager.AddScheme(name, ColorDepths.Separated(scheme, depth));
        if (monochrome)
        {
            Scheme mono = MonochromeScheme();
            foreach (string name in SchemeNames) SchemeManager.AddScheme(name, mono);
            // Error scheme: keep it distinguishable without colour
            SchemeManager.AddScheme("Error", mono with { Normal = A(TextStyle.Bold), Editable = A(TextStyle.Bold | TextStyle.Underline) });
        }

        if (monochrome || ascii)
        {
            // Shadows are drawn with black/dimmed colours (ShadowView) and with ▖▀ glyphs: turn them off.
            ButtonSettings.Current = ButtonSettings.Current with { DefaultShadow = ShadowStyles.None };
            DialogSettings.Current = DialogSettings.Current with { DefaultShadow = ShadowStyles.None };
            WindowSettings.Current = WindowSettings.Current with { DefaultShadow = ShadowStyles.None };
        }

        if (ascii)
        {
            GlyphSettings.Current = AsciiGlyphs(GlyphSettings.Default);
        }
    }

    /// <summary>Restores Terminal.Gui's defaults (for tests / a second app in the same process).</summary>
    public static void Reset()
    {
        Monochrome = false;
        if (_savedSchemes is not null)
        {
            foreach ((string name, Scheme s) in _savedSchemes) SchemeManager.AddScheme(name, s);
            _savedSchemes = null;
        }
        ButtonSettings.Current = ButtonSettings.Default;
        DialogSettings.Current = DialogSettings.Default;
        WindowSettings.Current = WindowSettings.Default;
        GlyphSettings.Current = GlyphSettings.Default;
    }

    // ---------------------------------------------------------------- monochrome

    /// <summary>The terminal's default colours (Color.None: the driver emits SGR 39/49) with a text style: state is shown by style alone.</summary>
    public static TgAttribute A(TextStyle style) => new(TgColor.None, TgColor.None, style);

    /// <summary>Every role in the terminal's default colours, told apart by reverse video, bold, underline and faint.</summary>
    public static Scheme MonochromeScheme() => new()
    {
        Normal = A(TextStyle.None),
        HotNormal = A(TextStyle.Underline),                        // hot-key letter
        Focus = A(TextStyle.Reverse),                              // focused view / table's selected row
        HotFocus = A(TextStyle.Reverse | TextStyle.Underline),
        Active = A(TextStyle.Bold | TextStyle.Underline),          // selection in an UNfocused list/table, selected text
        HotActive = A(TextStyle.Bold | TextStyle.Underline),
        Highlight = A(TextStyle.Bold),                             // mouse hover
        Editable = A(TextStyle.Underline),                         // an unfocused TextField stays visible
        ReadOnly = A(TextStyle.Underline),
        Disabled = A(TextStyle.Faint),
        Code = A(TextStyle.None),
        CodeComment = A(TextStyle.None), CodeKeyword = A(TextStyle.None), CodeString = A(TextStyle.None),
        CodeNumber = A(TextStyle.None), CodeOperator = A(TextStyle.None), CodeType = A(TextStyle.None),
        CodePreprocessor = A(TextStyle.None), CodeIdentifier = A(TextStyle.None), CodeConstant = A(TextStyle.None),
        CodePunctuation = A(TextStyle.None), CodeFunctionName = A(TextStyle.None), CodeAttribute = A(TextStyle.None),
    };

    /// <summary>
    /// Monochrome only: a focused TextField draws its text with the Editable role (same as unfocused; only the
    /// cursor differs), so give it reverse video while it has focus. Hooks every TextField of every runnable
    /// started on <paramref name="app"/> (and TextFields added later). Instance-level: no statics involved.
    /// </summary>
    public static void HighlightFocusedTextFields(IApplication app)
    {
        app.SessionBegun += (_, e) => { if (e.State.Runnable is View v) Hook(v); };
    }

    /// <summary>Gives <paramref name="view"/>'s TextFields, and those of its subviews now and later, reverse video while focused.</summary>
    public static void Hook(View view)
    {
        if (view is TextField tf)
        {
            tf.GettingAttributeForRole += (_, e) =>
            {
                if (tf.HasFocus && e.Role is VisualRole.Editable or VisualRole.ReadOnly)
                {
                    e.Result = A(TextStyle.Reverse);
                    e.Handled = true;
                }
            };
        }
        view.SubViewAdded += (_, e) => { if (e.SubView is { } sv) Hook(sv); };
        foreach (View sub in view.SubViews) Hook(sub);
    }

    // ---------------------------------------------------------------- ASCII glyphs

    private static readonly Dictionary<string, char> ByName = new()
    {
        ["CheckStateChecked"] = 'X', ["CheckStateUnChecked"] = '-', ["CheckStateNone"] = '?',
        ["Selected"] = '*', ["UnSelected"] = 'o',
        ["LeftBracket"] = '[', ["RightBracket"] = ']',
        ["LeftDefaultIndicator"] = '>', ["RightDefaultIndicator"] = '<',
        ["RightArrow"] = '>', ["LeftArrow"] = '<', ["DownArrow"] = 'v', ["UpArrow"] = '^',
        ["Dot"] = '*',                       // TextField.Secret
        ["Stipple"] = ':',                   // scroll bar track
        ["ContinuousMeterSegment"] = '#', ["BlocksMeterSegment"] = '#',
        ["HorizontalEllipsis"] = '~', ["VerticalFourDots"] = ':',
        ["ShadowVerticalStart"] = ' ', ["ShadowVertical"] = ' ', ["ShadowHorizontalStart"] = ' ',
        ["ShadowHorizontal"] = ' ', ["ShadowHorizontalEnd"] = ' ',
        ["Expand"] = '+', ["Collapse"] = '-', ["IdenticalTo"] = '=', ["Close"] = 'x',
        ["HLineDbl"] = '=',
    };

    private const string Horizontal = "─━═╌╍┄┅┈┉╴╶╸╺╼╾";
    private const string Vertical = "│┃║╎╏┆┇┊┋╵╷╹╻╽╿";

    private static char ToAscii(string property, Rune r)
    {
        if (r.Value < 0x80) return (char)r.Value;
        if (ByName.TryGetValue(property, out char c)) return c;
        if (r.IsBmp && Horizontal.Contains((char)r.Value)) return '-';
        if (r.IsBmp && Vertical.Contains((char)r.Value)) return '|';
        if (r.Value is >= 0x2500 and <= 0x257F) return '+';   // corners, tees, crosses
        return '*';
    }

    /// <summary>
    /// A copy of <paramref name="source"/> with every non-ASCII glyph replaced. GlyphSettings is a record with
    /// ~145 init-only Rune properties; reflection keeps this independent of the exact property list.
    /// </summary>
    public static GlyphSettings AsciiGlyphs(GlyphSettings source)
    {
        GlyphSettings copy = source with { };
        foreach (PropertyInfo p in typeof(GlyphSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.PropertyType != typeof(Rune) || !p.CanWrite) continue;
            var r = (Rune)p.GetValue(copy)!;
            p.SetValue(copy, new Rune(ToAscii(p.Name, r)));   // init accessor is callable via reflection
        }
        return copy;
    }
}
