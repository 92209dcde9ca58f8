using CsCheck;
using MyMss.Tui.Output;
using MyMss.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using TgAttribute = Terminal.Gui.Drawing.Attribute;
using TgColor = Terminal.Gui.Drawing.Color;

namespace MyMss.Tui.Tests;

/// <summary>Colours go out at the depth the terminal has: 24-bit only when it says so, its palette otherwise.</summary>
public sealed class ColorDepthTests
{
    [Theory]
    [InlineData("xterm-256color", null, ColorDepth.Palette256)]
    [InlineData("screen-256color", "", ColorDepth.Palette256)]
    [InlineData("tmux-256color", null, ColorDepth.Palette256)]
    [InlineData("xterm-256color", "truecolor", ColorDepth.TrueColor)]
    [InlineData("xterm", "24bit", ColorDepth.TrueColor)]
    [InlineData("xterm-direct", null, ColorDepth.TrueColor)]
    [InlineData("xterm-kitty", null, ColorDepth.TrueColor)]
    [InlineData("xterm", null, ColorDepth.Ansi16)]
    [InlineData("screen", null, ColorDepth.Ansi16)]
    [InlineData("linux", null, ColorDepth.Ansi16)]
    [InlineData("vt220", null, ColorDepth.Ansi16)]
    [InlineData("", null, ColorDepth.Ansi16)]
    [InlineData(null, "yes", ColorDepth.Ansi16)]
    public void The_depth_comes_from_TERM_and_COLORTERM(string? term, string? colorTerm, ColorDepth depth) =>
        Assert.Equal(depth, ColorDepths.Of(term, colorTerm));

    [Fact]
    public void Each_depth_sends_its_own_kind_of_SGR()
    {
        var attr = new TgAttribute(new TgColor(255, 255, 255), new TgColor(0, 0, 128));
        Assert.Equal("\u001b[0;38;2;255;255;255;48;2;0;0;128m", Sgr.Change(null, attr, ColorDepth.TrueColor));
        Assert.Equal("\u001b[0;38;5;231;48;5;18m", Sgr.Change(null, attr, ColorDepth.Palette256));
        Assert.Equal("\u001b[0;97;44m", Sgr.Change(null, attr, ColorDepth.Ansi16)); // bright white on blue
        // Only what changes, at the palette's price.
        var next = attr with { Background = new TgColor(128, 0, 0) };
        Assert.Equal("\u001b[48;5;88m", Sgr.Change(attr, next, ColorDepth.Palette256));
    }

    private static int Channel(int index, int at) => index >= 232 ? 8 + 10 * (index - 232) : new[] { 0, 95, 135, 175, 215, 255 }[(index - 16) / at % 6];

    private static long Distance(TgColor c, int index)
    {
        int r = Channel(index, 36), g = Channel(index, 6), b = Channel(index, 1);
        return 2L * (c.R - r) * (c.R - r) + 4L * (c.G - g) * (c.G - g) + 3L * (c.B - b) * (c.B - b);
    }

    [Fact]
    public void The_palette_colour_is_the_nearest_of_the_fixed_xterm_colours() =>
        Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte).Sample((r, g, b) =>
        {
            var c = new TgColor(r, g, b);
            int chosen = ColorDepths.Palette256Index(c);
            Assert.InRange(chosen, 16, 255);
            long best = Enumerable.Range(16, 240).Min(i => Distance(c, i));
            Assert.Equal(best, Distance(c, chosen));
        }, iter: 2000);

    [Fact]
    public void Palette_colours_map_to_themselves()
    {
        Assert.Equal(16, ColorDepths.Palette256Index(new TgColor(0, 0, 0)));
        Assert.Equal(231, ColorDepths.Palette256Index(new TgColor(255, 255, 255)));
        Assert.Equal(16 + 36 * 1 + 6 * 2 + 3, ColorDepths.Palette256Index(new TgColor(95, 135, 175)));
        Assert.Equal(244, ColorDepths.Palette256Index(new TgColor(128, 128, 128)));
    }
}

/// <summary>The theme a palette terminal gets (process-wide Terminal.Gui state: not in parallel with the screen tests).</summary>
[Collection(ScreenCollection.Name)]
public sealed class PaletteThemeTests
{
    /// <summary>
    /// The theme stays readable at every depth: text never takes its own background's colour, and the roles that show
    /// state (focus, the selected row, hot keys, disabled) stay apart from the normal look wherever the theme set them apart.
    /// </summary>
    [Theory]
    [InlineData(ColorDepth.Palette256)]
    [InlineData(ColorDepth.Ansi16)]
    public void The_theme_stays_readable(ColorDepth depth)
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        TerminalProfile.Apply(monochrome: false, ascii: false, depth);
        try
        {
            AssertReadable(depth);
        }
        finally
        {
            TerminalProfile.Reset();
        }
    }

    private static void AssertReadable(ColorDepth depth)
    {
        string Key(TgColor c) => ColorDepths.Code(c, depth).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string Look(TgAttribute a) => $"{Key(a.Foreground)}/{Key(a.Background)}/{a.Style}";
        foreach (var (name, scheme) in SchemeManager.GetSchemesForCurrentTheme())
        {
            if (scheme is null)
                continue;
            var roles = new (string Role, TgAttribute Attr)[]
            {
                ("Normal", scheme.Normal), ("Focus", scheme.Focus), ("HotNormal", scheme.HotNormal), ("HotFocus", scheme.HotFocus),
                ("Active", scheme.Active), ("Editable", scheme.Editable), ("Disabled", scheme.Disabled),
            };
            foreach (var (role, a) in roles)
                if (a.Foreground != a.Background && a.Foreground != TgColor.None)
                    Assert.True(Key(a.Foreground) != Key(a.Background), $"{name}.{role}: text in its background's colour");
            foreach (var (role, a) in roles.Skip(1))
                if (a != scheme.Normal)
                    Assert.True(Look(a) != Look(scheme.Normal), $"{name}.{role} looks like {name}.Normal at {depth}");
        }
    }
}
