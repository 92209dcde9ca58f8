using MyMss.Core.Domain;
using MyMss.Core.Rules;
using MyMss.Core.Services;
using MyMss.Tui.Resources;
using MyMss.Tui.Screens;
using Terminal.Gui.App;
using Terminal.Gui.Views;

namespace MyMss.Tui.Drafts;

/// <summary>
/// Drafts (rascunhos): while the profile editor holds values that are not saved, they are kept in this session's draft
/// beside the database, rewritten after each key; leaving the editor (Sair) or saving it (Validar) removes the draft.
/// When the session dies instead — a signal, a dropped link, kill -9 — the draft stays, and the next start on that
/// database by the same OS user offers to restore it into the editor or to discard it. A draft of a profile that
/// changed meanwhile opens with the conflict said, as after "alterado noutra sessão": what was typed is kept, and the
/// next Validar applies it over the current version.
/// </summary>
public sealed class DraftKeeper(DraftStore store, SyncConfiguration service, Strings strings, Func<bool> stopping, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private ProfileEditor? _editor;
    private SessionDraft? _draft;
    private ProfileInput? _written;
    private bool _nowhere;

    /// <summary>The draft file of the editor now open, if it has one.</summary>
    public string? DraftPath => _draft?.Path;

    /// <summary>
    /// Follows every profile editor <paramref name="app"/> runs, and keeps its draft at the start of each iteration
    /// (after a key's work), until the result is disposed.
    /// </summary>
    public IDisposable Install(IApplication app)
    {
        EventHandler<SessionTokenEventArgs> begun = (_, e) =>
        {
            if (e.State?.Runnable is ProfileEditor editor && editor != _editor)
                Follow(editor);
        };
        EventHandler<EventArgs<IApplication?>> iteration = (_, _) => Keep();
        app.SessionBegun += begun;
        app.Iteration += iteration;
        return new Unsubscribe(() =>
        {
            app.SessionBegun -= begun;
            app.Iteration -= iteration;
        });
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    /// <summary>Offers the drafts a dead session left once <paramref name="screen"/> is running.</summary>
    public void OfferLater(IApplication app, MainScreen screen) => app.AddTimeout(TimeSpan.Zero, () =>
    {
        OfferLeftDrafts(app, screen);
        return false;
    });

    private void Follow(ProfileEditor editor)
    {
        _editor = editor;
        _nowhere = false;
        editor.IsRunningChanged += (_, e) =>
        {
            if (!e.Value && _editor == editor)
                Closed();
        };
    }

    /// <summary>Writes the editor's unsaved values when they changed; removes the draft when nothing is unsaved any more.</summary>
    public void Keep()
    {
        if (_editor is null)
            return;
        try
        {
            ProfileInput? unsaved = _editor.Unsaved();
            if (unsaved is null)
            {
                _draft?.Discard();
                _draft = null;
                _written = null;
                return;
            }
            if (_written is not null && unsaved.SameAs(_written))
                return;
            if (_draft is null && !_nowhere)
            {
                _draft = store.Begin();
                _nowhere = _draft is null; // no folder or no right to write there: the editor works on without drafts
            }
            _draft?.Write(new Draft(DraftStore.CurrentUser, _clock.GetUtcNow(), _editor.EditedCode, unsaved, _editor.Opened));
            _written = unsaved;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A draft is a safety net: a full disk must not stop the technician from typing (or from saving).
        }
    }

    /// <summary>The editor closed: left or saved by the technician (the draft goes), or stopped by the session ending (it stays).</summary>
    private void Closed()
    {
        if (stopping())
        {
            Keep(); // what the last key did
            _draft?.Dispose();
        }
        else
        {
            _draft?.Discard();
        }
        _draft = null;
        _written = null;
        _editor = null;
    }

    /// <summary>One question per draft left, newest first: restore it into the editor, or discard it; Esc keeps it for the next start.</summary>
    public void OfferLeftDrafts(IApplication app, MainScreen screen)
    {
        IReadOnlyList<LeftDraft> left = store.Left();
        try
        {
            foreach (LeftDraft d in left)
            {
                if (stopping())
                    break;
                Draft draft = d.Draft!;
                string what = draft.ProfileCode is int code
                    ? strings.Format(TextKey.Draft_OfProfile, code, draft.Input.Description)
                    : strings.Format(TextKey.Draft_OfNew, draft.Input.Code, draft.Input.Description);
                string question = strings.Format(TextKey.Draft_Question, what, draft.SavedAtUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
                int? choice = MessageBox.Query(app, strings[TextKey.Draft_Title], question, strings[TextKey.Draft_Discard], strings[TextKey.Draft_Restore]);
                if (choice == 0)
                    d.Discard();
                else if (choice == 1)
                    Restore(screen, d);
                else
                    break;
            }
        }
        finally
        {
            foreach (LeftDraft d in left)
                d.Dispose();
        }
    }

    private void Restore(MainScreen screen, LeftDraft left)
    {
        Draft draft = left.Draft!;
        SyncProfile? current = draft.ProfileCode is int code ? service.Profile(code) : null;
        ProfileInput values = draft.Input;
        FieldError? note = null;
        if (draft.ProfileCode is int gone && current is null)
        {
            note = new FieldError(Fields.Code, nameof(TextKey.Draft_ProfileGone), gone); // opens as Novo, with its code
        }
        else if (current is not null && current.Version != draft.Input.ExpectedVersion)
        {
            values = draft.Over(service.EditInput(current)); // what was typed, over what the other session saved
            note = new FieldError(Fields.Version, nameof(TextKey.Draft_ChangedSince));
        }
        screen.OpenEditorWith(current, editor =>
        {
            editor.Restore(values, note);
            Follow(editor);
            Keep();
            if (_written is not null || editor.Unsaved() is null)
                left.Discard(); // this session's draft holds it now (or it held nothing the profile does not)
        });
    }
}
