using System.Runtime;
using Terminal.Gui.App;

namespace MyMss.Tui;

/// <summary>
/// Under the JIT, most of the start-up is compiling Terminal.Gui. .NET's multi-core JIT records which methods a
/// start compiles (in the user's cache folder) and, on the next start, compiles them on the other cores while
/// the main thread goes on. NativeAOT has nothing to compile and ignores it. The profile holds method names only.
/// </summary>
/// <remarks>
/// The recording ends at the first frame: a profile recorded until the program quits holds whatever that session
/// did (the editor, the dialogs, a find over 10,000 profiles), and the next start would spend its second core
/// compiling those before the first frame. Each build has its own profile (one build's methods are not another's),
/// named after its module version id; the few newest are kept.
/// </remarks>
internal static class StartupProfile
{
    private const int Kept = 3;

    /// <param name="name">One profile per kind of start (the screen compiles other methods than a command).</param>
    public static void Start(string name)
    {
        try
        {
            string? cache = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) // %LOCALAPPDATA%\mymss
                : Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                    return;
                cache = Path.Combine(home, ".cache");
            }
            string folder = Path.Combine(cache, "mymss");
            Directory.CreateDirectory(folder);
            string file = FileName(name);
            ForgetOlderBuilds(folder, name, file);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(file);
        }
        catch (Exception)
        {
            // An unwritable cache only costs speed.
        }
    }

    /// <summary>Ends the recording (and writes the profile) once <paramref name="app"/> has drawn its first frame.</summary>
    public static void StopAtFirstFrame(IApplication app)
    {
        EventHandler<EventArgs>? drawn = null;
        drawn = (_, _) =>
        {
            app.LayoutAndDrawComplete -= drawn;
            Stop();
        };
        app.LayoutAndDrawComplete += drawn;
    }

    public static void Stop()
    {
        try
        {
            ProfileOptimization.StartProfile(null);
        }
        catch (Exception)
        {
            // As above: only speed.
        }
    }

    internal static string FileName(string name) =>
        $"{name}-{typeof(StartupProfile).Assembly.ManifestModule.ModuleVersionId:N}.jitprofile";

    /// <summary>Profiles of other builds (and the one shared profile of earlier versions), all but the newest few.</summary>
    private static void ForgetOlderBuilds(string folder, string name, string current)
    {
        var others = new DirectoryInfo(folder).GetFiles(name + "*.jitprofile")
            .Where(f => f.Name != current)
            .OrderByDescending(f => f.LastWriteTimeUtc)
            .Skip(Kept - 1);
        foreach (FileInfo old in others)
        {
            try
            {
                old.Delete();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another start is writing it, or it is not ours to delete: it stays, this start goes on
            }
        }
    }
}
