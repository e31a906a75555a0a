using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Entente.Coding.Actors;

/// <summary>
/// Builds the gazetteer-derived dictionary files of <c>data/dictionaries</c> from the reference gazetteers:
/// <c>countries.tsv</c> (the states: ISO alpha-3, name, capital, demonyms), <c>Entente.Demonyms.actors.txt</c>
/// (adjectival and plural forms: "Iranian", "Iranians" -> IRN) and <c>Entente.Capitals.actors.txt</c>
/// (capitals as their governments: "Tehran" -> IRNGOV). The output is a pure function of the inputs, so a test
/// rebuilds it and checks that the committed files are current.
/// </summary>
public static class GazetteerExtract
{
    /// <summary>CAMEO states that no longer exist or that ISO codes differently; they stay states for CAMEO codes.</summary>
    private static readonly (string Code, string Name)[] CameoStates =
    [
        ("USR", "Soviet Union"), ("SUN", "Soviet Union"), ("YUG", "Yugoslavia"), ("CSK", "Czechoslovakia"),
        ("DDR", "East Germany"), ("SCG", "Serbia and Montenegro"), ("FRY", "Federal Republic of Yugoslavia"),
        ("KSV", "Kosovo"), ("TMP", "East Timor"),
    ];

    /// <summary>Capitals that are also common names or places elsewhere: left out of the metonym file.</summary>
    private static readonly HashSet<string> AmbiguousCapitals = new(StringComparer.OrdinalIgnoreCase)
    {
        "Victoria", "Kingston", "Hamilton", "Georgetown", "Jamestown", "Washington D.C.", "City of Victoria",
        "Saint John's", "St. John's", "Road Town", "The Valley", "Avarua", "Alofi", "Adamstown", "Basseterre",
        "King Edward Point", "Kingston upon Thames", "Flying Fish Cove", "West Island", "Plymouth", "Brades",
        "Mata-Utu", "Yaren", "Funafuti", "Kralendijk", "Philipsburg", "Marigot", "Gustavia", "Cockburn Town",
        "Stanley", "Douglas", "Saint Helier", "St. Peter Port", "Longyearbyen", "Papeete", "Hagåtña", "Saipan",
        "Pago Pago", "Charlotte Amalie", "Oranjestad", "Willemstad", "Saint-Pierre", "Saint-Denis", "Cayenne",
        "Fort-de-France", "Basse-Terre", "Mamoudzou", "Nouméa", "Tórshavn", "Nuuk", "Mariehamn", "Gibraltar",
        "Ngerulmud", "Palikir", "Majuro", "South Tarawa", "Tarawa", "Nukuʻalofa", "Apia", "Port Vila", "Honiara",
        "Santiago", "San José", "Lima", "Brussels", "Jerusalem", "Ramallah", "Washington, D.C.",
    };

    public sealed record Output(string CountriesTsv, string DemonymsActors, string CapitalsActors);

    public static Output Build(string gazetteerDirectory)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var countries = ReadCountriesJson(Path.Combine(gazetteerDirectory, "countries.json"), names);
        AddCountryInfoNationalities(Path.Combine(gazetteerDirectory, "CountryInfo.txt.gz"), countries, names);
        foreach (var c in countries.Values)
            c.Demonyms.RemoveWhere(names.Contains); // "Gibraltar" is a place's name before it is anyone's demonym
        return new Output(CountriesTsv(countries), DemonymsActors(countries), CapitalsActors(countries));
    }

    private sealed class Country
    {
        public required string Code;
        public required string Name;
        public List<string> Capitals = [];
        public SortedSet<string> Demonyms = new(StringComparer.Ordinal);
        public bool Sovereign;
    }

    private static SortedDictionary<string, Country> ReadCountriesJson(string path, HashSet<string> names)
    {
        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var result = new SortedDictionary<string, Country>(StringComparer.Ordinal);
        foreach (var c in json.RootElement.EnumerateArray())
        {
            var code = c.GetProperty("cca3").GetString()!;
            if (code == "UNK")
                code = "KSV"; // mledoze codes Kosovo UNK; CAMEO codes it KSV
            var country = new Country
            {
                Code = code,
                Name = c.GetProperty("name").GetProperty("common").GetString()!,
                Sovereign = (c.TryGetProperty("unMember", out var un) && un.ValueKind == JsonValueKind.True) ||
                            (c.TryGetProperty("independent", out var ind) && ind.ValueKind == JsonValueKind.True),
            };
            names.Add(country.Name);
            if (c.GetProperty("name").TryGetProperty("official", out var official) && official.GetString() is { } o)
                names.Add(o);
            if (c.TryGetProperty("altSpellings", out var alts) && alts.ValueKind == JsonValueKind.Array)
            {
                foreach (var alt in alts.EnumerateArray())
                {
                    if (alt.GetString() is { } a)
                        names.Add(a);
                }
            }

            if (c.TryGetProperty("capital", out var caps) && caps.ValueKind == JsonValueKind.Array)
            {
                foreach (var cap in caps.EnumerateArray())
                {
                    if (cap.GetString() is { Length: > 0 } s)
                        country.Capitals.Add(s);
                }
            }

            if (c.TryGetProperty("demonyms", out var dem) && dem.TryGetProperty("eng", out var eng))
            {
                foreach (var g in new[] { "m", "f" })
                {
                    if (eng.TryGetProperty(g, out var v) && v.GetString() is { Length: > 0 } s)
                        country.Demonyms.Add(s);
                }
            }

            result[code] = country;
        }

        foreach (var (code, name) in CameoStates)
        {
            if (!result.ContainsKey(code))
                result[code] = new Country { Code = code, Name = name };
        }

        return result;
    }

    /// <summary>
    /// Adds CountryInfo's adjectival forms (the &lt;Nationality&gt; lines that read as demonyms). Those lines
    /// also hold names and spellings of the country itself ("PAKISTAN", "BAKISTAAN"): anything that is a
    /// country's name, or a -stan, is not a demonym.
    /// </summary>
    private static void AddCountryInfoNationalities(string path, SortedDictionary<string, Country> countries, HashSet<string> names)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        string? code = null;
        var inNationality = false;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var t = line.Trim();
            if (t.StartsWith("<CountryCode>", StringComparison.Ordinal))
            {
                code = t.Replace("<CountryCode>", "", StringComparison.Ordinal).Replace("</CountryCode>", "", StringComparison.Ordinal).Trim();
                continue;
            }

            if (t == "<Nationality>")
            {
                inNationality = true;
                continue;
            }

            if (t == "</Nationality>")
            {
                inNationality = false;
                continue;
            }

            if (!inNationality || code is null || code.Length != 3 || !countries.TryGetValue(code, out var country))
                continue;
            var hash = t.IndexOf('#');
            if (hash >= 0)
                t = t[..hash];
            var word = t.Trim().Trim('_').Replace('_', ' ');
            if (word.Length < 4 || word.Contains(' ', StringComparison.Ordinal) || word.Contains(',', StringComparison.Ordinal))
                continue;
            if (LooksLikeDemonym(word) && !names.Contains(word) && !word.EndsWith("STAN", StringComparison.OrdinalIgnoreCase) &&
                !word.EndsWith("STAAN", StringComparison.OrdinalIgnoreCase) && !word.Equals(country.Name, StringComparison.OrdinalIgnoreCase))
                country.Demonyms.Add(TitleCase(word));
        }
    }

    private static bool LooksLikeDemonym(string w)
    {
        var u = w.ToUpperInvariant();
        return u.EndsWith("AN", StringComparison.Ordinal) || u.EndsWith("ESE", StringComparison.Ordinal) ||
               u.EndsWith("ISH", StringComparison.Ordinal) ||
               (u.EndsWith('I') && u.Length > 4);
    }

    private static string TitleCase(string w) => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant();

    /// <summary>Plural of a people's name: Iranian -> Iranians, Emirati -> Emiratis; Chinese, British, Swiss stay.</summary>
    private static string? PeoplePlural(string demonym)
    {
        var lower = demonym.ToLowerInvariant();
        if (lower.EndsWith("ese", StringComparison.Ordinal) || lower.EndsWith("ish", StringComparison.Ordinal) ||
            lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith('s') || lower.EndsWith("sh", StringComparison.Ordinal) ||
            lower.EndsWith('x') || lower.EndsWith('z'))
            return null;
        return demonym + "s";
    }

    private static string Phrase(string text) => text.ToUpperInvariant().Replace(' ', '_');

    private static string CountriesTsv(SortedDictionary<string, Country> countries)
    {
        var sb = new StringBuilder();
        sb.Append("# States for CAMEO actor codes: ISO 3166 alpha-3 (plus CAMEO's historical states), name, capitals, demonyms.\n");
        sb.Append("# Generated by Entente.Coding.Actors.GazetteerExtract from countries.json (mledoze/countries, ODbL 1.0)\n");
        sb.Append("# and CountryInfo.txt (openeventdata, CC BY-SA 3.0). Do not edit: regenerate (see data/dictionaries/README.md).\n");
        sb.Append("code\tname\tcapitals\tdemonyms\n");
        foreach (var c in countries.Values)
            sb.Append(c.Code).Append('\t').Append(c.Name).Append('\t').AppendJoin('|', c.Capitals).Append('\t').AppendJoin('|', c.Demonyms).Append('\n');
        return sb.ToString();
    }

    private static string DemonymsActors(SortedDictionary<string, Country> countries)
    {
        var sb = new StringBuilder();
        sb.Append("# Demonyms and adjectival forms of state names, as PETRARCH actors: \"Iranian\", \"Iranians\" -> IRN.\n");
        sb.Append("# Generated by Entente.Coding.Actors.GazetteerExtract from countries.json (mledoze/countries, ODbL 1.0)\n");
        sb.Append("# and the <Nationality> forms of CountryInfo.txt (openeventdata, CC BY-SA 3.0). Do not edit: regenerate.\n\n");
        // A demonym shared by several states ("Korean", "Congolese") says nothing; one shared by a state and a
        // territory ("American": USA and the Northern Marianas) belongs to the state.
        var owners = new Dictionary<string, List<Country>>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries.Values)
        {
            foreach (var d in c.Demonyms)
            {
                if (!owners.TryGetValue(d, out var list))
                    owners[d] = list = [];
                list.Add(c);
            }
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries.Values)
        {
            var forms = new List<string>();
            foreach (var d in c.Demonyms)
            {
                var list = owners[d];
                var sovereigns = list.Count(o => o.Sovereign);
                if (list.Count > 1 && (sovereigns > 1 || !c.Sovereign))
                    continue;
                if (seen.Add(d))
                    forms.Add(d);
                if (PeoplePlural(d) is { } p && seen.Add(p))
                    forms.Add(p);
            }

            if (forms.Count == 0)
                continue;
            sb.Append(Phrase(forms[0])).Append("_ [").Append(c.Code).Append("]\n");
            for (var i = 1; i < forms.Count; i++)
                sb.Append('+').Append(Phrase(forms[i])).Append("_\n");
        }

        return sb.ToString();
    }

    private static string CapitalsActors(SortedDictionary<string, Country> countries)
    {
        var sb = new StringBuilder();
        sb.Append("# Capitals of sovereign states as their governments (\"Tehran said\" -> IRNGOV), as PETRARCH actors.\n");
        sb.Append("# Generated by Entente.Coding.Actors.GazetteerExtract from countries.json (mledoze/countries, ODbL 1.0).\n");
        sb.Append("# Capitals that are common names or other places are left out; Entente.Metonyms.actors.txt adds spellings\n");
        sb.Append("# (Kiev, Washington) and buildings. Do not edit: regenerate.\n\n");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in countries.Values)
        {
            if (!c.Sovereign)
                continue;
            foreach (var cap in c.Capitals)
            {
                if (AmbiguousCapitals.Contains(cap) || !seen.Add(cap))
                    continue;
                sb.Append(Phrase(cap)).Append("_ [").Append(c.Code).Append("GOV]\n");
            }
        }

        return sb.ToString();
    }
}
