using System.Text;

namespace MyMss.Tui.Cli;

/// <summary>Passwords come from the first line of stdin or from a no-echo prompt on the terminal, never from argv.</summary>
public static class PasswordReader
{
    public static string FromStdin(TextReader input)
    {
        string line = input.ReadLine() ?? "";
        return line.TrimEnd('\r');
    }

    /// <summary>Reads a line from the terminal without echoing it (only when standard input is one: <see cref="CliContext.CanPrompt"/>).</summary>
    public static string Prompt(string label, TextWriter prompt)
    {
        prompt.Write(label);
        prompt.Flush();
        var text = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                    text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
        prompt.WriteLine();
        return text.ToString();
    }
}
