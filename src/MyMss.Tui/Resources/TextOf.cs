using MyMss.Core.Domain;
using MyMss.Core.Network;
using MyMss.Core.Services;

namespace MyMss.Tui.Resources;

/// <summary>
/// The one place where values of Core (field names, enumerations, audit actions, message keys) become texts.
/// Switches over enumerations are exhaustive: a new member without a text does not build.
/// </summary>
public static class TextOf
{
    /// <summary>A message key of Core (MessageKeys, StoreMessageKeys, RouteWarnings): its text has the same name.</summary>
    public static TextKey? Key(string key) => Enum.TryParse(key, ignoreCase: false, out TextKey text) && !char.IsDigit(key[0]) ? text : null;

    public static TextKey? Field(string field) => field switch
    {
        Fields.Code => TextKey.Field_code,
        Fields.Description => TextKey.Field_description,
        Fields.Password => TextKey.Field_password,
        Fields.PasswordConfirmation => TextKey.Field_passwordConfirmation,
        Fields.Host => TextKey.Field_host,
        Fields.Port => TextKey.Field_port,
        Fields.TimeoutSeconds => TextKey.Field_timeoutSeconds,
        Fields.Retries => TextKey.Field_retries,
        Fields.Compression => TextKey.Field_compression,
        Fields.Encryption => TextKey.Field_encryption,
        Fields.InternetAccess => TextKey.Field_internetAccess,
        Fields.ExternalHost => TextKey.Field_externalHost,
        Fields.ExternalPort => TextKey.Field_externalPort,
        Fields.TransferFilter => TextKey.Field_transferFilter,
        Fields.FrequencyHours => TextKey.Field_frequencyHours,
        Fields.DefaultProfile => TextKey.Field_defaultProfile,
        Fields.AlternativeProfile => TextKey.Field_alternativeProfile,
        Fields.Version => TextKey.Field_version,
        Fields.SchemaVersion => TextKey.Field_schemaVersion,
        Fields.Settings => TextKey.Field_settings,
        Fields.Profiles => TextKey.Field_profiles,
        Fields.File => TextKey.Field_file,
        Fields.Change => TextKey.Field_change,
        _ => null,
    };

    /// <summary>The F1 help line of a field the technician fills in.</summary>
    public static TextKey? Help(string field) => field switch
    {
        Fields.Code => TextKey.Help_code,
        Fields.Description => TextKey.Help_description,
        Fields.Password => TextKey.Help_password,
        Fields.Host => TextKey.Help_host,
        Fields.Port => TextKey.Help_port,
        Fields.TimeoutSeconds => TextKey.Help_timeoutSeconds,
        Fields.Retries => TextKey.Help_retries,
        Fields.Compression => TextKey.Help_compression,
        Fields.Encryption => TextKey.Help_encryption,
        Fields.InternetAccess => TextKey.Help_internetAccess,
        Fields.ExternalHost => TextKey.Help_externalHost,
        Fields.ExternalPort => TextKey.Help_externalPort,
        Fields.TransferFilter => TextKey.Help_transferFilter,
        Fields.FrequencyHours => TextKey.Help_frequencyHours,
        Fields.DefaultProfile => TextKey.Help_defaultProfile,
        Fields.AlternativeProfile => TextKey.Help_alternativeProfile,
        _ => null,
    };

    public static TextKey Access(InternetAccess access) => access switch
    {
        InternetAccess.None => TextKey.Access_None,
        InternetAccess.MobileData => TextKey.Access_MobileData,
        InternetAccess.Vpn => TextKey.Access_Vpn,
        InternetAccess.PublicInternet => TextKey.Access_PublicInternet,
    };

    /// <summary>Which way a table travels, as a lower-case verb ("receber").</summary>
    public static TextKey Direction(Direction direction) => direction switch
    {
        Core.Domain.Direction.Send => TextKey.Direction_Send,
        Core.Domain.Direction.Receive => TextKey.Direction_Receive,
        Core.Domain.Direction.Both => TextKey.Direction_Both,
    };

    public static TextKey? Audit(string action) => action switch
    {
        AuditActions.SettingsChanged => TextKey.Audit_SettingsChanged,
        AuditActions.ProfileCreated => TextKey.Audit_ProfileCreated,
        AuditActions.ProfileUpdated => TextKey.Audit_ProfileUpdated,
        AuditActions.ProfileDeleted => TextKey.Audit_ProfileDeleted,
        AuditActions.Imported => TextKey.Audit_Imported,
        AuditActions.Restored => TextKey.Audit_Restored,
        _ => null,
    };

    public static TextKey Import(ImportChangeKind kind) => kind switch
    {
        ImportChangeKind.Create => TextKey.Import_Create,
        ImportChangeKind.Update => TextKey.Import_Update,
        ImportChangeKind.Delete => TextKey.Import_Delete,
        ImportChangeKind.Settings => TextKey.Import_Settings,
    };

    public static TextKey Probe(ProbeOutcome outcome) => outcome switch
    {
        ProbeOutcome.Reachable => TextKey.Probe_Reachable,
        ProbeOutcome.NameNotResolved => TextKey.Probe_NameNotResolved,
        ProbeOutcome.Refused => TextKey.Probe_Refused,
        ProbeOutcome.TimedOut => TextKey.Probe_TimedOut,
        ProbeOutcome.Unreachable => TextKey.Probe_Unreachable,
        ProbeOutcome.Failed => TextKey.Probe_Failed,
    };

    public static TextKey Endpoint(EndpointRole role) => role switch
    {
        EndpointRole.Internal => TextKey.Probe_Internal,
        EndpointRole.External => TextKey.Probe_External,
    };
}
