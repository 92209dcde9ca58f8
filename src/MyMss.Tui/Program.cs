using MyMss.Storage;
using MyMss.Tui;
using MyMss.Tui.Cli;
using MyMss.Tui.Hosting;

FilePermissions.RestrictNewFilesToOwner();
try
{
    return new CliApp(new AppHost(), Console.Out, Console.Error, Console.In, canPrompt: !Console.IsInputRedirected).Run(args);
}
catch (Exception e)
{
    string log = ErrorLog.Write(e, null);
    Console.Error.WriteLine($"mymss: {e.GetType().Name}: {e.Message} ({log})");
    return ExitCodes.StorageOrConfig;
}
