namespace MyMss.Tui.Screens;

/// <summary>The main screen's side of drafts (Drafts/DraftKeeper.cs): an editor opened over a draft.</summary>
public sealed partial class MainScreen
{
    /// <summary>Opens the editor on <paramref name="profile"/> (null: Novo), filled by <paramref name="prepare"/> before it shows.</summary>
    public void OpenEditorWith(Core.Domain.SyncProfile? profile, Action<ProfileEditor> prepare) => OpenEditor(profile, prepare: prepare);
}
