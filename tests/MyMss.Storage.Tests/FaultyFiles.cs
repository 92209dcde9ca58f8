namespace MyMss.Storage.Tests;

public enum Fault
{
    /// <summary>The N-th write or sync fails with ENOSPC and writes nothing.</summary>
    DiskFull,
    /// <summary>The N-th write or sync fails with EIO and writes nothing.</summary>
    IoError,
    /// <summary>The N-th write writes only its first half, then fails with ENOSPC (a short write on a full disk).</summary>
    PartialWrite,
    /// <summary>The power goes at the N-th write or sync: it and everything after it fail; <see cref="FaultyFiles.PowerCut"/> then decides what reached the disk.</summary>
    PowerCut,
}

/// <summary>What of the writes since the last sync survives a power cut.</summary>
public enum Tear
{
    /// <summary>None of them.</summary>
    DropAll,
    /// <summary>All of them (the kernel had written them back).</summary>
    KeepAll,
    /// <summary>Each 512-byte sector of each of them, independently, or not; a truncation, or not.</summary>
    RandomSectors,
}

/// <summary>
/// The files under LiteDB's streams, with one fault at the N-th operation (writes and syncs of both files, counted from
/// the first). Real files in the test's folder; a sync flushes to the file but not to the disk (what is durable is
/// modelled: the content of a file at its last sync), which keeps thousands of runs fast.
/// </summary>
internal sealed class FaultyFiles : IFileOpener
{
    public const int Enospc = 28, Eio = 5;
    private const int Sector = 512;
    private readonly Fault _fault;
    private readonly long _failAt;
    private readonly Dictionary<string, FileModel> _files = new();

    public FaultyFiles(Fault fault, long failAt)
    {
        _fault = fault;
        _failAt = failAt;
    }

    /// <summary>No fault at all: counts the operations, and records them.</summary>
    public static FaultyFiles None() => new(Fault.DiskFull, long.MaxValue);

    /// <summary>Writes and syncs so far (for <see cref="Fault.PartialWrite"/>, writes only).</summary>
    public long Operations { get; private set; }

    public bool Fired { get; private set; }
    public bool PoweredOff { get; private set; }

    /// <summary>Every write, sync and truncation, as "write|sync|cut data|log offset length".</summary>
    public List<string> Journal { get; } = [];

    Stream? IFileOpener.Open(string path, bool create)
    {
        if (PoweredOff)
            throw new PowerCutException();
        bool exists = File.Exists(path);
        if (!exists && !create)
            return null;
        var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.ReadWrite, BufferSize = 0 });
        if (!exists || !_files.TryGetValue(path, out FileModel? model))
            _files[path] = model = new FileModel(exists ? File.ReadAllBytes(path) : []);
        return new FaultyStream(this, path, file, model);
    }

    /// <summary>
    /// After the power went: writes into each file what a disk would hold — its content at its last sync, plus what
    /// <paramref name="tear"/> keeps of the writes since (a sector is written whole or not at all).
    /// </summary>
    public void PowerCut(Tear tear, int seed)
    {
        var random = new Random(seed);
        foreach (var (path, model) in _files)
        {
            if (!File.Exists(path))
                continue; // removed once empty (the log after a checkpoint)
            var image = new MemoryStream();
            image.Write(model.Durable);
            foreach (Pending op in model.Pending)
            {
                if (op.Data is null)
                {
                    if (tear == Tear.KeepAll || (tear == Tear.RandomSectors && random.Next(2) == 0))
                        image.SetLength(op.Offset);
                    continue;
                }
                bool any = false;
                for (int s = 0; s < op.Data.Length; s += Sector)
                {
                    bool keep = tear == Tear.KeepAll || (tear == Tear.RandomSectors && random.Next(3) != 0);
                    if (!keep)
                        continue;
                    any = true;
                    if (image.Length < op.Offset + s)
                        image.SetLength(op.Offset + s);
                    image.Position = op.Offset + s;
                    image.Write(op.Data, s, Math.Min(Sector, op.Data.Length - s));
                }
                if (any && image.Length < op.Offset + op.Data.Length)
                    image.SetLength(op.Offset + op.Data.Length); // the size reached the disk; missing sectors read as zeros
            }
            File.WriteAllBytes(path, image.ToArray());
        }
    }

    private void Count(string what)
    {
        if (PoweredOff)
            throw new PowerCutException();
        if (++Operations != _failAt)
            return;
        Fired = true;
        switch (_fault)
        {
            case Fault.PowerCut:
                PoweredOff = true;
                throw new PowerCutException();
            case Fault.IoError:
                throw new IOException($"injected EIO at {what}", Eio);
            default:
                throw new IOException($"injected ENOSPC at {what}", Enospc);
        }
    }

    private static string Role(string path) => path.EndsWith("-log.db", StringComparison.Ordinal) ? "log" : "data";

    private sealed record Pending(long Offset, byte[]? Data);

    private sealed class FileModel(byte[] durable)
    {
        public byte[] Durable { get; set; } = durable;
        public List<Pending> Pending { get; } = [];
    }

    private sealed class FaultyStream(FaultyFiles owner, string path, FileStream file, FileModel model) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => true;
        public override long Length => file.Length;
        public override long Position { get => file.Position; set => file.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (owner.PoweredOff)
                throw new PowerCutException();
            return file.Read(buffer, offset, count);
        }

        public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

        public override void Write(byte[] buffer, int offset, int count)
        {
            long at = file.Position;
            string what = $"write {Role(path)} {at} {count}";
            if (owner._fault == Fault.PartialWrite)
            {
                if (owner.PoweredOff)
                    throw new PowerCutException();
                if (++owner.Operations == owner._failAt)
                {
                    owner.Fired = true;
                    Apply(at, buffer, offset, count / 2);
                    throw new IOException($"injected short write at {what}", Enospc);
                }
            }
            else
            {
                owner.Count(what);
            }
            Apply(at, buffer, offset, count);
            owner.Journal.Add(what);
        }

        private void Apply(long at, byte[] buffer, int offset, int count)
        {
            file.Position = at;
            file.Write(buffer, offset, count);
            model.Pending.Add(new Pending(at, buffer.AsSpan(offset, count).ToArray()));
        }

        /// <summary>A sync: what the file holds now is what the disk holds.</summary>
        public override void Flush()
        {
            string what = $"sync {Role(path)}";
            if (owner._fault != Fault.PartialWrite)
                owner.Count(what);
            else if (owner.PoweredOff)
                throw new PowerCutException();
            file.Flush();
            model.Durable = File.ReadAllBytes(path);
            model.Pending.Clear();
            owner.Journal.Add(what);
        }

        public override void SetLength(long value)
        {
            if (owner.PoweredOff)
                throw new PowerCutException();
            file.SetLength(value);
            model.Pending.Add(new Pending(value, null));
            owner.Journal.Add($"cut {Role(path)} {value}");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                file.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>Every operation after the power went.</summary>
public sealed class PowerCutException() : IOException("the power went", FaultyFiles.Eio);
