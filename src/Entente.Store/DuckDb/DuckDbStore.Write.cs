using DuckDB.NET.Data;
using Entente.Coding;

namespace Entente.Store.DuckDb;

public sealed partial class DuckDbStore
{
    public void WriteBatch(IReadOnlyList<StoredDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
            return;

        // Within one batch the last version of an id wins, as if the documents had been written one by one.
        var lastById = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
            lastById[documents[i].Id] = i;

        var firstRecordId = _nextRecordId;
        var ingestedAt = DateTime.UtcNow;
        try
        {
            // A batch's statements each touch a few thousand rows, where DuckDB's parallel operators cost more
            // processor time than they save, and during ingest every core is busy coding: on one thread the store
            // took 30 to 40% less CPU per document (README, Benchmarks). Queries keep all threads.
            Execute("SET threads = 1");
            using var tx = _connection.BeginTransaction();
            PrepareMergeTables();
            Execute("CREATE TEMP TABLE IF NOT EXISTS batch_ids (doc_id VARCHAR)");
            Execute("DELETE FROM batch_ids");
            using (var ids = _connection.CreateAppender("batch_ids"))
            {
                foreach (var id in lastById.Keys)
                    ids.CreateRow().AppendValue(id).EndRow();
            }

            // Replacing a document: its old records go, and the events they belonged to are merged again.
            if (Scalar<long>("SELECT count(*) FROM documents WHERE doc_id IN (SELECT doc_id FROM batch_ids)") > 0)
            {
                Execute("INSERT INTO touched_events SELECT DISTINCT merged_id FROM events WHERE doc_id IN (SELECT doc_id FROM batch_ids) AND merged_id IS NOT NULL");
                foreach (var table in (ReadOnlySpan<string>)["events", "mentions", "quotes", "documents"])
                    Execute($"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM batch_ids)");
            }

            AppendDocuments(documents, lastById, ingestedAt);
            Remerge(firstRecordId);
            tx.Commit();
        }
        catch (DuckDBException e)
        {
            _nextRecordId = firstRecordId;
            throw new StoreException($"writing to the store '{Location}' failed: {FirstLine(e.Message)}", e);
        }
        finally
        {
            RestoreThreads();
        }
    }

    private void RestoreThreads()
    {
        try
        {
            Execute("RESET threads");
        }
        catch (DuckDBException)
        {
            // The connection is unusable (the write failed with it): nothing will run on it anyway.
        }
    }

    private void AppendDocuments(IReadOnlyList<StoredDocument> documents, Dictionary<string, int> lastById, DateTime ingestedAt)
    {
        using var docs = _connection.CreateAppender("documents");
        using var events = _connection.CreateAppender("events");
        using var mentions = _connection.CreateAppender("mentions");
        using var quotes = _connection.CreateAppender("quotes");
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            if (lastById[d.Id] != i)
                continue;
            docs.CreateRow()
                .AppendValue(d.Id).AppendValue(d.Url).AppendValue(d.Title).AppendValue(d.Source).AppendValue(d.Date)
                .AppendValue(d.ContentHash).AppendValue(d.Chars).AppendValue(d.Sentences).AppendValue(d.Input).AppendValue(ingestedAt)
                .EndRow();
            foreach (var e in d.Events)
                AppendEvent(events, d, e);
            foreach (var m in d.Mentions)
            {
                mentions.CreateRow()
                    .AppendValue(d.Id).AppendValue(m.Sentence).AppendValue(m.StartToken).AppendValue(m.EndToken).AppendValue(m.Text)
                    .AppendValue(m.Start).AppendValue(m.End).AppendValue(m.Code).AppendValue(m.Country).AppendValue(m.Sector)
                    .AppendValue(m.Resolution == Resolution.None ? null : m.Resolution.ToString().ToLowerInvariant())
                    .AppendValue(m.Antecedent >= 0 ? m.Antecedent : (int?)null)
                    .EndRow();
            }

            foreach (var q in d.Quotes)
            {
                quotes.CreateRow()
                    .AppendValue(d.Id).AppendValue(q.Sentence)
                    .AppendValue(q.Speaker?.Text).AppendValue(q.Speaker?.Code).AppendValue(q.Speaker?.Country).AppendValue(q.Speaker?.Sector)
                    .AppendValue(q.Text).AppendValue(q.Start).AppendValue(q.End)
                    .EndRow();
            }
        }
    }

    private void AppendEvent(DuckDBAppender events, StoredDocument d, CodedEvent e)
    {
        events.CreateRow()
            .AppendValue(_nextRecordId++).AppendValue(d.Id).AppendValue(e.Sentence).AppendValue(e.Date ?? d.Date)
            .AppendValue(e.Source?.Text).AppendValue(e.Source?.Code).AppendValue(e.Source?.Country).AppendValue(e.Source?.Sector)
            .AppendValue(e.Target?.Text).AppendValue(e.Target?.Code).AppendValue(e.Target?.Country).AppendValue(e.Target?.Sector)
            .AppendValue(e.Cameo).AppendValue(e.Root).AppendValue(e.Plover).AppendValue(e.Mode)
            .AppendValue(e.Context.Count == 0 ? null : string.Join(',', e.Context))
            .AppendValue(e.Goldstein).AppendValue((sbyte)e.QuadClass)
            .AppendValue(e.Trigger.Text).AppendValue(e.Trigger.Start).AppendValue(e.Trigger.End)
            .AppendValue(e.Negated).AppendValue(e.Modality.ToString().ToLowerInvariant())
            .AppendValue(e.Location?.Name).AppendValue(e.Location?.Country).AppendValue(e.Location?.Lat).AppendValue(e.Location?.Lon)
            .AppendValue(e.Text).AppendValue(e.NumMentions)
            .AppendValue(MergeKey(e.Source?.Code, e.Target?.Code, e.Cameo)).AppendNullValue()
            .AppendValue(e.DatePrecision.ToString().ToLowerInvariant()).AppendValue(IsCounted(e))
            .EndRow();
    }

    /// <summary>Same as <see cref="Schema.CountedExpression"/>, computed before the row reaches the store.</summary>
    internal static bool IsCounted(CodedEvent e) =>
        !e.Negated && (e.Modality is Modality.Asserted or Modality.Reported || (e.Modality == Modality.Intended && e.Root == "03"));

    /// <summary>Same as <see cref="Schema.MergeKeyExpression"/>, computed before the row reaches the store.</summary>
    internal static string MergeKey(string? sourceCode, string? targetCode, string cameo) =>
        string.Concat(sourceCode ?? "", "|", targetCode ?? "", "|", cameo);

    private void PrepareMergeTables()
    {
        Execute("CREATE TEMP TABLE IF NOT EXISTS touched_events (event_id BIGINT)");
        Execute("DELETE FROM touched_events");
    }

    /// <summary>
    /// Merges the records that have no merged event yet (new ones), together with every merged event they could
    /// join and those listed in touched_events (which lost records). Records of one key are ordered by date; a
    /// record more than a day after the previous one starts a new event, so "the same event" is a chain of
    /// reports each within a day of the last. A new record dated d can only join events of its key that reach
    /// into [d-1, d+1]; everything else stays as it is, so a batch costs what it touches, not the whole store.
    /// Records without a date are never merged with anything.
    /// </summary>
    /// <param name="firstNewRecord">Records from this id on are new (this batch's); every record for a full merge.</param>
    private void Remerge(long firstNewRecord)
    {
        Execute("""
            INSERT INTO touched_events
            SELECT DISTINCT m.event_id
            FROM (SELECT DISTINCT merge_key, date FROM events WHERE record_id >= $first AND merged_id IS NULL AND counted AND date IS NOT NULL) n
            JOIN merged_events m ON m.merge_key = n.merge_key AND m.date <= n.date + 1 AND m.last_date >= n.date - 1
            """, ("first", firstNewRecord));
        Execute("DELETE FROM merged_events WHERE event_id IN (SELECT event_id FROM touched_events)");

        // The records to merge are the new ones and those of the touched events. Both are found by record_id
        // first (a cheap column with sequential values, so DuckDB skips whole stretches of the table by its
        // min/max statistics) and only then read in full: a batch costs what it touches, not the store's size.
        Execute("""
            CREATE OR REPLACE TEMP TABLE touched_records AS
            SELECT record_id FROM events WHERE merged_id IN (SELECT event_id FROM touched_events)
            """);
        var lowest = Math.Min(firstNewRecord, Scalar<long>("SELECT coalesce(min(record_id), $first) FROM touched_records", ("first", firstNewRecord)));
        Execute("""
            CREATE OR REPLACE TEMP TABLE merge_records AS
            WITH candidates AS (
                SELECT * FROM events
                WHERE record_id >= $lowest AND counted
                  AND ((record_id >= $first AND merged_id IS NULL) OR record_id IN (SELECT record_id FROM touched_records))),
            keyed AS (
                SELECT e.*, e.date AS event_date, coalesce(d.source, e.doc_id) AS outlet, d.url, d.ingested_at,
                       row_number() OVER (PARTITION BY e.merge_key
                           ORDER BY e.date NULLS LAST, e.doc_id, e.sentence, e.trigger_start, e.record_id) AS ord
                FROM candidates e JOIN documents d ON d.doc_id = e.doc_id),
            flagged AS (
                SELECT *, CASE WHEN event_date IS NULL
                                 OR lag(event_date) OVER (PARTITION BY merge_key ORDER BY ord) IS NULL
                                 OR event_date - lag(event_date) OVER (PARTITION BY merge_key ORDER BY ord) > 1
                               THEN 1 ELSE 0 END AS starts
                FROM keyed)
            SELECT *, sum(starts) OVER (PARTITION BY merge_key ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS grp
            FROM flagged
            """, ("lowest", lowest), ("first", firstNewRecord));
        Execute("""
            CREATE OR REPLACE TEMP TABLE merge_groups AS
            SELECT merge_key, grp,
                (hash(merge_key, arg_min(doc_id, ord), arg_min(sentence, ord), arg_min(trigger_start, ord)) >> 1)::BIGINT AS event_id,
                min(event_date) AS date, max(event_date) AS last_date,
                arg_min(source_code, ord) AS source_code, arg_min(source_country, ord) AS source_country,
                arg_min(source_sector, ord) AS source_sector, mode(source_text) AS source_name,
                arg_min(target_code, ord) AS target_code, arg_min(target_country, ord) AS target_country,
                arg_min(target_sector, ord) AS target_sector, mode(target_text) AS target_name,
                arg_min(cameo, ord) AS cameo, mode(plover) AS plover, arg_min(quad_class, ord) AS quad_class,
                avg(goldstein) AS goldstein,
                sum(num_mentions)::INTEGER AS num_mentions, count(DISTINCT outlet)::INTEGER AS num_sources,
                count(DISTINCT doc_id)::INTEGER AS num_articles, bool_or(sentence = 0) AS is_root_event,
                arg_min(location_name, ord) FILTER (WHERE location_name IS NOT NULL) AS location_name,
                arg_min(location_country, ord) FILTER (WHERE location_name IS NOT NULL) AS location_country,
                arg_min(location_lat, ord) FILTER (WHERE location_name IS NOT NULL) AS lat,
                arg_min(location_lon, ord) FILTER (WHERE location_name IS NOT NULL) AS lon,
                arg_min(doc_id, ord) AS first_doc_id, arg_min(url, ord) AS source_url, min(ingested_at) AS date_added,
                arg_min(text, ord) AS text
            FROM merge_records
            GROUP BY merge_key, grp
            """);
        Execute("""
            INSERT INTO merged_events
            SELECT event_id, merge_key, date, source_code, source_country, source_sector, source_name,
                   target_code, target_country, target_sector, target_name, cameo, plover, quad_class, goldstein,
                   num_mentions, num_sources, num_articles, is_root_event, last_date, location_name, location_country, lat, lon,
                   first_doc_id, source_url, date_added, text
            FROM merge_groups
            """);
        Execute("""
            UPDATE events SET merged_id = g.event_id
            FROM merge_records r JOIN merge_groups g ON g.merge_key = r.merge_key AND g.grp = r.grp
            WHERE events.record_id = r.record_id AND events.record_id >= $lowest
            """, ("lowest", lowest));
    }
}
