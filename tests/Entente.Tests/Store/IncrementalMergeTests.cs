using Entente.Coding;
using Entente.Store;
using Entente.Store.DuckDb;
using static Entente.Tests.Store.StoreData;

namespace Entente.Tests.Store;

/// <summary>
/// The cross-document merge of a batch reads only the batch's new records and those of the merged events they
/// touch (found by record id); whatever the batches, the result must be the merge of everything at once.
/// </summary>
public sealed class IncrementalMergeTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void MergingBatchByBatchWithReplacements_GivesTheEventsOfMergingTheFinalDocumentsAtOnce(int seed)
    {
        var random = new Random(seed);
        var latest = new Dictionary<string, StoredDocument>(StringComparer.Ordinal);
        using (var incremental = DuckDbStore.Open(_dir.File($"incremental-{seed}.duckdb")))
        {
            for (var batch = 0; batch < 12; batch++)
            {
                var docs = new List<StoredDocument>();
                var size = random.Next(1, 9);
                for (var i = 0; i < size; i++)
                {
                    // One id in four is one already written: the document is replaced with other events.
                    var id = latest.Count > 0 && random.Next(4) == 0 ? latest.Keys.ElementAt(random.Next(latest.Count)) : $"d{batch}-{i}";
                    var doc = RandomDocument(random, id);
                    docs.Add(doc);
                    latest[id] = doc;
                }

                incremental.WriteBatch(docs);
            }

            using var atOnce = DuckDbStore.Open(_dir.File($"at-once-{seed}.duckdb"));
            atOnce.WriteBatch([.. latest.Values]);

            Assert.True(atOnce.Counts().MergedEvents > 3, "the data should have something to merge");
            Assert.Equal(MergedEvents(atOnce), MergedEvents(incremental));
            Assert.Equal(RecordMembership(atOnce), RecordMembership(incremental));
            Assert.Equal(0L, incremental.Scalar<long>("SELECT count(*) FROM events WHERE counted AND merged_id IS NULL"));
        }
    }

    /// <summary>A document of one to three events among few keys and dates, so that reports chain and merge.</summary>
    private static StoredDocument RandomDocument(Random random, string id)
    {
        var date = new DateOnly(2024, 3, 1).AddDays(random.Next(8));
        var events = new CodedEvent[random.Next(0, 4)];
        for (var s = 0; s < events.Length; s++)
        {
            var source = random.Next(2) == 0 ? "RUS" : "CHN";
            var target = random.Next(3) == 0 ? null : random.Next(2) == 0 ? "UKR" : "USA";
            var cameo = random.Next(2) == 0 ? "190" : "040";
            var eventDate = random.Next(6) == 0 ? (DateOnly?)null : date.AddDays(-random.Next(2));
            events[s] = Event(id, source, cameo, target, eventDate, sentence: s) with { Negated = random.Next(8) == 0 };
        }

        return Doc(id, date, random.Next(3) switch { 0 => "X", 1 => "Y", _ => null }, events);
    }

    /// <summary>Every merged event as text, sorted; the time it was added depends on the batch, so it is left out.</summary>
    private static List<string> MergedEvents(DuckDbStore store)
    {
        var rows = new List<string>();
        using var cmd = store.Command("""
            SELECT event_id, merge_key, date, last_date, num_mentions, num_sources, num_articles, is_root_event, goldstein,
                   first_doc_id, source_url, source_name, target_name
            FROM merged_events
            """);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var fields = new string[r.FieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            rows.Add(string.Join('|', fields));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>Which merged event each record belongs to, by document and sentence (record ids differ between stores).</summary>
    private static List<string> RecordMembership(DuckDbStore store)
    {
        var rows = new List<string>();
        using var cmd = store.Command("SELECT doc_id, sentence, coalesce(merged_id::VARCHAR, 'none') FROM events");
        using var r = cmd.ExecuteReader();
        while (r.Read())
            rows.Add($"{r.GetString(0)}/{r.GetInt32(1)} -> {r.GetString(2)}");
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
