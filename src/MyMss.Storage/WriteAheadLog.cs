using System.Buffers.Binary;
using MyMss.Core.Ports;

namespace MyMss.Storage;

/// <summary>
/// Checks LiteDB's write-ahead log (<c>mymss-log.db</c>) before LiteDB reads it. LiteDB 5.0.21 applies every page of a
/// log it is given: with random bytes in it, it wrote "pages" at offsets of terabytes into the data file. So the log must
/// look like LiteDB's, page by page (the page header layout of LiteDB's BasePage), or nothing is opened.
/// </summary>
internal static class WriteAheadLog
{
    private const int PageSize = DatabaseFileGuard.PageSize;
    private const int PageHeaderSize = 32;
    private const int SignatureEnd = DatabaseFileGuard.HeaderOffset + 28; // the signature and the file version byte
    private const byte HeaderPageType = 1, LastPageType = 4, FileVersion = 8;

    /// <summary>LiteDB's name for the log of a data file: "mymss.db" → "mymss-log.db".</summary>
    public static string PathOf(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(dataPath) ?? "", Path.GetFileNameWithoutExtension(dataPath) + "-log" + Path.GetExtension(dataPath));

    /// <summary>
    /// Refuses (<see cref="StoreMessageKeys.DamagedLog"/>, naming the log) a log that LiteDB did not write for a data file of
    /// <paramref name="dataPages"/> whole pages, without changing it. A log is LiteDB's when each whole page is blank (LiteDB
    /// skips those) or has a page header LiteDB could have written, with a page id that the data file and the log together
    /// can hold; a last partial page is a torn append (LiteDB drops it) only if it is blank or starts with such a header.
    /// Returns the ids of the pages that committed transactions in the log hold.
    /// </summary>
    public static IReadOnlySet<uint> Inspect(string logPath, long dataPages)
    {
        FileStream log;
        try
        {
            log = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new HashSet<uint>();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreMessageKeys.CannotOpen, logPath, e);
        }
        using (log)
        {
            long length = log.Length, pages = length / PageSize, maxPages = dataPages + pages;
            var header = new byte[SignatureEnd];
            var transactions = new Dictionary<uint, List<uint>>();
            var committed = new HashSet<uint>();
            bool anyPage = false;
            for (long i = 0; i < pages; i++)
            {
                int read = RandomAccess.Read(log.SafeFileHandle, header, i * PageSize);
                if (IsBlank(header))
                    continue;
                if (!IsPageHeader(header.AsSpan(0, read)))
                    throw Damaged(logPath);
                anyPage = true;
                uint pageId = BinaryPrimitives.ReadUInt32LittleEndian(header), transaction = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(14));
                if (!transactions.TryGetValue(transaction, out List<uint>? ids))
                    transactions[transaction] = ids = [];
                ids.Add(pageId);
                if (header[18] != 1)
                    continue;
                // The last page of a committed transaction: LiteDB will copy its pages into the data file. Each page a
                // transaction adds is in the log, so no page id can lie beyond the data file's pages plus the log's.
                // (Pages of a transaction that never committed are never copied, and may be any part of one.)
                if (ids.Any(id => id >= maxPages))
                    throw Damaged(logPath);
                committed.UnionWith(ids);
            }
            int rest = (int)(length % PageSize);
            if (rest > 0)
            {
                var tail = new byte[rest];
                int read = RandomAccess.Read(log.SafeFileHandle, tail, pages * PageSize);
                bool blank = !tail.AsSpan(0, read).ContainsAnyExcept((byte)0);
                if (!blank && !IsPageHeader(tail.AsSpan(0, Math.Min(read, SignatureEnd))))
                    throw Damaged(logPath);
            }
            if (anyPage && dataPages == 0)
                throw Damaged(logPath); // a log without the database it was written for
            return committed;
        }
    }

    private static StoreException Damaged(string logPath) => new(StoreMessageKeys.DamagedLog, logPath);

    /// <summary>LiteDB's own test for a page to skip: its first 16 bytes are zero.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> page) => !page[..16].ContainsAnyExcept((byte)0);

    /// <summary>Whether <paramref name="page"/> starts with a page header LiteDB writes to its log (fields of LiteDB's BasePage).</summary>
    private static bool IsPageHeader(ReadOnlySpan<byte> page)
    {
        if (page.Length < PageHeaderSize)
            return false;
        uint pageId = BinaryPrimitives.ReadUInt32LittleEndian(page);
        byte type = page[4];
        uint transaction = BinaryPrimitives.ReadUInt32LittleEndian(page[14..]);
        byte confirmed = page[18];
        ushort used = BinaryPrimitives.ReadUInt16LittleEndian(page[24..]);
        ushort fragmented = BinaryPrimitives.ReadUInt16LittleEndian(page[26..]);
        ushort nextFree = BinaryPrimitives.ReadUInt16LittleEndian(page[28..]);
        if (type > LastPageType || confirmed > 1 || transaction == 0 || transaction > int.MaxValue)
            return false;
        if (pageId == uint.MaxValue || (type == HeaderPageType) != (pageId == 0))
            return false;
        if (used > PageSize - PageHeaderSize || fragmented > used || nextFree < PageHeaderSize || nextFree > PageSize)
            return false;
        return type != HeaderPageType || page.Length < SignatureEnd
            || (DatabaseFileGuard.HasSignature(page) && page[SignatureEnd - 1] == FileVersion);
    }
}
