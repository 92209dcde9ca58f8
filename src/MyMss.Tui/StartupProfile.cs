using System.Runtime;

namespace MyMss.Tui;

/// <summary>
/// Under the JIT, most of the start-up is compiling Terminal.Gui. .NET's multi-core JIT records which methods a
/// start compiles (in the user's cache folder) and, on the next start, compiles them on the other cores while
/// the main thread goes on. NativeAOT has nothing to compile and ignores it. The profile holds method names only.
/// </summary>
internal static class StartupProfile
{
    /// <param name="name">One profile per kind of start (the screen compiles other methods than a command).</param>
    public static void Start(string name)
    {
        try
        {
            string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (string.IsNullOrEmpty(cache))
            {
                string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                    return;
                cache = Path.Combine(home, ".cache");
            }
            string folder = Path.Combine(cache, "mymss");
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(name + ".jitprofile");
        }
        catch (Exception)
        {
            // An unwritable cache only costs speed.
        }
    }
}
