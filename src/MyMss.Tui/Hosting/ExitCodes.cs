namespace MyMss.Tui.Hosting;

/// <summary>Exit codes of docs/exit-codes.md.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int NotFoundOrConflict = 3;
    public const int StorageOrConfig = 4;
}
