using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Entente.Coding.Events.Places;

/// <summary>
/// Extracts data/places/places.tsv.gz from the reference gazetteers: every GeoNames city of cities15000 under its
/// name and ASCII name (and, for cities of a million people or more, its ASCII alternate names, so "Kiev" finds
/// Kyiv), and every country of countries.json under its common and official names and longer alternate spellings.
/// Deterministic: the same inputs give the same file.
/// </summary>
public static class GazetteerBuilder
{
    /// <summary>Cities this large also get their alternate (ASCII, capitalized) names.</summary>
    public const long AlternateNamePopulation = 1_000_000;

    public sealed record Summary(int Cities, int Countries, int Keys);

    public static Summary Build(string citiesPath, string countriesJsonPath, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(citiesPath);
        ArgumentNullException.ThrowIfNull(countriesJsonPath);
        ArgumentNullException.ThrowIfNull(outputPath);

        var rows = new SortedSet<string>(StringComparer.Ordinal);
        var iso2To3 = new Dictionary<string, string>(StringComparer.Ordinal);
        var countries = 0;
        using (var json = JsonDocument.Parse(File.ReadAllBytes(countriesJsonPath)))
        {
            foreach (var c in json.RootElement.EnumerateArray())
            {
                var cca2 = c.GetProperty("cca2").GetString() ?? "";
                var cca3 = c.GetProperty("cca3").GetString() ?? "";
                iso2To3[cca2] = cca3;
                var common = c.GetProperty("name").GetProperty("common").GetString() ?? "";
                var official = c.GetProperty("name").GetProperty("official").GetString() ?? "";
                var latlng = c.GetProperty("latlng");
                if (latlng.GetArrayLength() < 2 || common.Length == 0)
                    continue;
                var lat = latlng[0].GetDouble();
                var lon = latlng[1].GetDouble();
                countries++;
                var names = new List<string> { common, official };
                if (c.TryGetProperty("altSpellings", out var alts))
                {
                    foreach (var a in alts.EnumerateArray())
                    {
                        var s = a.GetString() ?? "";
                        if (s.Length > 3 && IsAsciiName(s))
                            names.Add(s);
                    }
                }

                foreach (var n in names)
                    AddRow(rows, n, common, "country", cca3, lat, lon, 0);
            }
        }

        var cities = 0;
        using (var file = File.OpenRead(citiesPath))
        using (Stream input = citiesPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file)
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                var f = line.Split('\t');
                if (f.Length < 15)
                    continue;
                if (!double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                    || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                    || !long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population))
                {
                    continue;
                }

                cities++;
                var iso3 = iso2To3.TryGetValue(f[8], out var c3) ? c3 : "";
                var name = f[2].Length > 0 && IsAsciiName(f[2]) ? f[2] : f[1];
                AddRow(rows, f[1], name, "city", iso3, lat, lon, population);
                AddRow(rows, f[2], name, "city", iso3, lat, lon, population);
                if (population >= AlternateNamePopulation)
                {
                    foreach (var alt in f[3].Split(','))
                    {
                        if (alt.Length > 3 && IsAsciiName(alt))
                            AddRow(rows, alt, name, "city", iso3, lat, lon, population);
                    }
                }
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        using (var output = File.Create(outputPath))
        using (var gz = new GZipStream(output, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine("# key\tname\tkind\tiso3\tlat\tlon\tpopulation");
            writer.WriteLine("# GeoNames cities15000 (CC BY 4.0) and mledoze/countries (ODbL 1.0); see data/places/README.md");
            foreach (var row in rows)
                writer.WriteLine(row);
        }

        return new Summary(cities, countries, rows.Count);
    }

    private static void AddRow(SortedSet<string> rows, string key, string name, string kind, string iso3, double lat, double lon, long population)
    {
        var k = NormalizeKey(key);
        if (k.Length < 2 || k.Split(' ').Length > Gazetteer.MaxWords)
            return;
        rows.Add(string.Create(CultureInfo.InvariantCulture, $"{k}\t{name}\t{kind}\t{iso3}\t{lat:0.#####}\t{lon:0.#####}\t{population}"));
    }

    /// <summary>Lower case, single spaces, hyphens kept: how the place finder spells what it looks up.</summary>
    public static string NormalizeKey(string name)
    {
        var sb = new StringBuilder(name.Length);
        var space = false;
        foreach (var ch in name.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
                sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    /// <summary>A name worth indexing from an alternate list: ASCII letters, spaces, hyphens, apostrophes, starting upper case.</summary>
    private static bool IsAsciiName(string s)
    {
        if (s.Length == 0 || !char.IsAsciiLetterUpper(s[0]))
            return false;
        foreach (var c in s)
        {
            if (!(char.IsAsciiLetter(c) || c is ' ' or '-' or '\'' or '.'))
                return false;
        }

        return true;
    }
}
