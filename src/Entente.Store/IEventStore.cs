using Entente.Coding;

namespace Entente.Store;

/// <summary>
/// Where coded documents are kept and queried. DuckDB (<see cref="DuckDb.DuckDbStore"/>) is the embedded
/// default; the interface is small so that a PostgreSQL store for many workers can implement it later.
/// A store is used by one thread at a time.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>Where the store lives (a file path for DuckDB), for messages.</summary>
    string Location { get; }

    /// <summary>The schema version the store is at (after migrations).</summary>
    int SchemaVersion { get; }

    /// <summary>The id and content hash of every stored document, so ingest can skip what it already has.</summary>
    DocumentIndex LoadDocumentIndex();

    /// <summary>
    /// Writes a batch of coded documents in one transaction: either all of it is stored or none of it.
    /// A document whose id is already stored replaces the old one (its events, mentions and quotes).
    /// Cross-document duplicates touched by the batch are merged again before the commit.
    /// </summary>
    void WriteBatch(IReadOnlyList<StoredDocument> documents);

    StoreCounts Counts();

    /// <summary>Merged events (one per real-world event) matching the filter, newest first unless asked otherwise.</summary>
    IEnumerable<MergedEvent> Events(EventFilter filter);

    /// <summary>Both directions of a dyad per period: QuadClass counts, Goldstein sum and mean, net cooperation.</summary>
    IReadOnlyList<DyadPeriod> Dyad(string actorA, string actorB, Period period, EventFilter filter);

    /// <summary>
    /// The most active actors (as source or target of merged events): countries, and coded actors without one
    /// (IGOUNO); a bare sector with no country (MIL, GOV: "the military" of an unnamed state) is not an actor here.
    /// </summary>
    IReadOnlyList<ActorActivity> TopActors(int top, EventFilter filter);

    /// <summary>The most active pairs of different actors, both directions together.</summary>
    IReadOnlyList<DyadTotal> TopDyads(int top, EventFilter filter);

    /// <summary>Writes the merged events matching the filter to a Parquet file.</summary>
    void ExportParquet(string path, EventFilter filter);

    /// <summary>
    /// Writes the event records (one per report in a document, with its document's url, title and outlet and the
    /// id of the merged event it belongs to) matching the filter to a file: CSV with a header, JSONL or Parquet.
    /// </summary>
    void ExportRecords(string path, Export.ExportFormat format, EventFilter filter);
}

/// <summary>A coded document as the store keeps it: metadata, content hash and the records the pipeline attached.</summary>
public sealed record StoredDocument(
    string Id,
    string? Url,
    string? Title,
    string? Source,
    DateOnly? Date,
    string ContentHash,
    int Chars,
    int Sentences,
    string Input,
    IReadOnlyList<CodedEvent> Events,
    IReadOnlyList<Mention> Mentions,
    IReadOnlyList<Quote> Quotes);

/// <summary>Ids and content hashes of stored documents. Immutable once loaded, so readers on any thread may use it.</summary>
public sealed class DocumentIndex(Dictionary<string, string> hashById)
{
    private readonly HashSet<string> _hashes = [.. hashById.Values];

    public int Count => hashById.Count;

    public bool Contains(string id) => hashById.ContainsKey(id);

    public bool TryGetHash(string id, out string? hash) => hashById.TryGetValue(id, out hash);

    public bool ContainsHash(string hash) => _hashes.Contains(hash);
}

/// <summary>What the store holds. The dates are the documents' publication dates (events can be dated long before or after).</summary>
public sealed record StoreCounts(long Documents, long EventRecords, long MergedEvents, long Mentions, long Quotes, DateOnly? FirstDate, DateOnly? LastDate);

public enum Period
{
    Month,
    Quarter,
    Year,
}

/// <summary>What to select. Actor codes match a country (ISO alpha-3) or a CAMEO code prefix: CHN matches CHNGOV.</summary>
public sealed record EventFilter
{
    public static readonly EventFilter All = new();

    /// <summary>Either side is this actor (or, with <see cref="With"/>, one side is this and the other that).</summary>
    public string? Actor { get; init; }

    public string? With { get; init; }

    /// <summary>A PLOVER type (ASSAULT) or a CAMEO code prefix (19, 190).</summary>
    public string? Type { get; init; }

    public DateOnly? Since { get; init; }

    public DateOnly? Until { get; init; }

    public int? QuadClass { get; init; }

    /// <summary>Only events with both a source and a target.</summary>
    public bool Dyadic { get; init; }

    public int? Limit { get; init; }

    /// <summary>Oldest first instead of newest first.</summary>
    public bool Ascending { get; init; }
}

public sealed record ActorSide(string? Code, string? Country, string? Sector, string? Name);

/// <summary>
/// One real-world event: the event records of every document that reports the same source, target and CAMEO
/// code within a day of each other, merged as in GDELT (NumMentions, NumSources, NumArticles).
/// </summary>
public sealed record MergedEvent
{
    public required long EventId { get; init; }
    public DateOnly? Date { get; init; }
    public required ActorSide Source { get; init; }
    public required ActorSide Target { get; init; }
    public required string Cameo { get; init; }
    public string Root => Cameo.Length >= 2 ? Cameo[..2] : Cameo;
    public string? Plover { get; init; }
    public int QuadClass { get; init; }
    public double Goldstein { get; init; }
    public int NumMentions { get; init; }
    public int NumSources { get; init; }
    public int NumArticles { get; init; }
    public bool IsRootEvent { get; init; }
    public string? LocationName { get; init; }
    public string? LocationCountry { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public required string FirstDocument { get; init; }
    public string? SourceUrl { get; init; }
    public DateTime DateAdded { get; init; }
    public string? Text { get; init; }
}

/// <summary>One direction of a dyad in one period.</summary>
public sealed record DyadPeriod(
    string Period, string Source, string Target, long Events, long Q1, long Q2, long Q3, long Q4, double GoldsteinSum, double GoldsteinMean)
{
    /// <summary>Cooperative events (QuadClass 1 and 2) minus conflictual ones (3 and 4).</summary>
    public long NetCooperation => Q1 + Q2 - Q3 - Q4;
}

public sealed record ActorActivity(string Actor, long Events, long AsSource, long AsTarget, double GoldsteinMean);

public sealed record DyadTotal(string ActorA, string ActorB, long Events, long Cooperative, long Conflictual, double GoldsteinMean)
{
    public long NetCooperation => Cooperative - Conflictual;
}
