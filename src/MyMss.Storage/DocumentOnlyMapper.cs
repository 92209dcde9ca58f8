using LiteDB;

namespace MyMss.Storage;

/// <summary>
/// The BsonMapper MyMss opens LiteDB with. LiteDB's reflection mapping of .NET types is not NativeAOT-safe
/// (in the native binary it writes <c>{}</c> for an object and cannot create one back), so every document is
/// mapped by hand in <see cref="DocumentMapping"/>, and asking this mapper for a type's mapping throws, in
/// tests as in the published binary.
/// </summary>
internal sealed class DocumentOnlyMapper : BsonMapper
{
    public static readonly DocumentOnlyMapper Instance = new();

    protected override EntityMapper BuildAddEntityMapper(Type type) =>
        throw new NotSupportedException($"LiteDB reflection mapping of {type.FullName} is not allowed (not NativeAOT-safe): map a BsonDocument in DocumentMapping.");
}
