using System.Text.Json;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>What a dictionary file holds.</summary>
public enum DictionaryKind : byte
{
    Actors,
    Agents,
    Discards,
    Issues,
}

/// <summary>
/// One dictionary file to load. <paramref name="Resolution"/> says how a match on one of its actors was
/// resolved (a file of capitals is <see cref="Coding.Resolution.Metonym"/>, a file of epithets
/// <see cref="Coding.Resolution.Epithet"/>); it matters only for actor files.
/// </summary>
public sealed record DictionaryFile(string Path, DictionaryKind Kind, Resolution Resolution = Resolution.Dictionary);

/// <summary>An actor of the compiled dictionary: its name as first written, its roles and how it resolves.</summary>
public sealed class ActorEntry(string name, ActorRole[] roles, Resolution resolution, bool isPerson, string? state, string source, int line)
{
    /// <summary>The state the actor belongs to (from its current code), or null for IGOs, NGOs and the like.</summary>
    public string? State { get; } = state;

    internal ReadOnlySpan<ActorRole> RoleSpan => _roles;

    public string Name { get; } = name;

    public IReadOnlyList<ActorRole> Roles => _roles;

    private readonly ActorRole[] _roles = roles;

    public Resolution Resolution { get; } = resolution;

    /// <summary>A person (an entry with dated roles and a sector), as opposed to a state, place or organisation.</summary>
    public bool IsPerson { get; } = isPerson;

    public string Source { get; } = source;

    public int Line { get; } = line;

    /// <summary>
    /// The code on <paramref name="date"/> (see <see cref="ActorRoles.Choose"/>); null when none, or for a "---"
    /// null actor. When the dictionary gives several actors for one phrase ("[FRO/BIL/SAM]"), the first.
    /// </summary>
    public string? CodeOn(DateOnly? date)
    {
        var code = ActorRoles.Choose(_roles, date);
        if (code is null || code.StartsWith("---", StringComparison.Ordinal))
            return null;
        var slash = code.IndexOf('/');
        return slash > 0 ? code[..slash] : code;
    }

    /// <summary>All the codes of a phrase that names several actors ("THE_SHIRE [FRO/BIL/SAM]"), else null.</summary>
    public string[]? AlternativesOn(DateOnly? date)
    {
        var code = ActorRoles.Choose(_roles, date);
        return code is not null && code.Contains('/', StringComparison.Ordinal)
            ? code.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
    }

    public override string ToString() => $"{Name} ({Source}:{Line})";
}

/// <summary>An agent of the compiled dictionary: a role code added after (or, when <see cref="Prefix"/>, before) an actor's code.</summary>
public sealed record AgentEntry(string Phrase, string Code, bool Prefix);

/// <summary>
/// The compiled PETRARCH dictionaries: actors, agents, discards and issues, each a trie over word pieces
/// (<see cref="PieceEnumerator"/>), sharing one vocabulary. Immutable after <see cref="Load"/>; safe to share
/// across threads. Later files override earlier ones phrase by phrase, as in PETRARCH, so a current dictionary
/// loaded after Phoenix corrects it.
/// </summary>
public sealed class ActorDictionary
{
    private readonly List<int> _scratch = [];

    internal PieceVocabulary Vocabulary { get; } = new();

    internal PhraseTrie ActorTrie { get; } = new(1 << 17);

    /// <summary>
    /// The actor phrases written with blanks between words ("ITHILEN TELEVISION"), which in TABARI's convention
    /// may match with other words in between ("Ithilen state-run television"); underscores ("ITHILEN_TELEVISION")
    /// keep words consecutive. These phrases are in <see cref="ActorTrie"/> too, for their consecutive form.
    /// </summary>
    internal PhraseTrie GappedActorTrie { get; } = new();

    internal PhraseTrie AgentTrie { get; } = new(1 << 14);

    internal PhraseTrie DiscardTrie { get; } = new(1 << 11);

    internal PhraseTrie IssueTrie { get; } = new(1 << 13);

    private readonly List<ActorEntry> _actors = [];
    private readonly List<AgentEntry> _agents = [];
    private readonly List<DiscardRecord> _discards = [];
    private readonly List<IssueRecord> _issues = [];

    private ActorDictionary(CameoCodes codes)
    {
        Codes = codes;
    }

    public CameoCodes Codes { get; }

    public IReadOnlyList<ActorEntry> Actors => _actors;

    public IReadOnlyList<AgentEntry> Agents => _agents;

    public IReadOnlyList<DiscardRecord> Discards => _discards;

    public IReadOnlyList<IssueRecord> Issues => _issues;

    /// <summary>Number of actor phrases (names and synonyms) compiled.</summary>
    public int ActorPhraseCount { get; private set; }

    public int AgentPhraseCount { get; private set; }

    /// <summary>Problems found while reading (bad dates, lines without codes, ...), with file and line.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>
    /// Loads and compiles the given files in order. A missing or unreadable file is an error diagnostic, not an
    /// exception; a bad line is a warning and the rest of the file still loads.
    /// </summary>
    public static ActorDictionary Load(IEnumerable<DictionaryFile> files, CameoCodes? codes = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var dict = new ActorDictionary(codes ?? new CameoCodes());
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            TextReader reader;
            try
            {
                reader = new StreamReader(file.Path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "dictionary-unreadable", $"cannot read dictionary: {e.Message}", file.Path));
                continue;
            }

            using (reader)
                dict.Add(reader, file.Kind, file.Resolution, Path.GetFileName(file.Path), diagnostics);
        }

        dict.Diagnostics = diagnostics;
        return dict;
    }

    /// <summary>Compiles dictionaries given as text (tests, or files read elsewhere).</summary>
    public static ActorDictionary FromText(IEnumerable<(string Text, DictionaryKind Kind, Resolution Resolution)> texts, CameoCodes? codes = null)
    {
        var dict = new ActorDictionary(codes ?? new CameoCodes());
        var diagnostics = new List<Diagnostic>();
        var i = 0;
        foreach (var (text, kind, resolution) in texts)
            dict.Add(new StringReader(text), kind, resolution, $"text{++i}", diagnostics);
        dict.Diagnostics = diagnostics;
        return dict;
    }

    /// <summary>
    /// The default dictionaries: the files listed in <c>data/dictionaries/manifest.json</c>, in order, with the
    /// states of <c>data/dictionaries/countries.tsv</c>. Throws <see cref="IOException"/> when the manifest is
    /// missing or unreadable (the CLI reports it); problems inside dictionary files are diagnostics.
    /// </summary>
    public static ActorDictionary LoadDefault(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var dir = data["dictionaries"];
        var manifest = Path.Combine(dir, "manifest.json");
        if (!File.Exists(manifest))
            throw new FileNotFoundException($"dictionary manifest not found: {manifest}", manifest);
        var files = ReadManifest(manifest);
        var countries = Path.Combine(dir, "countries.tsv");
        var codes = File.Exists(countries) ? CameoCodes.FromCountriesFile(countries) : new CameoCodes();
        return Load(files, codes);
    }

    /// <summary>The dictionary files a manifest lists: <c>{"files": [{"file", "kind", "resolution"}, ...]}</c>.</summary>
    public static List<DictionaryFile> ReadManifest(string manifestPath)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        using var stream = File.OpenRead(manifestPath);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{manifestPath}: not valid JSON ({e.Message})", e);
        }

        using (json)
        {
            var files = new List<DictionaryFile>();
            if (!json.RootElement.TryGetProperty("files", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InvalidDataException($"{manifestPath}: no \"files\" array");
            foreach (var f in list.EnumerateArray())
            {
                var name = f.TryGetProperty("file", out var n) ? n.GetString() : null;
                var kindText = f.TryGetProperty("kind", out var k) ? k.GetString() : null;
                if (name is null || !Enum.TryParse<DictionaryKind>(kindText, ignoreCase: true, out var kind))
                    throw new InvalidDataException($"{manifestPath}: entry without a valid \"file\" and \"kind\"");
                if (kind != DictionaryKind.Actors && kind != DictionaryKind.Agents && kind != DictionaryKind.Discards && kind != DictionaryKind.Issues)
                    continue;
                var resolution = Resolution.Dictionary;
                if (f.TryGetProperty("resolution", out var r) && !Enum.TryParse(r.GetString(), ignoreCase: true, out resolution))
                    throw new InvalidDataException($"{manifestPath}: unknown resolution '{r.GetString()}' for {name}");
                files.Add(new DictionaryFile(Path.Combine(dir, name), kind, resolution));
            }

            return files;
        }
    }

    private void Add(TextReader reader, DictionaryKind kind, Resolution resolution, string source, List<Diagnostic> diagnostics)
    {
        switch (kind)
        {
            case DictionaryKind.Actors:
                foreach (var rec in ActorDictionaryReader.Read(reader, source, diagnostics))
                    AddActor(rec, resolution, diagnostics);
                break;
            case DictionaryKind.Agents:
                foreach (var rec in AgentDictionaryReader.Read(reader, source, diagnostics))
                {
                    if (!Vocabulary.InternPhrase(rec.Phrase, _scratch))
                        continue;
                    AgentTrie.Add(_scratch, _agents.Count);
                    _agents.Add(new AgentEntry(rec.Phrase, rec.Code, rec.Prefix));
                    AgentPhraseCount++;
                }

                break;
            case DictionaryKind.Discards:
                foreach (var rec in DiscardDictionaryReader.Read(reader, source, diagnostics))
                {
                    if (!Vocabulary.InternPhrase(rec.Phrase, _scratch))
                        continue;
                    DiscardTrie.Add(_scratch, _discards.Count);
                    _discards.Add(rec);
                }

                break;
            case DictionaryKind.Issues:
                foreach (var rec in IssueDictionaryReader.Read(reader, source, diagnostics))
                {
                    var id = _issues.Count;
                    _issues.Add(rec);
                    foreach (var v in rec.Variants)
                    {
                        if (Vocabulary.InternPhrase(v, _scratch))
                            IssueTrie.Add(_scratch, id);
                    }
                }

                break;
        }
    }

    private void AddActor(ActorRecord rec, Resolution resolution, List<Diagnostic> diagnostics)
    {
        var roles = rec.Roles.ToArray();
        var person = false;
        foreach (var r in roles)
        {
            if (r.Dated && Codes.SectorOf(r.Code) is not null)
                person = true;
        }

        var id = _actors.Count;
        var state = Codes.CountryOf(ActorRoles.Choose(roles, null));
        _actors.Add(new ActorEntry(rec.Phrases[0].Trim('_', ' ').Replace('_', ' '), roles, resolution, person, state, rec.Source, rec.Line));
        foreach (var phrase in rec.Phrases)
        {
            if (!Vocabulary.InternPhrase(phrase, _scratch))
            {
                diagnostics.Add(new Diagnostic(Severity.Info, "empty-phrase", $"phrase '{phrase}' has no words", rec.Source, rec.Line));
                continue;
            }

            ActorTrie.Add(_scratch, id);
            if (_scratch.Count > 1 && HasBlankBetweenWords(phrase))
                GappedActorTrie.Add(_scratch, id);
            ActorPhraseCount++;
        }
    }

    /// <summary>True when words of <paramref name="phrase"/> are separated by a blank rather than joined by '_'.</summary>
    private static bool HasBlankBetweenWords(string phrase) => phrase.Trim().Trim('_').Contains(' ', StringComparison.Ordinal);

    /// <summary>Looks up a phrase (dictionary spelling or plain text) among the actors; null when absent.</summary>
    public ActorEntry? FindActor(string phrase) => FindWhole(ActorTrie, phrase) is var v and >= 0 ? _actors[v] : null;

    /// <summary>Looks up a phrase among the agents; null when absent.</summary>
    public AgentEntry? FindAgent(string phrase) => FindWhole(AgentTrie, phrase) is var v and >= 0 ? _agents[v] : null;

    /// <summary>The value of <paramref name="phrase"/> when the whole phrase is in <paramref name="trie"/>, else -1.</summary>
    private int FindWhole(PhraseTrie trie, string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var ids = new List<int>();
        var e = new PieceEnumerator(phrase);
        while (e.MoveNext())
            ids.Add(e.IsPossessive ? Vocabulary.PossessiveId : Vocabulary.Find(e.Current));
        var n = trie.Longest(ids.ToArray(), 0, out var value);
        return n == ids.Count && n > 0 ? value : -1;
    }

    internal ActorEntry ActorAt(int id) => _actors[id];

    internal AgentEntry AgentAt(int id) => _agents[id];
}
