namespace MyMss.Storage.Tests;

/// <summary>
/// The access list a file or folder gets when mymss creates it on Windows, as SDDL (the Windows calls that apply it run
/// under Wine in tests/MyMss.Windows.Tests).
/// </summary>
public sealed class WindowsAccessTests
{
    private const string User = "S-1-5-21-1-2-3-1001", Group = "S-1-5-21-1-2-3-2001";

    [Fact]
    public void A_file_is_its_creators_Administrators_and_SYSTEMs_and_nothing_is_inherited()
    {
        Assert.Equal($"D:P(A;;FA;;;BA)(A;;FA;;;SY)(A;;FA;;;{User})", WindowsAccess.Sddl(User, null, folder: false));
    }

    [Fact]
    public void A_configured_group_may_read_and_write_but_not_change_the_list()
    {
        string sddl = WindowsAccess.Sddl(User, Group, folder: false);
        Assert.EndsWith($"(A;;0x1301BF;;;{Group})", sddl);
        // Modify: read, write, append, execute, delete, read attributes and permissions — not WRITE_DAC or WRITE_OWNER.
        const int writeDac = 0x40000, writeOwner = 0x80000;
        Assert.Equal(0, WindowsAccess.ModifyRights & (writeDac | writeOwner));
        Assert.NotEqual(0, WindowsAccess.ModifyRights & 0x2); // FILE_WRITE_DATA
    }

    [Fact]
    public void A_folder_hands_its_entries_down_to_what_is_created_in_it()
    {
        string sddl = WindowsAccess.Sddl(User, Group, folder: true);
        Assert.StartsWith("D:P", sddl);
        Assert.Equal(4, sddl.Split("(A;OICI;").Length - 1);
    }

    [Fact]
    public void A_group_that_is_the_user_adds_no_second_entry()
    {
        Assert.Equal(WindowsAccess.Sddl(User, null, folder: false), WindowsAccess.Sddl(User, User, folder: false));
    }
}
