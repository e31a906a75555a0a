using System.IO.Compression;
using System.Text.Json;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Entities;

/// <summary>Kinds of gazetteer entries, as bits.</summary>
[Flags]
public enum GazetteerKind : ushort
{
    None = 0,
    Country = 1,
    City = 2,
    Demonym = 4,
    Region = 8,
    Person = 16,
    Organization = 32,

    /// <summary>The last name of a person entry, alone ("Ghani" of "Ashraf Ghani").</summary>
    Surname = 64,

    /// <summary>Set on the first word of a match.</summary>
    Start = 128,

    /// <summary>The first name of a person entry, alone ("Ashraf" of "Ashraf Ghani").</summary>
    GivenName = 256,
}

/// <summary>
/// Place names (countries, capitals and cities, regions), demonyms, and the people and organizations of
/// the PETRARCH actor dictionaries, as lower-case word sequences of up
/// to <see cref="MaxWords"/> words, keyed by a hash of the sequence. The recognizer marks each word with
/// the kinds of the longest entries that cover it; the model learns how far to trust them (many city
/// names are also ordinary words). Compiled at training time from ../shared/data/gazetteer and stored
/// in the model file. Immutable; shared by all threads.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxWords = 5;

    /// <summary>Written in place of the entry count by the format that stores kinds as 16 bits.</summary>
    private const int WideFormat = -2;

    private readonly Dictionary<ulong, GazetteerKind> _entries;

    public Gazetteer(Dictionary<ulong, GazetteerKind> entries)
    {
        _entries = entries;
    }

    public static Gazetteer Empty { get; } = new([]);

    /// <summary>Number of names (word sequences).</summary>
    public int Count => _entries.Count;

    /// <summary>The hash of a word sequence, from its words' lower-case hashes.</summary>
    public static ulong SequenceKey(ReadOnlySpan<ulong> lowerHashes)
    {
        var h = 0x51ED27UL;
        foreach (var w in lowerHashes)
            h = FeatureHash.Feature(7, h, w);
        return h;
    }

    /// <summary>
    /// Marks each word with the kinds of the longest matches covering it (<see cref="GazetteerKind.Start"/>
    /// on a match's first word); <paramref name="marks"/> must be as long as <paramref name="lowerHashes"/>.
    /// </summary>
    public void Mark(ReadOnlySpan<ulong> lowerHashes, Span<GazetteerKind> marks)
    {
        marks.Clear();
        if (_entries.Count == 0)
            return;
        var i = 0;
        while (i < lowerHashes.Length)
        {
            var matched = 0;
            var kind = GazetteerKind.None;
            for (var len = Math.Min(MaxWords, lowerHashes.Length - i); len >= 1; len--)
            {
                if (_entries.TryGetValue(SequenceKey(lowerHashes.Slice(i, len)), out var k))
                {
                    matched = len;
                    kind = k;
                    break;
                }
            }

            if (matched == 0)
            {
                i++;
                continue;
            }

            marks[i] |= kind | GazetteerKind.Start;
            for (var j = 1; j < matched; j++)
                marks[i + j] |= kind;
            i += matched;
        }
    }

    public void Write(ModelWriter w)
    {
        w.Raw.Write(WideFormat);
        w.Raw.Write(_entries.Count);
        foreach (var (k, v) in _entries)
        {
            w.Raw.Write(k);
            w.Raw.Write((ushort)v);
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote, or the older format with 8-bit kinds.</summary>
    public static Gazetteer Read(ModelReader r)
    {
        var n = r.Raw.ReadInt32();
        var wide = n == WideFormat;
        if (wide)
            n = r.Raw.ReadInt32();
        if (n < 0)
            throw new InvalidDataException("negative gazetteer size");
        var entries = new Dictionary<ulong, GazetteerKind>(n);
        for (var i = 0; i < n; i++)
            entries[r.Raw.ReadUInt64()] = (GazetteerKind)(wide ? r.Raw.ReadUInt16() : r.Raw.ReadByte());
        return new Gazetteer(entries);
    }

    /// <summary>
    /// Adds the names of a PETRARCH actor dictionary (Phoenix.*.actors.txt: "NAME_ [CODE]" entries with
    /// "+SYNONYM_" lines): entries with dated roles ("[AFGGOV 050201-091231]") are people, entries whose
    /// code is a bare country code are countries, the others organizations (IGOs, NGOs, parties, armed
    /// groups, companies).
    /// </summary>
    public static void AddPetrarchActors(Dictionary<ulong, GazetteerKind> entries, string path)
    {
        var names = new List<string>();
        var codes = new List<string>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line[0] == '#')
                continue;
            if (line[0] == '+')
            {
                names.Add(NameOf(line[1..]));
                CollectCodes(line, codes);
                continue;
            }

            if (char.IsWhiteSpace(line[0]))
            {
                CollectCodes(line, codes);
                continue;
            }

            FlushActor(entries, names, codes);
            names.Add(NameOf(line));
            CollectCodes(line, codes);
        }

        FlushActor(entries, names, codes);
    }

    private static string NameOf(string line)
    {
        var end = line.IndexOfAny(['[', '#', ' ', '\t']);
        var name = end < 0 ? line : line[..end];
        return name.Replace('_', ' ').Trim();
    }

    private static void CollectCodes(string line, List<string> codes)
    {
        var comment = line.IndexOf('#');
        var i = line.IndexOf('[');
        while (i >= 0 && (comment < 0 || i < comment))
        {
            var j = line.IndexOf(']', i);
            if (j < 0)
                break;
            codes.Add(line[(i + 1)..j]);
            i = line.IndexOf('[', j);
        }
    }

    private static void FlushActor(Dictionary<ulong, GazetteerKind> entries, List<string> names, List<string> codes)
    {
        if (names.Count > 0 && codes.Count > 0)
        {
            var person = false;
            var country = true;
            foreach (var c in codes)
            {
                // a role with dates belongs to a person
                if (c.Contains(' ', StringComparison.Ordinal) && c.AsSpan(c.IndexOf(' ') + 1).IndexOfAnyInRange('0', '9') >= 0)
                    person = true;
                if (c.Length != 3)
                    country = false;
            }

            var kind = person ? GazetteerKind.Person : country ? GazetteerKind.Country : GazetteerKind.Organization;
            foreach (var name in names)
            {
                if (name.Length < 2)
                    continue;
                Add(entries, name, kind);
                var space = name.LastIndexOf(' ');
                if (person && space > 0 && name.Length - space > 3)
                    Add(entries, name[(space + 1)..], GazetteerKind.Surname);
                var first = name.IndexOf(' ');
                if (person && first > 2)
                    Add(entries, name[..first], GazetteerKind.GivenName);
            }
        }

        names.Clear();
        codes.Clear();
    }

    /// <summary>
    /// Compiles the gazetteer from countries.json (names, official names, alternative spellings,
    /// capitals, regions, English demonyms) and cities15000.txt.gz (names and ASCII names of cities
    /// of at least <paramref name="minPopulation"/> people).
    /// </summary>
    public static Gazetteer Build(string countriesJson, string? citiesTsvGz, IEnumerable<string>? petrarchActorFiles = null, int minPopulation = 15000)
    {
        var entries = new Dictionary<ulong, GazetteerKind>();
        foreach (var f in petrarchActorFiles ?? [])
            AddPetrarchActors(entries, f);
        using (var f = File.OpenRead(countriesJson))
        using (var doc = JsonDocument.Parse(f))
        {
            foreach (var c in doc.RootElement.EnumerateArray())
            {
                if (c.TryGetProperty("name", out var name))
                {
                    AddString(entries, name, "common", GazetteerKind.Country);
                    AddString(entries, name, "official", GazetteerKind.Country);
                }

                AddStrings(entries, c, "altSpellings", GazetteerKind.Country, minLength: 4);
                AddStrings(entries, c, "capital", GazetteerKind.City);
                AddString(entries, c, "region", GazetteerKind.Region);
                AddString(entries, c, "subregion", GazetteerKind.Region);
                if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
                {
                    AddString(entries, eng, "m", GazetteerKind.Demonym);
                    AddString(entries, eng, "f", GazetteerKind.Demonym);
                }
            }
        }

        if (citiesTsvGz is not null)
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(citiesTsvGz), CompressionMode.Decompress));
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                var cols = line.Split('\t');
                if (cols.Length < 15 || !long.TryParse(cols[14], out var population) || population < minPopulation)
                    continue;
                Add(entries, cols[1], GazetteerKind.City);
                Add(entries, cols[2], GazetteerKind.City);
            }
        }

        return new Gazetteer(entries);
    }

    private static void AddString(Dictionary<ulong, GazetteerKind> entries, JsonElement obj, string property, GazetteerKind kind)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String)
            Add(entries, v.GetString()!, kind);
    }

    private static void AddStrings(Dictionary<ulong, GazetteerKind> entries, JsonElement obj, string property, GazetteerKind kind, int minLength = 1)
    {
        if (!obj.TryGetProperty(property, out var v) || v.ValueKind != JsonValueKind.Array)
            return;
        foreach (var s in v.EnumerateArray())
        {
            if (s.ValueKind == JsonValueKind.String && s.GetString() is { } str && str.Length >= minLength)
                Add(entries, str, kind);
        }
    }

    private static void Add(Dictionary<ulong, GazetteerKind> entries, string name, GazetteerKind kind)
    {
        var words = ClusterBuilder.Tokenize(name);
        if (words.Count == 0 || words.Count > MaxWords)
            return;
        Span<ulong> hashes = stackalloc ulong[words.Count];
        for (var i = 0; i < words.Count; i++)
            hashes[i] = FeatureHash.OfLowerChars(words[i]);
        var key = SequenceKey(hashes);
        entries[key] = (entries.TryGetValue(key, out var k) ? k : GazetteerKind.None) | kind;
    }
}
