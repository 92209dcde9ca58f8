namespace MyMss.Core.Domain;

/// <summary>The parts of the configuration that the rules depend on.</summary>
public sealed record SyncOptions(int MssPort, int DefaultFrequencyHours, IReadOnlyList<string> Tables)
{
    public static readonly IReadOnlyList<string> DefaultTables =
    [
        "Artigos", "Clientes", "Preços", "Stocks", "Encomendas",
        "Documentos", "Recibos", "Vendedores", "Rotas", "Imagens",
    ];
}
