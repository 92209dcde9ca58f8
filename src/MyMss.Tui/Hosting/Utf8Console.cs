using System.Text;

namespace MyMss.Tui.Hosting;

/// <summary>
/// Windows: the console speaks UTF-8 for as long as mymss runs. A Windows console starts in the machine's OEM code page
/// (850, 437…), in which "sincronização" comes out as "sincroniza��o" and accents typed or piped in are lost; a
/// pipe or file gets UTF-8 too, as on Linux. The console's own code pages are given back at the end, so the shell that
/// started mymss is left as it was. Elsewhere nothing changes: Linux terminals and pipes are UTF-8 already.
/// </summary>
public sealed class Utf8Console : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Encoding? _output, _input;

    private Utf8Console(Encoding? output, Encoding? input)
    {
        _output = output;
        _input = input;
    }

    public static Utf8Console Use()
    {
        if (!OperatingSystem.IsWindows())
            return new Utf8Console(null, null);
        Encoding? output = Swap(() => Console.OutputEncoding, e => Console.OutputEncoding = e);
        Encoding? input = Swap(() => Console.InputEncoding, e => Console.InputEncoding = e);
        // Without a console (a service, a pipe from another program) the code pages cannot be set: write and read UTF-8 anyway.
        if (output is null && Console.OutputEncoding.CodePage != Utf8.CodePage)
        {
            Console.SetOut(new StreamWriter(Console.OpenStandardOutput(), Utf8) { AutoFlush = true });
            Console.SetError(new StreamWriter(Console.OpenStandardError(), Utf8) { AutoFlush = true });
        }
        if (input is null && Console.IsInputRedirected && Console.InputEncoding.CodePage != Utf8.CodePage)
            Console.SetIn(new StreamReader(Console.OpenStandardInput(), Utf8, detectEncodingFromByteOrderMarks: true));
        return new Utf8Console(output, input);
    }

    /// <summary>Sets UTF-8; the encoding to give back, or null when it was UTF-8 already or cannot be set.</summary>
    private static Encoding? Swap(Func<Encoding> get, Action<Encoding> set)
    {
        try
        {
            Encoding before = get();
            if (before.CodePage == Utf8.CodePage)
                return null;
            set(Utf8);
            return before.CodePage > 0 ? before : null; // 0: no console code page to give back
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            if (_output is not null)
                Console.OutputEncoding = _output;
            if (_input is not null)
                Console.InputEncoding = _input;
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            // The console went away first: nothing to give back.
        }
    }
}
