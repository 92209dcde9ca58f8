using MyMss.Core.Domain;

namespace MyMss.Core.Services;

/// <summary>One attempt a terminal makes: which profile, and where it connects (no endpoint: that profile has no way in from there).</summary>
public sealed record RouteStep(int Order, int Code, string Description, string? Host, int? Port, InternetAccess Access);

/// <summary>Something in the saved configuration that can leave terminals without a path.</summary>
public sealed record RouteWarning(string MessageKey, params object[] Args);

public static class RouteWarnings
{
    public const string NoDefault = "Route_NoDefault";
    public const string NoPathOutside = "Route_NoPathOutside";
    public const string DefaultOnlyInside = "Route_DefaultOnlyInside";
    public const string SameEndpoint = "Route_SameEndpoint";
    public const string PortIsMssPort = "Route_PortIsMssPort";
    public const string MissingProfile = "Route_MissingProfile";
    /// <summary>Arguments: the profile code and its list of <see cref="Rules.FieldError"/>.</summary>
    public const string ProfileInvalid = "Route_ProfileInvalid";
}

/// <summary>
/// What terminals will try, in order, inside the company network and outside it, from the saved settings:
/// the default profile first, the alternative when the default cannot connect.
/// </summary>
public sealed record RoutePreview(IReadOnlyList<RouteStep> Inside, IReadOnlyList<RouteStep> Outside, IReadOnlyList<RouteWarning> Warnings)
{
    public static RoutePreview Of(SyncSnapshot snapshot, SyncOptions options)
    {
        var warnings = new List<RouteWarning>();
        var chain = new List<SyncProfile>();
        foreach (int? code in new[] { snapshot.Settings.DefaultProfile, snapshot.Settings.AlternativeProfile })
        {
            if (code is not int c)
                continue;
            if (snapshot.Find(c) is SyncProfile p)
                chain.Add(p);
            else
                warnings.Add(new RouteWarning(RouteWarnings.MissingProfile, c));
        }
        if (snapshot.Settings.DefaultProfile is null)
            warnings.Add(new RouteWarning(RouteWarnings.NoDefault));

        var inside = chain.Select((p, i) => new RouteStep(i + 1, p.Code, p.Description, p.Host, p.Port, InternetAccess.None)).ToList();
        var outside = chain.Select((p, i) => p.InternetAccess == InternetAccess.None
            ? new RouteStep(i + 1, p.Code, p.Description, null, null, InternetAccess.None)
            : new RouteStep(i + 1, p.Code, p.Description, p.ExternalHost, p.ExternalPort, p.InternetAccess)).ToList();

        if (chain.Count > 0 && outside.All(s => s.Host is null))
            warnings.Add(new RouteWarning(RouteWarnings.NoPathOutside));
        else if (chain.Count > 0 && outside[0].Host is null)
            warnings.Add(new RouteWarning(RouteWarnings.DefaultOnlyInside, chain[0].Code));
        if (chain.Count == 2)
        {
            foreach (List<RouteStep> steps in new[] { inside, outside })
                if (steps[0].Host is not null && string.Equals(steps[0].Host, steps[1].Host, StringComparison.OrdinalIgnoreCase) && steps[0].Port == steps[1].Port)
                    warnings.Add(new RouteWarning(RouteWarnings.SameEndpoint, chain[0].Code, chain[1].Code, $"{steps[0].Host}:{steps[0].Port}"));
        }
        // Mss:Port may have changed in appsettings.json after profiles were saved.
        foreach (SyncProfile p in snapshot.Profiles.Where(p => p.Port == options.MssPort))
            warnings.Add(new RouteWarning(RouteWarnings.PortIsMssPort, p.Code, p.Port));
        return new RoutePreview(inside, outside, warnings.DistinctBy(w => (w.MessageKey, string.Join(",", w.Args))).ToList());
    }
}
