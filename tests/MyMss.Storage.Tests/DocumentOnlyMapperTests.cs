using LiteDB;
using Xunit;

namespace MyMss.Storage.Tests;

/// <summary>LiteDB's reflection mapper is not NativeAOT-safe: the store's mapper refuses it, in tests as in the native binary.</summary>
public sealed class DocumentOnlyMapperTests
{
    public sealed class Poco { public int Id { get; set; } public string Name { get; set; } = ""; }

    [Fact]
    public void Typed_collections_and_object_mapping_throw_while_documents_work()
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = ":memory:" }, DocumentOnlyMapper.Instance);
        Assert.Throws<NotSupportedException>(() => db.GetCollection<Poco>("p"));
        Assert.Throws<NotSupportedException>(() => DocumentOnlyMapper.Instance.ToDocument(new Poco { Name = "x" }));
        Assert.Throws<NotSupportedException>(() => DocumentOnlyMapper.Instance.ToObject<Poco>(new BsonDocument { ["Name"] = "x" }));
        var docs = db.GetCollection("d", BsonAutoId.Int64);
        docs.Insert(new BsonDocument { ["n"] = 1 });
        Assert.Equal(1, docs.FindOne(Query.EQ("n", 1))["n"].AsInt32);
    }
}
