using MyMss.Tui.Configuration;
using MyMss.Tui.Hosting;

namespace MyMss.Tui.Cli;

/// <summary>What the command line needs from the composition root.</summary>
public interface IAppHost
{
    /// <summary>Loads the configuration (throws <see cref="ConfigException"/>) and composes the service over the database it names.</summary>
    Composition Compose(string? db, string? lang, string? config);

    /// <summary>Opens the screen over the run's composition (no command given).</summary>
    int RunScreen(Composition composed, ScreenOptions options);
}
