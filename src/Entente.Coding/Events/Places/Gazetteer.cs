using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Places;

/// <summary>What kind of place a gazetteer entry is.</summary>
public enum PlaceKind : byte
{
    City,
    Country,
}

/// <summary>One gazetteer entry: a name and where it is.</summary>
public sealed record GazetteerPlace(string Name, PlaceKind Kind, string? Country, double Lat, double Lon, long Population)
{
    public Place ToPlace() => new(Name, Country, Lat, Lon);
}

/// <summary>
/// Place names with coordinates (data/places/places.tsv.gz: GeoNames cities over 15,000 people and the
/// countries of mledoze/countries), looked up by lower-case name of up to <see cref="MaxWords"/> words. Each name
/// keeps one place: a country over a city of the same name, else the most populous city ("Paris" is in France).
/// Immutable; shared by all threads.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxWords = 5;

    private readonly FrozenDictionary<string, GazetteerPlace> _byName;
    private readonly FrozenDictionary<string, GazetteerPlace>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private Gazetteer(Dictionary<string, GazetteerPlace> byName)
    {
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Gazetteer Empty { get; } = new([]);

    public int Count => _byName.Count;

    /// <summary>The place called <paramref name="lowerName"/> (lower case, words separated by one space), or null.</summary>
    public GazetteerPlace? Find(ReadOnlySpan<char> lowerName) => _lookup.TryGetValue(lowerName, out var p) ? p : null;

    /// <summary>Loads a places file: "key TAB name TAB kind TAB iso3 TAB lat TAB lon TAB population" lines, gzip or plain.</summary>
    public static Gazetteer Load(string path, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input);
        return Parse(ReadLines(reader), Path.GetFileName(path), diagnostics);
    }

    private static IEnumerable<string> ReadLines(StreamReader reader)
    {
        while (reader.ReadLine() is { } line)
            yield return line;
    }

    public static Gazetteer Parse(IEnumerable<string> lines, string source, List<Diagnostic>? diagnostics = null)
    {
        var byName = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
                continue;
            var f = line.Split('\t');
            if (f.Length < 7
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !long.TryParse(f[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out var population))
            {
                diagnostics?.Add(new Diagnostic(Severity.Warning, "bad-place", "expected 7 tab-separated fields: key, name, kind, iso3, lat, lon, population", source, lineNo));
                continue;
            }

            var kind = f[2] == "country" ? PlaceKind.Country : PlaceKind.City;
            var name = names.TryGetValue(f[1], out var n) ? n : names[f[1]] = f[1];
            var place = new GazetteerPlace(name, kind, f[3].Length == 0 ? null : f[3], lat, lon, population);
            var key = f[0];
            if (!byName.TryGetValue(key, out var old) || Prefer(place, old))
                byName[key] = place;
        }

        return new Gazetteer(byName);
    }

    private static bool Prefer(GazetteerPlace candidate, GazetteerPlace current)
    {
        if (candidate.Kind != current.Kind)
            return candidate.Kind == PlaceKind.Country;
        return candidate.Population > current.Population;
    }
}
