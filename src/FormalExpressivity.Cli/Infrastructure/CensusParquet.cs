using FormalExpressivity.Classes.Census;
using Parquet;
using Parquet.Schema;

namespace FormalExpressivity.Cli.Infrastructure;

/// <summary>
/// The census rows as Parquet: the columns of the JSONL rows (<see cref="CensusJsonl"/>) with the same names —
/// <c>index</c> (int64), <c>key</c>, <c>states</c> (int32), <c>architecture</c>, <c>verdict</c>, <c>evidence</c>,
/// <c>depth</c> (int32, nullable), <c>formulaSize</c> (int32, nullable), <c>formulaChecked</c> (bool, nullable) —
/// in one row group, in the rows' canonical order. The bytes depend on the rows alone, so the unsharded census and
/// <c>fex merge</c> of its shards write the same file.
/// </summary>
public static class CensusParquet
{
    private static readonly DataField<long> Index = new("index");
    private static readonly DataField<string> Key = new("key", nullable: false);
    private static readonly DataField<int> States = new("states");
    private static readonly DataField<string> Architecture = new("architecture", nullable: false);
    private static readonly DataField<string> Verdict = new("verdict", nullable: false);
    private static readonly DataField<string> Evidence = new("evidence", nullable: false);
    private static readonly DataField<int?> Depth = new("depth");
    private static readonly DataField<int?> FormulaSize = new("formulaSize");
    private static readonly DataField<bool?> FormulaChecked = new("formulaChecked");
    private static readonly DataField<bool?> FormulaSmallest = new("formulaSmallest");
    private static readonly DataField<string> Classes = new("classes", nullable: false);

    /// <summary>The schema (one field per JSONL key, in the same order).</summary>
    public static ParquetSchema Schema { get; } = new(Index, Key, States, Classes, Architecture, Verdict, Evidence, Depth, FormulaSize, FormulaChecked, FormulaSmallest);

    /// <summary>The Parquet file of <paramref name="rows"/>.</summary>
    /// <param name="rows">The rows in canonical order.</param>
    public static byte[] Write(IReadOnlyList<CensusRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return WriteAsync(rows).GetAwaiter().GetResult();
    }

    private static async Task<byte[]> WriteAsync(IReadOnlyList<CensusRow> rows)
    {
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(Schema, stream).ConfigureAwait(false))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<long>(Index, rows.Select(r => r.Index).ToArray().AsMemory()).ConfigureAwait(false);
            await group.WriteAsync(Key, rows.Select(r => r.Key).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(States, rows.Select(r => r.States).ToArray().AsMemory()).ConfigureAwait(false);
            await group.WriteAsync(Classes, rows.Select(r => r.Classes).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Architecture, rows.Select(r => r.Architecture).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Verdict, rows.Select(r => r.Verdict).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(Evidence, rows.Select(r => r.Evidence).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(Depth, rows.Select(r => r.Depth).ToArray().AsMemory()).ConfigureAwait(false);
            await group.WriteAsync<int>(FormulaSize, rows.Select(r => r.FormulaSize).ToArray().AsMemory()).ConfigureAwait(false);
            await group.WriteAsync<bool>(FormulaChecked, rows.Select(r => r.FormulaChecked).ToArray().AsMemory()).ConfigureAwait(false);
            await group.WriteAsync<bool>(FormulaSmallest, rows.Select(r => r.FormulaSmallest).ToArray().AsMemory()).ConfigureAwait(false);
        }
        return stream.ToArray();
    }

    /// <summary>Reads a file written by <see cref="Write"/> back into rows.</summary>
    /// <param name="bytes">The file's bytes.</param>
    public static IReadOnlyList<CensusRow> Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return ReadAsync(bytes).GetAwaiter().GetResult();
    }

    private static async Task<IReadOnlyList<CensusRow>> ReadAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        var fields = reader.Schema.GetDataFields();
        DataField Field(string name) => fields.Single(f => f.Name == name);
        var rows = new List<CensusRow>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            var index = new long[n];
            var states = new int[n];
            var depth = new int?[n];
            var size = new int?[n];
            var check = new bool?[n];
            var smallest = new bool?[n];
            var text = new Dictionary<string, string?[]>();
            await group.ReadAsync<long>(Field("index"), index.AsMemory()).ConfigureAwait(false);
            await group.ReadAsync<int>(Field("states"), states.AsMemory()).ConfigureAwait(false);
            await group.ReadAsync<int>(Field("depth"), depth.AsMemory()).ConfigureAwait(false);
            await group.ReadAsync<int>(Field("formulaSize"), size.AsMemory()).ConfigureAwait(false);
            await group.ReadAsync<bool>(Field("formulaChecked"), check.AsMemory()).ConfigureAwait(false);
            await group.ReadAsync<bool>(Field("formulaSmallest"), smallest.AsMemory()).ConfigureAwait(false);
            foreach (var name in new[] { "key", "classes", "architecture", "verdict", "evidence" })
            {
                var column = new string?[n];
                await group.ReadAsync(Field(name), column.AsMemory()).ConfigureAwait(false);
                text[name] = column;
            }
            for (int i = 0; i < n; i++)
                rows.Add(new CensusRow(index[i], text["key"][i] ?? "", states[i], text["architecture"][i] ?? "", text["verdict"][i] ?? "", text["evidence"][i] ?? "", depth[i], size[i], check[i], smallest[i], text["classes"][i] ?? ""));
        }
        return rows;
    }
}
