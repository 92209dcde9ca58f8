using System.Globalization;
using MyMss.Core.Network;
using MyMss.Core.Rules;
using MyMss.Core.Services;

namespace MyMss.Tui.Resources;

/// <summary>Route previews, warnings and connection reports as text for people, shared by the command line and the screen.</summary>
public static class RouteText
{
    public static IEnumerable<string> Lines(Strings s, RoutePreview routes, IReadOnlyList<RouteWarning> warnings)
    {
        yield return s[TextKey.Route_Inside];
        foreach (string line in Steps(s, routes.Inside))
            yield return "  " + line;
        yield return s[TextKey.Route_Outside];
        foreach (string line in Steps(s, routes.Outside))
            yield return "  " + line;
        yield return "";
        if (warnings.Count == 0)
        {
            yield return s[TextKey.Route_AllGood];
            yield break;
        }
        yield return s[TextKey.Route_Warnings];
        foreach (RouteWarning w in warnings)
            yield return "  " + s.Format(TextKey.Route_Warning, Warning(s, w));
    }

    private static IEnumerable<string> Steps(Strings s, IReadOnlyList<RouteStep> steps)
    {
        if (steps.Count == 0)
            yield return s[TextKey.Route_Nothing];
        foreach (RouteStep step in steps)
        {
            string target = step.Host is null ? s[TextKey.Route_NoExternal]
                : (step.Access == Core.Domain.InternetAccess.None ? "" : s.AccessLabel(step.Access) + " ") + $"{step.Host}:{step.Port}";
            yield return s.Format(step.Order == 1 ? TextKey.Route_First : TextKey.Route_Then, step.Code, step.Description, target);
        }
    }

    public static string Warning(Strings s, RouteWarning w) =>
        w.MessageKey == RouteWarnings.ProfileInvalid && w.Args is [int code, IEnumerable<FieldError> errors]
            ? s.Message(w.MessageKey, code, string.Join("; ", errors.Select(s.Describe)))
            : s.Message(w.MessageKey, w.Args);

    /// <summary>"Servidor 10.0.0.5:9001 — ligação estabelecida em 3 ms (1 tentativa)".</summary>
    public static string Probe(Strings s, EndpointReport r)
    {
        string outcome = r.Outcome switch
        {
            ProbeOutcome.Reachable => s.Format(TextKey.Probe_Reachable, ((int)Math.Ceiling(r.ConnectTime!.Value.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)),
            ProbeOutcome.Failed => s.Format(TextKey.Probe_Failed, r.Detail ?? "?"),
            _ => s[TextOf.Probe(r.Outcome)],
        };
        return s.Format(TextKey.Probe_Line, s[TextOf.Endpoint(r.Role)], r.Host, r.Port, outcome,
            s.Count(Counted.Attempts, r.Attempts));
    }
}
