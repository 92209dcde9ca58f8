using MyMss.Storage;
using MyMss.Tui;
using MyMss.Tui.Cli;
using MyMss.Tui.Hosting;

FilePermissions.RestrictNewFilesToOwner();
using Utf8Console console = Utf8Console.Use(); // before the first write: Console.Out is made in the console's encoding
var host = new AppHost();
try
{
    return new CliApp(host, Console.Out, Console.Error, Console.In, canPrompt: !Console.IsInputRedirected).Run(args);
}
catch (Exception e)
{
    string log = ErrorLog.Write(e, host.DatabasePath); // beside the database once the configuration named it
    Console.Error.WriteLine($"mymss: {e.GetType().Name}: {e.Message} ({log})");
    return ExitCodes.StorageOrConfig;
}
