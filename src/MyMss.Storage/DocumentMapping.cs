using LiteDB;
using MyMss.Core.Domain;

namespace MyMss.Storage;

/// <summary>Explicit BsonDocument mapping (no reflection mapper: it fails under NativeAOT). Names are the JSON names of docs/json.md.</summary>
internal static class DocumentMapping
{
    public static BsonDocument FromSettings(SyncSettings s) => new()
    {
        ["_id"] = 1,
        ["frequencyHours"] = s.FrequencyHours,
        ["defaultProfile"] = s.DefaultProfile is int d ? new BsonValue(d) : BsonValue.Null,
        ["alternativeProfile"] = s.AlternativeProfile is int a ? new BsonValue(a) : BsonValue.Null,
        ["version"] = s.Version,
    };

    public static SyncSettings ToSettings(BsonDocument d) => new(
        d["frequencyHours"].AsInt32,
        NullableInt(d["defaultProfile"]),
        NullableInt(d["alternativeProfile"]),
        d["version"].AsInt32);

    /// <summary>The fields of a <see cref="ProfileSummary"/>: LiteDB projects them without building whole documents.</summary>
    public static readonly BsonExpression SummaryFields = BsonExpression.Create("{ _id, description }");

    public static ProfileSummary ToSummary(BsonDocument d) => new(d["_id"].AsInt32, d["description"].AsString);

    public static BsonDocument FromProfile(SyncProfile p) => new()
    {
        ["_id"] = p.Code,
        ["description"] = p.Description,
        ["host"] = p.Host,
        ["port"] = p.Port,
        ["timeoutSeconds"] = p.TimeoutSeconds,
        ["retries"] = p.Retries,
        ["compression"] = p.Compression,
        ["encryption"] = p.Encryption,
        ["internetAccess"] = p.InternetAccess.ToString(),
        ["externalHost"] = p.ExternalHost is null ? BsonValue.Null : new BsonValue(p.ExternalHost),
        ["externalPort"] = p.ExternalPort is int ep ? new BsonValue(ep) : BsonValue.Null,
        ["transferFilter"] = new BsonDocument
        {
            ["enabled"] = p.TransferFilter.Enabled,
            ["tables"] = new BsonArray(p.TransferFilter.Tables.Select(t => new BsonDocument
            {
                ["name"] = t.Name,
                ["send"] = t.Send,
                ["receive"] = t.Receive,
            })),
        },
        ["password"] = new BsonDocument
        {
            ["algorithm"] = p.Password.Algorithm,
            ["iterations"] = p.Password.Iterations,
            ["salt"] = p.Password.Salt,
            ["hash"] = p.Password.Hash,
        },
        ["version"] = p.Version,
    };

    public static SyncProfile ToProfile(BsonDocument d)
    {
        BsonDocument filter = d["transferFilter"].AsDocument;
        BsonDocument password = d["password"].AsDocument;
        return new SyncProfile(
            d["_id"].AsInt32,
            d["description"].AsString,
            d["host"].AsString,
            d["port"].AsInt32,
            d["timeoutSeconds"].AsInt32,
            d["retries"].AsInt32,
            d["compression"].AsInt32,
            d["encryption"].AsBoolean,
            Enum.TryParse(d["internetAccess"].AsString, out InternetAccess access) ? access : InternetAccess.None,
            d["externalHost"].IsNull ? null : d["externalHost"].AsString,
            NullableInt(d["externalPort"]),
            new TransferFilter(
                filter["enabled"].AsBoolean,
                filter["tables"].AsArray.Select(t => new TableTransfer(t["name"].AsString, t["send"].AsBoolean, t["receive"].AsBoolean)).ToList()),
            new PasswordHash(password["algorithm"].AsString, password["iterations"].AsInt32, password["salt"].AsBinary, password["hash"].AsBinary),
            d["version"].AsInt32);
    }

    /// <summary>The store numbers the entry (_id, Int64, ascending); "restores" is written only on a restore.</summary>
    public static BsonDocument FromAudit(AuditEntry e)
    {
        BsonDocument d = AuditFields(e);
        if (e.Restores is long restores)
            d["restores"] = restores;
        return d;
    }

    private static BsonDocument AuditFields(AuditEntry e) => new()
    {
        ["atUtc"] = e.AtUtc.UtcDateTime,
        ["user"] = e.User,
        ["person"] = e.Person is null ? BsonValue.Null : new BsonValue(e.Person),
        ["host"] = e.Host,
        ["action"] = e.Action,
        ["profileCode"] = e.ProfileCode is int c ? new BsonValue(c) : BsonValue.Null,
        ["changes"] = new BsonArray(e.Changes.Select(c => new BsonDocument
        {
            ["field"] = c.Field,
            ["before"] = c.Before is null ? BsonValue.Null : new BsonValue(c.Before),
            ["after"] = c.After is null ? BsonValue.Null : new BsonValue(c.After),
            ["secret"] = c.Secret,
        })),
    };

    public static AuditEntry ToAudit(BsonDocument d) => new(
        new DateTimeOffset(DateTime.SpecifyKind(d["atUtc"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)),
        d["user"].AsString,
        d["host"].AsString,
        d["action"].AsString,
        NullableInt(d["profileCode"]),
        d["changes"].AsArray.Select(c => new FieldChange(
            c["field"].AsString,
            c["before"].IsNull ? null : c["before"].AsString,
            c["after"].IsNull ? null : c["after"].AsString,
            c["secret"].AsBoolean)).ToList(),
        d["person"].IsNull ? null : d["person"].AsString) // entries written before 0.2 have no person
    {
        Id = d["_id"].AsInt64,
        Restores = d.TryGetValue("restores", out BsonValue restores) && !restores.IsNull ? restores.AsInt64 : null,
    };

    private static int? NullableInt(BsonValue v) => v.IsNull ? null : v.AsInt32;
}
