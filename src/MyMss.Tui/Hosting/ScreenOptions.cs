namespace MyMss.Tui.Hosting;

/// <summary>How the screen draws: without colours (--no-color or NO_COLOR), with ASCII lines only (--ascii or a terminal that cannot draw Unicode).</summary>
public sealed record ScreenOptions(bool NoColor, bool Ascii);
