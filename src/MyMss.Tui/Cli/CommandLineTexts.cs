using System.CommandLine;
using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using MyMss.Tui.Resources;

namespace MyMss.Tui.Cli;

/// <summary>
/// System.CommandLine writes words of its own — the help's headings, "(REQUIRED)", the --help and --version lines, every
/// parse error — from an English resource file inside its assembly (only a Brazilian translation besides). They come from
/// tools/strings.tsv instead, in the run's language, so `mymss --help` and a mistyped command read in one language.
/// The library reads them through the ResourceManager of its internal Resources class; that manager is replaced, once,
/// by this one (an <see cref="UnsafeAccessorAttribute"/>, checked at compile time and kept by NativeAOT).
/// </summary>
public sealed class CommandLineTexts : ResourceManager
{
    private const string LibraryResources = "System.CommandLine.Properties.Resources, System.CommandLine";
    private static readonly AsyncLocal<Strings?> Language = new();
    private static readonly Lock Gate = new();
    private static bool _installed;
    private readonly ResourceManager _english = new("System.CommandLine.Properties.Resources", typeof(RootCommand).Assembly);

    /// <summary>The library's texts, in this run's language from now on (for this run's flow only: tests run several at once).</summary>
    public static void Use(Strings strings)
    {
        Language.Value = strings;
        lock (Gate)
        {
            if (_installed)
                return;
            LibraryResourceManager(null) = new CommandLineTexts();
            _installed = true;
        }
    }

    public override string? GetString(string name, CultureInfo? culture) =>
        KeyOf(name) is TextKey key ? (Language.Value ?? new Strings("pt"))[key] : _english.GetString(name, CultureInfo.InvariantCulture);

    public override string? GetString(string name) => GetString(name, null);

    /// <summary>Every text System.CommandLine 2.0.0 has (a test fails if a new version brings one that is not here).</summary>
    public static TextKey? KeyOf(string name) => name switch
    {
        "ArgumentConversionCannotParse" => TextKey.Scl_ArgumentConversionCannotParse,
        "ArgumentConversionCannotParseForCommand" => TextKey.Scl_ArgumentConversionCannotParseForCommand,
        "ArgumentConversionCannotParseForCommand_Completions" => TextKey.Scl_ArgumentConversionCannotParseForCommand_Completions,
        "ArgumentConversionCannotParseForOption" => TextKey.Scl_ArgumentConversionCannotParseForOption,
        "ArgumentConversionCannotParseForOption_Completions" => TextKey.Scl_ArgumentConversionCannotParseForOption_Completions,
        "CommandRequiredArgumentMissing" => TextKey.Scl_CommandRequiredArgumentMissing,
        "DirectoryDoesNotExist" => TextKey.Scl_DirectoryDoesNotExist,
        "ErrorReadingResponseFile" => TextKey.Scl_ErrorReadingResponseFile,
        "ExceptionHandlerHeader" => TextKey.Scl_ExceptionHandlerHeader,
        "FileDoesNotExist" => TextKey.Scl_FileDoesNotExist,
        "FileOrDirectoryDoesNotExist" => TextKey.Scl_FileOrDirectoryDoesNotExist,
        "HelpAdditionalArgumentsDescription" => TextKey.Scl_HelpAdditionalArgumentsDescription,
        "HelpAdditionalArgumentsTitle" => TextKey.Scl_HelpAdditionalArgumentsTitle,
        "HelpArgumentDefaultValueLabel" => TextKey.Scl_HelpArgumentDefaultValueLabel,
        "HelpArgumentsTitle" => TextKey.Scl_HelpArgumentsTitle,
        "HelpCommandsTitle" => TextKey.Scl_HelpCommandsTitle,
        "HelpDescriptionTitle" => TextKey.Scl_HelpDescriptionTitle,
        "HelpOptionDescription" => TextKey.Scl_HelpOptionDescription,
        "HelpOptionsRequiredLabel" => TextKey.Scl_HelpOptionsRequiredLabel,
        "HelpOptionsTitle" => TextKey.Scl_HelpOptionsTitle,
        "HelpUsageAdditionalArguments" => TextKey.Scl_HelpUsageAdditionalArguments,
        "HelpUsageCommand" => TextKey.Scl_HelpUsageCommand,
        "HelpUsageOptions" => TextKey.Scl_HelpUsageOptions,
        "HelpUsageTitle" => TextKey.Scl_HelpUsageTitle,
        "InvalidCharactersInFileName" => TextKey.Scl_InvalidCharactersInFileName,
        "InvalidCharactersInPath" => TextKey.Scl_InvalidCharactersInPath,
        "OptionExpectsOneArgument" => TextKey.Scl_OptionExpectsOneArgument,
        "OptionRequiredArgumentMissing" => TextKey.Scl_OptionRequiredArgumentMissing,
        "RequiredCommandWasNotProvided" => TextKey.Scl_RequiredCommandWasNotProvided,
        "RequiredOptionWasNotProvided" => TextKey.Scl_RequiredOptionWasNotProvided,
        "ResponseFileNotFound" => TextKey.Scl_ResponseFileNotFound,
        "SuggestionsTokenNotMatched" => TextKey.Scl_SuggestionsTokenNotMatched,
        "UnrecognizedArgument" => TextKey.Scl_UnrecognizedArgument,
        "UnrecognizedCommandOrArgument" => TextKey.Scl_UnrecognizedCommandOrArgument,
        "VersionOptionCannotBeCombinedWithOtherArguments" => TextKey.Scl_VersionOptionCannotBeCombinedWithOtherArguments,
        "VersionOptionDescription" => TextKey.Scl_VersionOptionDescription,
        _ => null,
    };

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "resourceMan")]
    private static extern ref ResourceManager? LibraryResourceManager([UnsafeAccessorType(LibraryResources)] object? library);
}
