namespace MyMss.Storage;

/// <summary>
/// The data file and its write-ahead log as the two streams LiteDB is opened on (<c>new LiteDatabase(data, mapper, log)</c>),
/// with the order of writes LiteDB 5.0.21 lacks. LiteDB appends a commit's pages to the log without syncing it and, at a
/// checkpoint, overwrites the data file in place and syncs only the data file: a power cut in between tears pages that the
/// log cannot repair. Here:
/// <list type="bullet">
/// <item>the log is synced before any page of the data file is written, and a truncated log before it is written again;</item>
/// <item>the page that confirms a transaction reaches the log only after the transaction's other pages, and whole;</item>
/// <item><see cref="SyncLog"/> makes a commit durable: the store acknowledges a change only after it;</item>
/// <item>the data file grows only by as many pages as the log holds, so a damaged log cannot make it grow without bound;</item>
/// <item>after the first failed write or sync (<see cref="Fault"/>) nothing more is written, and <see cref="RestoreAfterFault"/>
///   cuts both files back to their last durable state, so that a failed unit of work changes nothing.</item>
/// </list>
/// </summary>
internal sealed class DatabaseFiles : IDisposable
{
    private const int PageSize = DatabaseFileGuard.PageSize;
    private const int ConfirmedFlag = 18; // offset of IsConfirmed in LiteDB's page header (BasePage.P_IS_CONFIRMED)
    private readonly IFileOpener _opener;
    private readonly PageStream _data, _log;
    private long _dataBaseline; // the data file's length when the log was last empty: pages beyond it exist only through the log
    private long _logDurable;   // the log's length at its last sync or truncation: where a failed unit of work leaves it
    private bool _logWritten;   // appended to since the last sync
    private bool _logCut;       // truncated since the last sync
    private long? _unsyncedConfirmation; // where a transaction's confirmation flag was set since the last sync

    public DatabaseFiles(string dataPath, string logPath, IFileOpener opener)
    {
        _opener = opener;
        _data = new PageStream(this, dataPath, opener.Open(dataPath, create: true)!);
        try
        {
            _log = new PageStream(this, logPath, opener.Open(logPath, create: false));
        }
        catch
        {
            _data.Raw?.Dispose();
            throw;
        }
        _dataBaseline = _data.Length;
        _logDurable = _log.Length;
    }

    public Stream Data => _data;
    public Stream Log => _log;
    public string LogPath => _log.Path;

    /// <summary>The first write or sync that failed; from then on nothing more is written.</summary>
    public IOException? Fault { get; private set; }

    /// <summary>Everything appended to the log reaches the disk (fsync).</summary>
    public void SyncLog()
    {
        if (_log.Raw is null || !(_logWritten || _logCut))
            return;
        ThrowIfFaulted();
        Do(_log.Raw.Flush);
        _logWritten = _logCut = false;
        _unsyncedConfirmation = null;
        _logDurable = _log.Raw.Length;
    }

    /// <summary>
    /// After a fault: the log back to its last durable length (an unfinished commit disappears) and the data file back to
    /// its length when the log was last empty (pages a checkpoint added are still in the log, which the next open applies).
    /// Pages the checkpoint overwrote in place are in the log too. Best effort: the next open repairs what this cannot.
    /// </summary>
    public void RestoreAfterFault()
    {
        if (Fault is null)
            return;
        if (_unsyncedConfirmation is long flag && flag < _logDurable)
            Unconfirm(_log.Raw!, flag);
        Cut(_log.Raw, _logDurable);
        Cut(_data.Raw, _dataBaseline);
    }

    /// <summary>The commit whose sync failed may be on disk anyway: it must not count as committed at the next open.</summary>
    private static void Unconfirm(Stream log, long flag)
    {
        try
        {
            log.Position = flag;
            log.Write([0], 0, 1);
            log.Flush();
        }
        catch (IOException)
        {
        }
    }

    private static void Cut(Stream? file, long length)
    {
        if (file is null)
            return;
        try
        {
            if (file.Length > length)
            {
                file.SetLength(length);
                file.Flush();
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Closes both files, and removes the log when it is empty (as LiteDB does with files it opens itself).</summary>
    public void Dispose()
    {
        _data.Raw?.Dispose();
        bool empty = _log.Raw is { Length: 0 } && Fault is null;
        _log.Raw?.Dispose();
        if (empty)
        {
            try
            {
                File.Delete(_log.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An empty log is harmless: LiteDB reads nothing from it.
            }
        }
    }

    private void ThrowIfFaulted()
    {
        if (Fault is not null)
            throw new IOException("an earlier write of this unit of work failed; nothing more is written", Fault);
    }

    /// <summary>Runs one operation on a file and remembers the first that fails.</summary>
    private void Do(Action operation)
    {
        try
        {
            operation();
        }
        catch (IOException e)
        {
            Fault ??= e;
            throw;
        }
    }

    private void Write(PageStream stream, byte[] buffer, int offset, int count)
    {
        ThrowIfFaulted();
        long at = stream.Position;
        if (stream == _data)
        {
            long explained = Math.Max(_dataBaseline, PageSize) + _log.Length;
            if (at + count > explained)
            {
                Fault = new LogBeyondDataException(_log.Path, at / PageSize);
                throw Fault;
            }
            SyncLog();
            WriteAt(_data.Raw!, at, buffer, offset, count);
        }
        else
        {
            if (_logCut)
                SyncLog(); // the truncation is durable before new pages land where old ones were
            Stream raw = stream.Raw ??= Opened(stream.Path);
            _logWritten = true;
            if (count == PageSize && at % PageSize == 0 && buffer[offset + ConfirmedFlag] == 1)
            {
                // The page that confirms a transaction (LiteDB's IsConfirmed byte). The log has no checksums, so a power cut
                // must not leave that flag on disk without every page of the transaction, or on a torn page: the page goes
                // down unconfirmed, the log is synced, then the flag alone is set (one byte, within one sector).
                byte[] unconfirmed = buffer.AsSpan(offset, count).ToArray();
                unconfirmed[ConfirmedFlag] = 0;
                WriteAt(raw, at, unconfirmed, 0, count);
                SyncLog();
                _logWritten = true;
                _unsyncedConfirmation = at + ConfirmedFlag;
                WriteAt(raw, at + ConfirmedFlag, [1], 0, 1);
            }
            else
            {
                WriteAt(raw, at, buffer, offset, count);
            }
        }
        stream.Position = at + count;
    }

    private void WriteAt(Stream raw, long at, byte[] buffer, int offset, int count) => Do(() =>
    {
        raw.Position = at;
        raw.Write(buffer, offset, count);
    });

    private Stream Opened(string path)
    {
        Stream? raw = null;
        Do(() => raw = _opener.Open(path, create: true));
        return raw!;
    }

    private void Flush(PageStream stream)
    {
        if (stream == _log)
        {
            SyncLog();
            return;
        }
        ThrowIfFaulted();
        Do(stream.Raw!.Flush);
        if (_log.Length == 0)
            _dataBaseline = _data.Length; // a new database's first page, written before any log
    }

    private void SetLength(PageStream stream, long length)
    {
        ThrowIfFaulted();
        if (stream.Raw is null)
        {
            if (length == 0)
                return;
            stream.Raw = Opened(stream.Path);
        }
        Stream raw = stream.Raw;
        Do(() => raw.SetLength(length));
        if (stream == _log)
        {
            _logCut = true;
            _logDurable = length;
            if (length == 0)
                _dataBaseline = _data.Length; // a checkpoint finished: the data file holds everything
        }
        else
        {
            _dataBaseline = Math.Min(_dataBaseline, length);
        }
    }

    /// <summary>One of the two files, as LiteDB sees it; the log's file is created at its first write.</summary>
    private sealed class PageStream(DatabaseFiles owner, string path, Stream? raw) : Stream
    {
        public string Path { get; } = path;
        public Stream? Raw { get; set; } = raw;

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => true;
        public override long Length => Raw?.Length ?? 0;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Raw is null)
                return 0;
            Raw.Position = Position;
            int read = Raw.Read(buffer, offset, count);
            Position += read;
            return read;
        }

        public override void Write(byte[] buffer, int offset, int count) => owner.Write(this, buffer, offset, count);
        public override void Flush() => owner.Flush(this);
        public override void SetLength(long value) => owner.SetLength(this, value);

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => Length + offset,
        };
    }
}

/// <summary>LiteDB was about to write a page of the data file that neither the file nor its log can explain: the log is not LiteDB's.</summary>
internal sealed class LogBeyondDataException(string logPath, long pageId)
    : IOException($"{logPath}: page {pageId} lies beyond what the data file and its log hold")
{
    public string LogPath { get; } = logPath;
}
