namespace MyMss.Tui.Tests;

/// <summary>
/// Tests that start the real program in tmux and stop it (signals, dropped links, no terminal): one at a time, so that
/// on a two-core machine they do not starve the other terminal tests, which wait on the screen.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealTerminalCollection
{
    public const string Name = "real terminal";
}
