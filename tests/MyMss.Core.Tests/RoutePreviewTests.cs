using MyMss.Core.Domain;
using MyMss.Core.Services;
using MyMss.Testing;

namespace MyMss.Core.Tests;

public sealed class RoutePreviewTests
{
    private static readonly SyncOptions Options = TestProfiles.Options;

    private static SyncProfile P(int code, string host, int port, InternetAccess access = InternetAccess.None, string? extHost = null, int? extPort = null) => new(
        code, $"P{code}", host, port, 10, 3, 4, false, access, extHost, extPort, TransferFilter.AllOff(SyncOptions.DefaultTables), PasswordHash.None);

    private static RoutePreview Of(int? def, int? alt, params SyncProfile[] profiles) =>
        RoutePreview.Of(new SyncSnapshot(new SyncSettings(24, def, alt), profiles), Options);

    private static IEnumerable<string> Keys(RoutePreview r) => r.Warnings.Select(w => w.MessageKey);

    [Fact]
    public void Default_then_alternative_inside_and_outside_the_network()
    {
        var r = Of(1, 2, P(1, "lan.pt", 9001), P(2, "lan.pt", 9002, InternetAccess.MobileData, "sync.example.pt", 9443));
        Assert.Equal([(1, 1, "lan.pt", (int?)9001), (2, 2, "lan.pt", 9002)], r.Inside.Select(s => (s.Order, s.Code, s.Host, s.Port)));
        Assert.Equal([(1, 1, (string?)null, (int?)null), (2, 2, "sync.example.pt", 9443)], r.Outside.Select(s => (s.Order, s.Code, s.Host, s.Port)));
        Assert.Equal(InternetAccess.MobileData, r.Outside[1].Access);
        Assert.Equal([RouteWarnings.DefaultOnlyInside], Keys(r));
    }

    [Fact]
    public void No_default_is_a_warning() => Assert.Contains(RouteWarnings.NoDefault, Keys(Of(null, null)));

    [Fact]
    public void A_default_without_outside_access_and_no_alternative_leaves_terminals_outside_without_a_path() =>
        Assert.Equal([RouteWarnings.NoPathOutside], Keys(Of(1, null, P(1, "lan.pt", 9001))));

    [Fact]
    public void Both_profiles_on_the_same_endpoint_is_a_warning()
    {
        var r = Of(1, 2, P(1, "lan.pt", 9001, InternetAccess.Vpn, "vpn.pt", 9443), P(2, "LAN.pt", 9001, InternetAccess.Vpn, "vpn.pt", 9444));
        RouteWarning w = Assert.Single(r.Warnings);
        Assert.Equal(RouteWarnings.SameEndpoint, w.MessageKey);
        Assert.Equal([1, 2, "lan.pt:9001"], w.Args);
    }

    [Fact]
    public void A_profile_port_that_is_now_the_MSS_port_is_a_warning()
    {
        var r = Of(1, null, P(1, "lan.pt", 9000, InternetAccess.Vpn, "vpn.pt", 9443));
        Assert.Equal([RouteWarnings.PortIsMssPort], Keys(r));
    }

    [Fact]
    public void A_good_configuration_has_no_warning() =>
        Assert.Empty(Of(1, 2, P(1, "lan.pt", 9001, InternetAccess.PublicInternet, "sync.pt", 443), P(2, "lan2.pt", 9002, InternetAccess.MobileData, "m.pt", 9443)).Warnings);

    [Fact]
    public void Settings_naming_a_profile_that_does_not_exist_is_a_warning()
    {
        RouteWarning w = Assert.Single(Of(1, 7, P(1, "lan.pt", 9001, InternetAccess.Vpn, "vpn.pt", 9443)).Warnings);
        Assert.Equal((RouteWarnings.MissingProfile, 7), (w.MessageKey, (int)w.Args[0]));
    }
}
