using MyMss.Tui.Resources;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace MyMss.Tui.Screens.Keys;

/// <summary>A screen's keys, for whoever only shows them (status bar, help).</summary>
public interface IKeyTable
{
    IReadOnlyList<IBinding> Bindings { get; }
}

/// <summary>The key table of one kind of screen, in the order the status bar and the help list it.</summary>
public sealed class KeyTable<TScreen>(params Binding<TScreen>[] bindings) : IKeyTable
{
    public IReadOnlyList<Binding<TScreen>> Bindings { get; } = bindings;

    IReadOnlyList<IBinding> IKeyTable.Bindings => Bindings;

    /// <summary>The binding a key calls for, in the language of <paramref name="s"/>, with the cursor on <paramref name="focused"/>, if any.</summary>
    public Binding<TScreen>? Find(Strings s, Key key, View? focused)
    {
        foreach (Binding<TScreen> binding in Bindings)
            foreach (BoundKey bound in binding.KeysIn(s))
                if (bound.Key == key && bound.Applies(focused))
                    return binding;
        return null;
    }

    /// <summary>What the key does to <paramref name="screen"/>, or null when it is not one of its keys.</summary>
    public Action? ActionFor(Strings s, TScreen screen, Key key, View? focused) =>
        Find(s, key, focused) is Binding<TScreen> binding ? () => binding.Run(screen) : null;
}

/// <summary>A screen that takes its keys from a key table (see <see cref="KeyDispatch"/>).</summary>
public interface IKeyedScreen
{
    IKeyTable KeyTable { get; }

    /// <summary>What the key does here, with the cursor where it is now; null when the key is not the screen's.</summary>
    Action? ActionFor(Key key);
}
