using Entente.Coding.Cameo;
using Entente.Coding.Events.Dictionary;
using Entente.Coding.Events.Lexicon;
using Entente.Coding.Events.Places;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events;

/// <summary>
/// Everything the event coder loads: the compiled verb dictionaries, the eventive nouns, the CAMEO taxonomy
/// (Goldstein, QuadClass, PLOVER), the place gazetteer and, optionally, the discard filter. Loaded once,
/// immutable, shared by all threads.
/// </summary>
public sealed class EventResources
{
    /// <summary>Where the default files live under data/.</summary>
    public static class Paths
    {
        public const string CameoVerbs = "dictionaries/verbs/CAMEO.2.0.txt";
        public const string EntenteVerbs = "dictionaries/verbs/Entente.additions.txt";
        public const string Nouns = "dictionaries/verbs/Entente.nouns.txt";
        public const string CameoCodes = "cameo/cameo-codes.tsv";
        public const string CameoToPlover = "cameo/CAMEO2PLOVER-2021.txt";
        public const string Places = "places/places.tsv.gz";
    }

    private EventResources(VerbLexicon verbs, NounEventLexicon nouns, CameoTaxonomy taxonomy, Gazetteer gazetteer, IDiscardFilter? discards)
    {
        Verbs = verbs;
        Nouns = nouns;
        Taxonomy = taxonomy;
        Gazetteer = gazetteer;
        Discards = discards;
    }

    internal VerbLexicon Verbs { get; }

    internal NounEventLexicon Nouns { get; }

    public CameoTaxonomy Taxonomy { get; }

    public Gazetteer Gazetteer { get; }

    public IDiscardFilter? Discards { get; }

    /// <summary>Names of the verb dictionaries, their verb and pattern counts.</summary>
    public string VerbSummary => $"{Verbs.Source}: {Verbs.VerbCount} verbs, {Verbs.PatternCount} patterns, {Verbs.Transformations.Count} transformations";

    public int NounCount => Nouns.Count;

    /// <summary>Loads the defaults from the data directory. A missing file is an exception: the installation is broken.</summary>
    public static EventResources Load(DataDirectory data, List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var verbs = new List<VerbDictionary>
        {
            VerbDictionaryReader.Load(data[Paths.CameoVerbs], diagnostics),
        };
        if (File.Exists(data[Paths.EntenteVerbs]))
            verbs.Add(VerbDictionaryReader.Load(data[Paths.EntenteVerbs], diagnostics));
        var nouns = File.Exists(data[Paths.Nouns]) ? NounEventLexicon.Load(data[Paths.Nouns], diagnostics) : NounEventLexicon.Empty;
        var taxonomy = CameoTaxonomy.Load(data[Paths.CameoCodes], data[Paths.CameoToPlover], diagnostics);
        var gazetteer = File.Exists(data[Paths.Places]) ? Gazetteer.Load(data[Paths.Places], diagnostics) : Gazetteer.Empty;
        return new EventResources(VerbLexicon.Compile(VerbDictionary.Merge(verbs), diagnostics), nouns, taxonomy, gazetteer, null);
    }

    /// <summary>
    /// Resources from explicit verb dictionary files (the PETRARCH evaluation uses PETR.Validate.verbs.txt), with
    /// the taxonomy and gazetteer of the data directory and no eventive nouns unless given.
    /// </summary>
    public static EventResources FromVerbFiles(
        IReadOnlyList<string> verbFiles,
        DataDirectory data,
        string? nounsFile = null,
        List<Diagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(verbFiles);
        ArgumentNullException.ThrowIfNull(data);
        var verbs = new List<VerbDictionary>(verbFiles.Count);
        foreach (var f in verbFiles)
            verbs.Add(VerbDictionaryReader.Load(f, diagnostics));
        var nouns = nounsFile is null ? NounEventLexicon.Empty : NounEventLexicon.Load(nounsFile, diagnostics);
        var taxonomy = CameoTaxonomy.Load(data[Paths.CameoCodes], data[Paths.CameoToPlover], diagnostics);
        var gazetteer = File.Exists(data[Paths.Places]) ? Gazetteer.Load(data[Paths.Places], diagnostics) : Gazetteer.Empty;
        return new EventResources(VerbLexicon.Compile(VerbDictionary.Merge(verbs), diagnostics), nouns, taxonomy, gazetteer, null);
    }

    /// <summary>Resources built from parts (tests build small dictionaries in memory).</summary>
    internal static EventResources FromParts(
        VerbDictionary verbs,
        NounEventLexicon? nouns,
        CameoTaxonomy taxonomy,
        Gazetteer? gazetteer = null,
        IDiscardFilter? discards = null,
        List<Diagnostic>? diagnostics = null) =>
        new(VerbLexicon.Compile(verbs, diagnostics), nouns ?? NounEventLexicon.Empty, taxonomy, gazetteer ?? Gazetteer.Empty, discards);

    /// <summary>The same resources with a discard filter.</summary>
    public EventResources WithDiscards(IDiscardFilter? discards) => new(Verbs, Nouns, Taxonomy, Gazetteer, discards);
}
