using System.Globalization;
using System.Text;

namespace Entente.Store.DuckDb;

public sealed partial class DuckDbStore
{
    private const string MergedColumns = """
        event_id, date, source_code, source_country, source_sector, source_name,
        target_code, target_country, target_sector, target_name, cameo, plover, quad_class, goldstein,
        num_mentions, num_sources, num_articles, is_root_event, location_name, location_country, lat, lon,
        first_doc_id, source_url, date_added, text
        """;

    public IEnumerable<MergedEvent> Events(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<(string, object?)>();
        var where = Where(filter, parameters);
        var order = filter.Ascending ? "date ASC NULLS FIRST, event_id" : "date DESC NULLS LAST, event_id";
        var limit = filter.Limit is { } n ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        using var cmd = Command($"SELECT {MergedColumns} FROM merged_events{where} ORDER BY {order}{limit}", [.. parameters]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new MergedEvent
            {
                EventId = r.GetInt64(0),
                Date = DateOrNull(r, 1),
                Source = new ActorSide(StringOrNull(r, 2), StringOrNull(r, 3), StringOrNull(r, 4), StringOrNull(r, 5)),
                Target = new ActorSide(StringOrNull(r, 6), StringOrNull(r, 7), StringOrNull(r, 8), StringOrNull(r, 9)),
                Cameo = r.GetString(10),
                Plover = StringOrNull(r, 11),
                QuadClass = r.GetFieldValue<sbyte>(12),
                Goldstein = r.GetDouble(13),
                NumMentions = r.GetInt32(14),
                NumSources = r.GetInt32(15),
                NumArticles = r.GetInt32(16),
                IsRootEvent = r.GetBoolean(17),
                LocationName = StringOrNull(r, 18),
                LocationCountry = StringOrNull(r, 19),
                Lat = DoubleOrNull(r, 20),
                Lon = DoubleOrNull(r, 21),
                FirstDocument = r.GetString(22),
                SourceUrl = StringOrNull(r, 23),
                DateAdded = r.GetDateTime(24),
                Text = StringOrNull(r, 25),
            };
        }
    }

    public IReadOnlyList<DyadPeriod> Dyad(string actorA, string actorB, Period period, EventFilter filter)
    {
        ArgumentException.ThrowIfNullOrEmpty(actorA);
        ArgumentException.ThrowIfNullOrEmpty(actorB);
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<(string, object?)> { ("a", actorA), ("b", actorB) };
        var where = Where(filter with { Actor = null, With = null }, parameters);
        var periodSql = period switch
        {
            Period.Year => "strftime(date, '%Y')",
            Period.Quarter => "strftime(date, '%Y') || '-Q' || quarter(date)::VARCHAR",
            _ => "strftime(date, '%Y-%m')",
        };
        var sql = $"""
            SELECT {periodSql} AS period, CASE WHEN {Side("source", "a", actorA)} AND {Side("target", "b", actorB)} THEN 0 ELSE 1 END AS dir,
                   count(*), count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
                   count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
                   sum(goldstein), avg(goldstein)
            FROM merged_events
            {(where.Length == 0 ? "WHERE" : where + " AND")} date IS NOT NULL
              AND (({Side("source", "a", actorA)} AND {Side("target", "b", actorB)}) OR ({Side("source", "b", actorB)} AND {Side("target", "a", actorA)}))
            GROUP BY ALL
            ORDER BY period, dir
            """;
        var rows = new List<DyadPeriod>();
        using var cmd = Command(sql, [.. parameters]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var forward = r.GetInt32(1) == 0;
            rows.Add(new DyadPeriod(r.GetString(0), forward ? actorA : actorB, forward ? actorB : actorA,
                r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetDouble(7), r.GetDouble(8)));
        }

        return rows;
    }

    public IReadOnlyList<ActorActivity> TopActors(int top, EventFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<(string, object?)>();
        var where = Where(filter, parameters);
        var sql = $"""
            WITH sel AS (SELECT * FROM merged_events{where}),
            sides AS (
                SELECT {ActorKey("source")} AS actor, 1 AS as_source, 0 AS as_target, goldstein FROM sel
                UNION ALL
                SELECT {ActorKey("target")}, 0, 1, goldstein FROM sel)
            SELECT actor, count(*), sum(as_source)::BIGINT, sum(as_target)::BIGINT, avg(goldstein)
            FROM sides WHERE actor IS NOT NULL GROUP BY actor ORDER BY count(*) DESC, actor LIMIT {top.ToString(CultureInfo.InvariantCulture)}
            """;
        var rows = new List<ActorActivity>();
        using var cmd = Command(sql, [.. parameters]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            rows.Add(new ActorActivity(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetDouble(4)));
        return rows;
    }

    public IReadOnlyList<DyadTotal> TopDyads(int top, EventFilter filter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<(string, object?)>();
        var where = Where(filter, parameters);
        var sql = $"""
            WITH pairs AS (
                SELECT {ActorKey("source")} AS s, {ActorKey("target")} AS t, quad_class, goldstein
                FROM merged_events{where})
            SELECT least(s, t) AS a, greatest(s, t) AS b, count(*),
                   count(*) FILTER (WHERE quad_class <= 2), count(*) FILTER (WHERE quad_class >= 3), avg(goldstein)
            FROM pairs WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
            GROUP BY ALL ORDER BY count(*) DESC, a, b LIMIT {top.ToString(CultureInfo.InvariantCulture)}
            """;
        var rows = new List<DyadTotal>();
        using var cmd = Command(sql, [.. parameters]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
            rows.Add(new DyadTotal(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5)));
        return rows;
    }

    public void ExportParquet(string path, EventFilter filter)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(filter);
        var parameters = new List<(string, object?)>();
        var where = Where(filter, parameters);
        var order = filter.Ascending ? "date ASC NULLS FIRST, event_id" : "date DESC NULLS LAST, event_id";
        var limit = filter.Limit is { } n ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        // COPY takes the file name as a literal, not a parameter: quote it the SQL way.
        var literal = "'" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "'";
        Execute($"COPY (SELECT {MergedColumns} FROM merged_events{where} ORDER BY {order}{limit}) TO {literal} (FORMAT parquet, COMPRESSION zstd)", [.. parameters]);
    }

    public void ExportRecords(string path, Export.ExportFormat format, EventFilter filter)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(filter);
        var options = format switch
        {
            Export.ExportFormat.Csv => "FORMAT csv, HEADER",
            Export.ExportFormat.Jsonl => "FORMAT json",
            Export.ExportFormat.Parquet => "FORMAT parquet, COMPRESSION zstd",
            _ => throw new ArgumentException($"event records are written as CSV, JSONL or Parquet, not {format}", nameof(format)),
        };
        var parameters = new List<(string, object?)>();
        var where = Where(filter, parameters);
        var order = filter.Ascending ? "date ASC NULLS FIRST, doc_id, sentence" : "date DESC NULLS LAST, doc_id, sentence";
        var limit = filter.Limit is { } n ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        var literal = "'" + Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal) + "'";
        Execute($"""
            COPY (SELECT * FROM (
                    SELECT e.* EXCLUDE (record_id, merge_key), d.url, d.title, d.source AS outlet
                    FROM events e JOIN documents d ON d.doc_id = e.doc_id){where}
                  ORDER BY {order}{limit})
            TO {literal} ({options})
            """, [.. parameters]);
    }

    /// <summary>An actor pattern matches a country code or a CAMEO code prefix: CHN matches country CHN and code CHNGOV.</summary>
    /// <summary>CAMEO sector codes: alone, without a country, they name a kind of actor, not an actor.</summary>
    private const string BareSectors =
        "'GOV','MIL','COP','JUD','SPY','OPP','PTY','REB','INS','SEP','UAF','AGR','BUS','CRM','CVL','DEV','EDU','ELI','ENV'," +
        "'HLH','HRI','LAB','LEG','MED','REF','MOD','RAD','PPL'";

    /// <summary>Who an actor is for rankings: its country, else its code (IGOUNO), and nobody for a bare sector.</summary>
    private static string ActorKey(string side) =>
        $"CASE WHEN {side}_country IS NOT NULL THEN {side}_country WHEN left({side}_code, 3) IN ({BareSectors}) THEN NULL ELSE {side}_code END";

    /// <remarks>
    /// A code that starts with a country's code belongs to that country (CHNGOV has country CHN), so a
    /// three-letter pattern only needs the prefix test on actors without a country (IGOUNO, AFR); a longer
    /// pattern (USAGOV) is a code prefix. Keeping string work off most rows is what keeps a dyad query over
    /// ten million events well under a second.
    /// </remarks>
    private static string Side(string side, string parameter, string pattern) => pattern.Length == 3
        ? $"({side}_country = ${parameter} OR ({side}_country IS NULL AND starts_with({side}_code, ${parameter})))"
        : $"starts_with({side}_code, ${parameter})";

    private static string Where(EventFilter f, List<(string, object?)> parameters)
    {
        var sb = new StringBuilder();
        void And(string condition) => sb.Append(sb.Length == 0 ? " WHERE " : " AND ").Append(condition);

        if (f.Actor is { Length: > 0 } actor)
        {
            parameters.Add(("actor", actor));
            if (f.With is { Length: > 0 } with)
            {
                parameters.Add(("with", with));
                And($"(({Side("source", "actor", actor)} AND {Side("target", "with", with)}) OR ({Side("source", "with", with)} AND {Side("target", "actor", actor)}))");
            }
            else
            {
                And($"({Side("source", "actor", actor)} OR {Side("target", "actor", actor)})");
            }
        }
        else if (f.With is { Length: > 0 } with)
        {
            parameters.Add(("with", with));
            And($"({Side("source", "with", with)} OR {Side("target", "with", with)})");
        }

        if (f.Type is { Length: > 0 } type)
        {
            parameters.Add(("type", type));
            And(char.IsAsciiDigit(type[0]) ? "starts_with(cameo, $type)" : "plover = upper($type)");
        }

        if (f.Since is { } since)
        {
            parameters.Add(("since", since));
            And("date >= $since");
        }

        if (f.Until is { } until)
        {
            parameters.Add(("until", until));
            And("date <= $until");
        }

        if (f.Dyadic)
            And("source_code IS NOT NULL AND target_code IS NOT NULL");

        if (f.QuadClass is { } q)
        {
            parameters.Add(("quad", q));
            And("quad_class = $quad");
        }

        return sb.ToString();
    }
}
