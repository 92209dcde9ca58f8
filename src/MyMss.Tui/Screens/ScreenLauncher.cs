namespace MyMss.Tui.Screens;

public static class ScreenLauncher
{
    public static int Run(AppHost host, string? db, string? lang)
    {
        var (config, service) = host.Compose(db, lang);
        var snap = service.Load();
        Console.WriteLine($"{config.DatabasePath}: {snap.Profiles.Count}");
        return 0;
    }
}
