using MyMss.Core.Domain;

namespace MyMss.Core.Rules;

/// <summary>Every rule of a sync profile (docs/rules.md, "Sync profile"). Returns all problems at once.</summary>
public static class ProfileRules
{
    public const int MinCode = 1, MaxCode = 99999;
    public const int MaxDescription = 60;
    public const int MinPort = 1, MaxPort = 65535;
    public const int MinTimeout = 1, MaxTimeout = 300;
    public const int MinRetries = 0, MaxRetries = 10;
    public const int MinCompression = 0, MaxCompression = 9;
    public const int MaxPassword = 256;

    /// <summary>
    /// Manual, last paragraph (docs/rules.md, "Licensing reminder"): after a profile is created, or its port or password
    /// changes, the licensing may need a refresh in MISCommunicator. <paramref name="before"/> is null for a new profile.
    /// A password set again is a change even when it is the same text (it is hashed with a new salt, and nobody can tell).
    /// </summary>
    public static bool LicensingRefreshAdvised(SyncProfile? before, SyncProfile after) =>
        before is null || after.Port != before.Port || !SameHash(before.Password, after.Password);

    private static bool SameHash(PasswordHash a, PasswordHash b) =>
        a.Algorithm == b.Algorithm && a.Iterations == b.Iterations && a.Salt.AsSpan().SequenceEqual(b.Salt) && a.Hash.AsSpan().SequenceEqual(b.Hash);

    /// <summary>The fields in the order the editor shows them: problems are reported in this order, the first one gets the cursor.</summary>
    private static readonly string[] FormOrder =
    [
        Fields.Code, Fields.Description, Fields.Password, Fields.PasswordConfirmation, Fields.Host, Fields.Port, Fields.TimeoutSeconds,
        Fields.Retries, Fields.Compression, Fields.Encryption, Fields.InternetAccess, Fields.ExternalHost, Fields.ExternalPort, Fields.TransferFilter,
    ];

    /// <summary>
    /// The profile the input describes (its password still <see cref="PasswordHash.None"/>) and the new clear
    /// password to hash, if one was typed; or every problem found.
    /// </summary>
    public static (SyncProfile? Profile, string? NewPassword, IReadOnlyList<FieldError> Errors) Validate(ProfileInput input, SyncOptions options, bool creating)
    {
        var errors = new List<FieldError>();
        int? code = FieldRules.Integer(input.Code, Fields.Code, MinCode, MaxCode, errors);
        string? description = FieldRules.Text(input.Description, Fields.Description, MaxDescription, errors);
        string? password = Password(input, creating, errors);
        ConnectionSettings? connection = Connection(input, options, errors);
        int? compression = FieldRules.Integer(input.Compression, Fields.Compression, MinCompression, MaxCompression, errors);
        TransferFilter filter = Filter(input, options, errors);

        if (errors.Count > 0)
            return (null, null, errors.OrderBy(e => Array.IndexOf(FormOrder, e.Field)).ToList()); // stable: a field's own problems keep their order
        ConnectionSettings c = connection!;
        return (new SyncProfile(code!.Value, description!, c.Host, c.Port, c.TimeoutSeconds, c.Retries, compression!.Value,
            input.Encryption, c.InternetAccess, c.ExternalHost, c.ExternalPort, filter, PasswordHash.None), password, errors);
    }

    /// <summary>
    /// Only the fields a terminal connects with (server, port, timeout, retries, Internet access, external endpoint):
    /// what a connection test needs before anything else of the profile is filled in.
    /// </summary>
    public static (ConnectionSettings? Connection, IReadOnlyList<FieldError> Errors) ValidateConnection(ProfileInput input, SyncOptions options)
    {
        var errors = new List<FieldError>();
        ConnectionSettings? connection = Connection(input, options, errors);
        return (connection, errors);
    }

    private static ConnectionSettings? Connection(ProfileInput input, SyncOptions options, List<FieldError> errors)
    {
        int before = errors.Count;
        string? host = FieldRules.Host(input.Host, Fields.Host, errors);
        int? port = FieldRules.Integer(input.Port, Fields.Port, MinPort, MaxPort, errors);
        if (port == options.MssPort)
        {
            // Manual: "A porta de comunicação do perfil com o MISCommunicator não pode ser idêntica à do MSS."
            errors.Add(new FieldError(Fields.Port, MessageKeys.PortIsMssPort, port, options.MssPort));
        }
        int? timeout = FieldRules.Integer(input.TimeoutSeconds, Fields.TimeoutSeconds, MinTimeout, MaxTimeout, errors);
        int? retries = FieldRules.Integer(input.Retries, Fields.Retries, MinRetries, MaxRetries, errors);

        string? externalHost = null;
        int? externalPort = null;
        if (input.InternetAccess != InternetAccess.None)
        {
            externalHost = FieldRules.Host(input.ExternalHost, Fields.ExternalHost, errors);
            // The external port defaults to the profile's port.
            string externalPortText = string.IsNullOrWhiteSpace(input.ExternalPort) ? input.Port : input.ExternalPort;
            externalPort = FieldRules.Integer(externalPortText, Fields.ExternalPort, MinPort, MaxPort, errors);
        }
        if (!Enum.IsDefined(input.InternetAccess))
            errors.Add(new FieldError(Fields.InternetAccess, MessageKeys.Required));

        return errors.Count > before ? null
            : new ConnectionSettings(host!, port!.Value, timeout!.Value, retries!.Value, input.InternetAccess, externalHost, externalPort);
    }

    private static string? Password(ProfileInput input, bool creating, List<FieldError> errors)
    {
        string password = input.Password ?? "";
        if (password.Length == 0)
        {
            if (creating)
                errors.Add(new FieldError(Fields.Password, MessageKeys.PasswordRequired));
            else if (!string.IsNullOrEmpty(input.PasswordConfirmation))
                errors.Add(new FieldError(Fields.PasswordConfirmation, MessageKeys.PasswordMismatch));
            return null;
        }
        if (password.Length > MaxPassword)
        {
            errors.Add(new FieldError(Fields.Password, MessageKeys.TooLong, MaxPassword));
            return null;
        }
        if (input.PasswordConfirmation is not null && input.PasswordConfirmation != password)
        {
            errors.Add(new FieldError(Fields.PasswordConfirmation, MessageKeys.PasswordMismatch));
            return null;
        }
        return password;
    }

    /// <summary>One row per catalogue table, in catalogue order; with the filter on, at least one box ticked.</summary>
    private static TransferFilter Filter(ProfileInput input, SyncOptions options, List<FieldError> errors)
    {
        foreach (TableTransfer t in input.Tables.Where(t => !options.Tables.Contains(t.Name, StringComparer.OrdinalIgnoreCase)))
            errors.Add(new FieldError(Fields.TransferFilter, MessageKeys.UnknownTable, t.Name, string.Join(", ", options.Tables)));
        IReadOnlyList<TableTransfer> rows = TransferFilter.Over(options.Tables, input.Tables);
        if (input.FilterEnabled && !rows.Any(r => r.Send || r.Receive))
            errors.Add(new FieldError(Fields.TransferFilter, MessageKeys.FilterNeedsTable));
        return new TransferFilter(input.FilterEnabled, rows);
    }
}
