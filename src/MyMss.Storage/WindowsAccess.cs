using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace MyMss.Storage;

/// <summary>
/// Who may open the files mymss creates on Windows. Each file and folder gets its access list when it is created, not
/// from its folder (ProgramData lets every user of the machine read what is created in it): Administrators, SYSTEM
/// and the account that created it, with full control — and, when the configuration names one (Database:Group), a
/// local group of technicians, with read and write ("Modify"), on the database's files. A folder mymss creates hands
/// the same list down to what is created in it. The list is protected: nothing is inherited from above.
/// </summary>
public static class WindowsAccess
{
    /// <summary>What a group of technicians may do: read, write, create and delete files (Windows' "Modify").</summary>
    public const int ModifyRights = 0x1301BF;

    /// <summary>The security descriptor of a new file or folder, in SDDL: owner-only, plus the group when one is given.</summary>
    /// <param name="userSid">The creating account (its SID, e.g. S-1-5-21-…-1001).</param>
    /// <param name="groupSid">The local group sharing the database, or null.</param>
    /// <param name="folder">Folders pass their entries on to the files and folders created in them.</param>
    public static string Sddl(string userSid, string? groupSid, bool folder)
    {
        string inherit = folder ? "OICI" : "";
        string entries = $"(A;{inherit};FA;;;BA)(A;{inherit};FA;;;SY)(A;{inherit};FA;;;{userSid})";
        if (groupSid is not null && groupSid != userSid)
            entries += $"(A;{inherit};0x{ModifyRights:X};;;{groupSid})";
        return "D:P" + entries;
    }

    /// <summary>The group that shares the database's files, as a SID; null: owner-only (the default).</summary>
    public static string? Group { get; private set; }

    /// <summary>Shares the database's files created from now on with a group (its SID, from <see cref="Resolve"/>); null: owner-only.</summary>
    public static void ShareWith(string? groupSid) => Group = groupSid;

    /// <summary>A group's SID from its name (mymss, BUILTIN\Users, DOMAIN\Group) or its SID written out.</summary>
    [SupportedOSPlatform("windows")]
    public static string Resolve(string nameOrSid)
    {
        try
        {
            return nameOrSid.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase)
                ? new SecurityIdentifier(nameOrSid).Value
                : ((SecurityIdentifier)new NTAccount(nameOrSid).Translate(typeof(SecurityIdentifier))).Value;
        }
        catch (Exception e) when (e is IdentityNotMappedException or ArgumentException or System.ComponentModel.Win32Exception)
        {
            throw new ArgumentException(nameOrSid, e);
        }
    }

    /// <summary>Opens <paramref name="path"/>; if this creates it, with the access list (the group's entry when <paramref name="shared"/>).</summary>
    [SupportedOSPlatform("windows")]
    public static FileStream Open(string path, FileMode mode, FileShare share, FileAccess access, int bufferSize, bool shared)
    {
        var security = new FileSecurity();
        security.SetSecurityDescriptorSddlForm(Sddl(CurrentUser, shared ? Group : null, folder: false));
        FileSystemRights rights = FileSystemRights.Synchronize
            | ((access & FileAccess.Read) != 0 ? FileSystemRights.Read : 0)
            | ((access & FileAccess.Write) != 0 ? (mode == FileMode.Append ? FileSystemRights.AppendData : FileSystemRights.Write) : 0);
        // bufferSize 0 (unbuffered) is 1 for this API.
        return new FileInfo(path).Create(mode, rights, share, Math.Max(bufferSize, 1), FileOptions.None, security);
    }

    /// <summary>Creates <paramref name="path"/> and its missing parents, each with the access list (and the group's entry when <paramref name="shared"/>).</summary>
    [SupportedOSPlatform("windows")]
    public static void CreateFolder(string path, bool shared)
    {
        var security = new DirectorySecurity();
        security.SetSecurityDescriptorSddlForm(Sddl(CurrentUser, shared ? Group : null, folder: true));
        new DirectoryInfo(path).Create(security);
    }

    /// <summary>The accounts a file's access list lets in (DOMAIN\name, or the SID when it has no name here).</summary>
    [SupportedOSPlatform("windows")]
    public static IReadOnlyList<string> Accounts(string path)
    {
        FileSecurity security = new FileInfo(path).GetAccessControl();
        return security.GetAccessRules(includeExplicit: true, includeInherited: true, typeof(SecurityIdentifier))
            .Cast<FileSystemAccessRule>()
            .Where(r => r.AccessControlType == AccessControlType.Allow)
            .Select(r => Name((SecurityIdentifier)r.IdentityReference))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The account this process runs as: DOMAIN\name.</summary>
    [SupportedOSPlatform("windows")]
    public static string CurrentAccount => WindowsIdentity.GetCurrent().Name;

    [SupportedOSPlatform("windows")]
    private static string CurrentUser => WindowsIdentity.GetCurrent().User?.Value
        ?? throw new UnauthorizedAccessException("this process has no user account");

    [SupportedOSPlatform("windows")]
    private static string Name(SecurityIdentifier sid)
    {
        try
        {
            return sid.Translate(typeof(NTAccount)).Value;
        }
        catch (Exception e) when (e is IdentityNotMappedException or System.ComponentModel.Win32Exception)
        {
            return sid.Value;
        }
    }
}
