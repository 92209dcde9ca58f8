namespace MyMss.Core.Domain;

/// <summary>Field identifiers shared by rules, front ends and JSON (camelCase of the field names).</summary>
public static class Fields
{
    public const string Code = "code";
    public const string Description = "description";
    public const string Password = "password";
    public const string PasswordConfirmation = "passwordConfirmation";
    public const string Host = "host";
    public const string Port = "port";
    public const string TimeoutSeconds = "timeoutSeconds";
    public const string Retries = "retries";
    public const string Compression = "compression";
    public const string Encryption = "encryption";
    public const string InternetAccess = "internetAccess";
    public const string ExternalHost = "externalHost";
    public const string ExternalPort = "externalPort";
    public const string TransferFilter = "transferFilter";
    public const string FrequencyHours = "frequencyHours";
    public const string DefaultProfile = "defaultProfile";
    public const string AlternativeProfile = "alternativeProfile";
    /// <summary>The record as a whole (changed in another session).</summary>
    public const string Version = "version";
    public const string SchemaVersion = "schemaVersion";
    public const string Settings = "settings";
    public const string Profiles = "profiles";
    public const string File = "file";
    /// <summary>An entry of the audit trail, by its id (what `audit revert ID` restores).</summary>
    public const string Change = "change";
}
