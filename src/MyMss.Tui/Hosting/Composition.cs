using MyMss.Core.Services;
using MyMss.Tui.Configuration;

namespace MyMss.Tui.Hosting;

/// <summary>
/// What one run works with, composed once by <see cref="AppHost"/>: the validated configuration and the service over the
/// database it names. The command line and the screen both receive it; neither composes anything itself.
/// </summary>
public sealed record Composition(AppConfig Config, SyncConfiguration Service);
