using MyMss.Core.Domain;
using MyMss.Core.Rules;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace MyMss.Tui.Tests;

/// <summary>Thousands of random keys (fixed seeds) on the real screen and its dialogs: no crash, and the database stays valid.</summary>
[Collection(ScreenCollection.Name)]
public sealed class RandomKeysTests
{
    private static readonly Key[] Pool =
    [
        Key.F1, Key.F2, Key.F4, Key.F8, Key.F9, Key.F10, Key.Delete, Key.Enter, Key.Esc, Key.Tab, Key.Tab.WithShift, Key.Space,
        Key.CursorUp, Key.CursorDown, Key.CursorLeft, Key.CursorRight, Key.Home, Key.End, Key.PageUp, Key.PageDown, Key.Backspace,
        Key.N.WithAlt, Key.A.WithAlt, Key.E.WithAlt, Key.S.WithAlt, Key.V.WithAlt, Key.G.WithAlt, Key.D.WithAlt, Key.C.WithAlt,
        Key.D1.WithAlt, Key.D2.WithAlt, Key.D3.WithAlt, Key.S.WithCtrl, Key.PageDown.WithCtrl, Key.PageUp.WithCtrl,
        (Key)'1', (Key)'9', (Key)'0', (Key)'a', (Key)'.', (Key)'-', (Key)'?', (Key)'é', (Key)'ç',
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_keys_never_crash_the_screen_and_leave_a_valid_database(int seed)
    {
        const int keys = 1500;
        var random = new Random(seed);
        using var h = new ScreenHarness(seed: s =>
        {
            foreach (int code in new[] { 1, 2 })
                Assert.True(s.CreateProfile(s.NewProfileInput(s.Load().Profiles.Select(p => p.Code)) with
                {
                    Description = $"P{code}", Host = "h.pt", Port = (9000 + code).ToString(), Password = "pw",
                }).IsOk);
        });
        int sent = 0, iterations = 0;
        void OnIteration(object? sender, EventArgs<IApplication?> e)
        {
            if (++iterations > keys * 20)
            {
                h.App.RequestStop(h.App.TopRunnable);
                return;
            }
            if (sent >= keys)
            {
                h.App.RequestStop(h.App.TopRunnable); // close whatever is open, down to the main screen
                return;
            }
            sent++;
            Key key = Pool[random.Next(Pool.Length)];
            h.App.InjectKey(key);
        }
        h.App.Iteration += OnIteration;
        try
        {
            // Tab onto Sair and Space leaves the screen legitimately: start it again until every key is sent.
            while (sent < keys && iterations <= keys * 20)
                h.App.Run(h.Screen);
        }
        finally
        {
            h.App.Iteration -= OnIteration;
        }
        Assert.Equal(keys, sent);

        // The database opens and every invariant holds.
        var snap = h.Service.Load();
        var codes = snap.Profiles.Select(p => p.Code).ToHashSet();
        Assert.True(snap.Profiles.Count == 0 ? snap.Settings.DefaultProfile is null : codes.Contains(snap.Settings.DefaultProfile!.Value));
        Assert.True(snap.Settings.AlternativeProfile is null || (codes.Contains(snap.Settings.AlternativeProfile.Value) && snap.Settings.AlternativeProfile != snap.Settings.DefaultProfile));
        Assert.InRange(snap.Settings.FrequencyHours, 1, 720);
        foreach (SyncProfile p in snap.Profiles)
            Assert.Empty(ProfileRules.Validate(ProfileInput.From(p), h.Service.Options, creating: false).Errors);
    }
}
