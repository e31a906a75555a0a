using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Entente.Coding;

namespace Entente.Store.Export;

public enum ExportFormat
{
    Gdelt,
    Csv,
    Jsonl,
    Parquet,
}

/// <summary>
/// Writes merged events as GDELT 2.0 event rows, CSV or JSONL. Parquet goes through DuckDB's COPY
/// (<see cref="IEventStore.ExportParquet"/>), not through here.
/// </summary>
public static class EventExport
{
    /// <summary>The 61 columns of the GDELT 2.0 event table, in GDELT's order (the files have no header).</summary>
    public static readonly string[] GdeltColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
        "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
        "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
        "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
        "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
        "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The CSV header: the store's own column names.</summary>
    public static readonly string[] CsvColumns =
    [
        "event_id", "date", "source_code", "source_country", "source_sector", "source_name",
        "target_code", "target_country", "target_sector", "target_name", "cameo", "root", "plover", "quad_class", "goldstein",
        "num_mentions", "num_sources", "num_articles", "is_root_event", "location_name", "location_country", "lat", "lon",
        "first_doc_id", "source_url", "date_added", "text",
    ];

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the events; returns how many were written.</summary>
    /// <param name="fips">ISO alpha-3 to FIPS 10-4 country codes, for GDELT's geography columns.</param>
    public static long Write(IEnumerable<MergedEvent> events, ExportFormat format, Stream output, CountryCodes? fips = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        if (format == ExportFormat.Parquet)
            throw new ArgumentException("Parquet is written by the store (DuckDB COPY), not by EventExport", nameof(format));
        long n = 0;
        if (format == ExportFormat.Jsonl)
        {
            using var json = new Utf8JsonWriter(output, JsonOptions);
            foreach (var e in events)
            {
                WriteJson(json, e);
                json.Flush();
                json.Reset();
                output.WriteByte((byte)'\n');
                n++;
            }

            output.Flush();
            return n;
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var fields = new string[format == ExportFormat.Gdelt ? GdeltColumns.Length : CsvColumns.Length];
        if (format == ExportFormat.Csv)
            WriteCsvLine(writer, CsvColumns);
        foreach (var e in events)
        {
            if (format == ExportFormat.Gdelt)
            {
                GdeltRow(e, fips, fields);
                for (var i = 0; i < fields.Length; i++)
                {
                    if (i > 0)
                        writer.Write('\t');
                    writer.Write(fields[i]);
                }

                writer.Write('\n');
            }
            else
            {
                CsvRow(e, fields);
                WriteCsvLine(writer, fields);
            }

            n++;
        }

        writer.Flush();
        return n;
    }

    /// <summary>Fills <paramref name="f"/> with one GDELT 2.0 event row; empty strings where Entente has nothing.</summary>
    internal static void GdeltRow(MergedEvent e, CountryCodes? fips, string[] f)
    {
        Array.Fill(f, "");
        f[0] = Int(e.EventId);
        if (e.Date is { } d)
        {
            f[1] = d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            f[2] = d.ToString("yyyyMM", CultureInfo.InvariantCulture);
            f[3] = d.ToString("yyyy", CultureInfo.InvariantCulture);
            f[4] = (d.Year + (d.DayOfYear - 1) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture);
        }

        Actor(e.Source, f, 5);
        Actor(e.Target, f, 15);
        f[25] = e.IsRootEvent ? "1" : "0";
        f[26] = e.Cameo;
        f[27] = e.Cameo.Length > 3 ? e.Cameo[..3] : e.Cameo;
        f[28] = e.Root;
        f[29] = Int(e.QuadClass);
        f[30] = e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture);
        f[31] = Int(e.NumMentions);
        f[32] = Int(e.NumSources);
        f[33] = Int(e.NumArticles);
        // f[34] AvgTone: Entente does not score tone.
        f[35] = "0"; // Actor1Geo_Type: GDELT writes 0 when an actor has no location
        f[43] = "0";
        if (e.LocationName is { } place)
        {
            var fipsCode = e.LocationCountry is { } iso ? fips?.Fips(iso) : null;
            var isCountry = e.LocationCountry is not null && e.Lat is null;
            f[51] = isCountry ? "1" : "4"; // 1 = country, 4 = world city (GDELT's geography types)
            f[52] = Clean(place);
            f[53] = fipsCode ?? "";
            f[54] = fipsCode ?? "";
            f[56] = e.Lat is { } lat ? lat.ToString("0.####", CultureInfo.InvariantCulture) : "";
            f[57] = e.Lon is { } lon ? lon.ToString("0.####", CultureInfo.InvariantCulture) : "";
        }
        else
        {
            f[51] = "0";
        }

        f[59] = e.DateAdded.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        f[60] = Clean(e.SourceUrl ?? e.FirstDocument);
    }

    private static void Actor(ActorSide a, string[] f, int at)
    {
        f[at] = Clean(a.Code ?? "");
        f[at + 1] = Clean(a.Name ?? "").ToUpperInvariant();
        f[at + 2] = a.Country ?? "";
        // GDELT puts the organisation of IGO/NGO/IMG codes in KnownGroupCode (IGOUNO -> UNO).
        if (a.Code is { Length: >= 6 } code && code[..3] is "IGO" or "NGO" or "NGM" or "IMG" or "MNC")
            f[at + 3] = code[3..6];
        f[at + 7] = a.Sector ?? "";
    }

    private static void CsvRow(MergedEvent e, string[] f)
    {
        f[0] = Int(e.EventId);
        f[1] = e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        f[2] = e.Source.Code ?? "";
        f[3] = e.Source.Country ?? "";
        f[4] = e.Source.Sector ?? "";
        f[5] = e.Source.Name ?? "";
        f[6] = e.Target.Code ?? "";
        f[7] = e.Target.Country ?? "";
        f[8] = e.Target.Sector ?? "";
        f[9] = e.Target.Name ?? "";
        f[10] = e.Cameo;
        f[11] = e.Root;
        f[12] = e.Plover ?? "";
        f[13] = Int(e.QuadClass);
        f[14] = e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture);
        f[15] = Int(e.NumMentions);
        f[16] = Int(e.NumSources);
        f[17] = Int(e.NumArticles);
        f[18] = e.IsRootEvent ? "true" : "false";
        f[19] = e.LocationName ?? "";
        f[20] = e.LocationCountry ?? "";
        f[21] = e.Lat?.ToString(CultureInfo.InvariantCulture) ?? "";
        f[22] = e.Lon?.ToString(CultureInfo.InvariantCulture) ?? "";
        f[23] = e.FirstDocument;
        f[24] = e.SourceUrl ?? "";
        f[25] = e.DateAdded.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        f[26] = e.Text ?? "";
    }

    public static void WriteCsvLine(TextWriter w, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                w.Write(',');
            var v = fields[i];
            if (v.AsSpan().IndexOfAny(",\"\n\r") >= 0)
            {
                w.Write('"');
                w.Write(v.Replace("\"", "\"\"", StringComparison.Ordinal));
                w.Write('"');
            }
            else
            {
                w.Write(v);
            }
        }

        w.Write('\n');
    }

    public static void WriteJson(Utf8JsonWriter w, MergedEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("eventId", e.EventId);
        if (e.Date is { } d)
            w.WriteString("date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        else
            w.WriteNull("date");
        WriteSide(w, "source", e.Source);
        WriteSide(w, "target", e.Target);
        w.WriteString("cameo", e.Cameo);
        w.WriteString("root", e.Root);
        w.WriteString("plover", e.Plover);
        w.WriteNumber("quadClass", e.QuadClass);
        w.WriteNumber("goldstein", e.Goldstein);
        w.WriteNumber("numMentions", e.NumMentions);
        w.WriteNumber("numSources", e.NumSources);
        w.WriteNumber("numArticles", e.NumArticles);
        w.WriteBoolean("isRootEvent", e.IsRootEvent);
        RecordJson.WriteLocation(w, "location", e.LocationName, e.LocationCountry, e.Lat, e.Lon);

        w.WriteString("firstDoc", e.FirstDocument);
        w.WriteString("sourceUrl", e.SourceUrl);
        w.WriteString("dateAdded", e.DateAdded.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        w.WriteString("text", e.Text);
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, string name, ActorSide a)
    {
        if (a.Code is null && a.Name is null)
        {
            w.WriteNull(name);
            return;
        }

        RecordJson.WriteActor(w, name, a.Name, a.Code, a.Country, a.Sector);
    }

    private static string Int(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Tabs and line breaks would break a TSV row.</summary>
    private static string Clean(string s) =>
        s.AsSpan().IndexOfAny("\t\r\n") < 0 ? s : s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}

/// <summary>ISO 3166 alpha-3 to FIPS 10-4 country codes (GDELT's geography columns), loaded from data/store/iso3-fips.tsv.</summary>
public sealed class CountryCodes
{
    private readonly Dictionary<string, string> _fipsByIso3;

    private CountryCodes(Dictionary<string, string> fipsByIso3) => _fipsByIso3 = fipsByIso3;

    public string? Fips(string iso3) => _fipsByIso3.TryGetValue(iso3, out var f) ? f : null;

    /// <summary>Loads the table; a missing file gives an empty table (geography columns then stay empty).</summary>
    public static CountryCodes Load(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return new CountryCodes(map);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var tab = line.IndexOf('\t');
            if (tab > 0)
                map[line[..tab]] = line[(tab + 1)..].Trim();
        }

        return new CountryCodes(map);
    }
}
