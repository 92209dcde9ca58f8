using System.Reflection;
using System.Runtime.InteropServices;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// `mymss --version`: the version alone on the first line (for scripts), then what a technician reporting a problem is
/// asked for: the commit, when it was built, the platform and C library, and whether it is the native executable.
/// </summary>
public static class VersionText
{
    public static IEnumerable<string> Lines(Strings s)
    {
        Assembly assembly = typeof(VersionText).Assembly;
        string informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        int plus = informational.IndexOf('+');
        string version = plus < 0 ? informational : informational[..plus];
        string commit = plus < 0 ? "—" : informational[(plus + 1)..];
        string? built = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "BuildDate")?.Value;
        string glibc = GlibcVersion() is string g ? $", glibc {g}" : "";
        var rows = new (string Label, string Value)[]
        {
            (s[TextKey.Version_Commit], commit.Length > 12 ? commit[..12] : commit),
            (s[TextKey.Version_Built], string.IsNullOrEmpty(built) ? s[TextKey.Version_DevelopmentBuild] : built),
            (s[TextKey.Version_Platform], $"{RuntimeInformation.RuntimeIdentifier} ({RuntimeInformation.OSDescription}{glibc})"),
            // RuntimeFeature.IsDynamicCodeSupported is false under the JIT too (PublishAot sets the switch for both);
            // only a JIT has compiled methods.
            (s[TextKey.Version_Runtime], System.Runtime.JitInfo.GetCompiledMethodCount() > 0
                ? s.Format(TextKey.Version_Jit, Environment.Version.ToString())
                : s[TextKey.Version_Native]),
        };
        int width = rows.Max(r => r.Label.Length) + 2;
        yield return version;
        foreach (var (label, value) in rows)
            yield return label.PadRight(width) + value;
    }

    /// <summary>The C library's version, where it is glibc (the native executable needs 2.28 or newer).</summary>
    private static string? GlibcVersion()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(gnu_get_libc_version());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc")]
    private static extern IntPtr gnu_get_libc_version();
}
