namespace MyMss.Storage.Tests;

/// <summary>A folder of its own for each test, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("mymss-test-").FullName;
        Path = System.IO.Path.Combine(Folder, "data", "mymss.db");
    }

    public string Folder { get; }
    public string Path { get; }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
