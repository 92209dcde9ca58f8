namespace MyMss.Core.Rules;

/// <summary>One problem: the field it concerns, a message key the front end localises, and its arguments.</summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Args)
{
    /// <summary>In an import file: the 1-based position of the profile the problem is in.</summary>
    public int? Item { get; init; }

    public override string ToString() => $"{Field}: {MessageKey}({string.Join(", ", Args)})";
}

/// <summary>Message keys of the rules. Texts live in the front end's resources (pt and en).</summary>
public static class MessageKeys
{
    public const string Required = "Error_Required";
    public const string NotAnInteger = "Error_NotAnInteger";
    public const string OutOfRange = "Error_OutOfRange";
    public const string TooLong = "Error_TooLong";
    public const string ControlCharacters = "Error_ControlCharacters";
    public const string InvalidHost = "Error_InvalidHost";
    public const string PortIsMssPort = "Error_PortIsMssPort";
    public const string CodeTaken = "Error_CodeTaken";
    public const string PasswordRequired = "Error_PasswordRequired";
    public const string PasswordMismatch = "Error_PasswordMismatch";
    public const string FilterNeedsTable = "Error_FilterNeedsTable";
    public const string UnknownTable = "Error_UnknownTable";
    public const string ProfileNotFound = "Error_ProfileNotFound";
    public const string DefaultRequired = "Error_DefaultRequired";
    public const string AlternativeEqualsDefault = "Error_AlternativeEqualsDefault";
    public const string ProfileIsDefault = "Error_ProfileIsDefault";
    public const string ProfileIsAlternative = "Error_ProfileIsAlternative";
    public const string CodeImmutable = "Error_CodeImmutable";
    public const string ChangedElsewhere = "Error_ChangedElsewhere";
    public const string NewerSchema = "Error_NewerSchema";
    public const string InvalidPasswordHash = "Error_InvalidPasswordHash";
    public const string DuplicateCode = "Error_DuplicateCode";
    public const string WrongType = "Error_WrongType";
    public const string Malformed = "Error_Malformed";
    public const string Missing = "Error_Missing";
    public const string FileTooLarge = "Error_FileTooLarge";
    public const string ChangeNotFound = "Error_ChangeNotFound";
    public const string ChangedSince = "Error_ChangedSince";
    public const string RestorePassword = "Error_RestorePassword";
    public const string NothingToRestore = "Error_NothingToRestore";
}

public enum OutcomeStatus
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>The result of an operation of the configuration service: a value, or every problem found.</summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyList<FieldError> Errors)
{
    public bool IsOk => Status == OutcomeStatus.Ok;
    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, []);
    public static Outcome<T> Fail(OutcomeStatus status, IReadOnlyList<FieldError> errors) => new(status, default, errors);
    public static Outcome<T> Fail(OutcomeStatus status, FieldError error) => new(status, default, [error]);
}
