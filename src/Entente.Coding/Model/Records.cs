namespace Entente.Coding;

/// <summary>How a mention was resolved to an actor code.</summary>
public enum Resolution : byte
{
    None = 0,
    Dictionary,
    Title,
    Demonym,
    Metonym,
    Epithet,
    Coreference,
}

/// <summary>An actor as it appears in an event or quote record: what the text said and what it resolved to.</summary>
/// <param name="Text">The words of the mention as written.</param>
/// <param name="Code">Full CAMEO actor code (USAGOV, IGOUNO, RUSMIL), null when unresolved.</param>
/// <param name="Country">ISO 3166 alpha-3 code when the actor belongs to a state, else null.</param>
/// <param name="Sector">The CAMEO sector code (GOV, MIL, ...) when there is one, else null.</param>
public sealed record ActorRef(string Text, string? Code, string? Country, string? Sector);

/// <summary>An actor mention found in a document (one per noun phrase, name or pronoun that names an actor).</summary>
/// <param name="StartToken">First token (document index) of the mention.</param>
/// <param name="EndToken">One past the last token (document index).</param>
/// <param name="Start">Character offset of the mention in the document text.</param>
/// <param name="End">Character offset just past the mention.</param>
/// <param name="Antecedent">
/// Index in the document's <see cref="MentionList"/> of the mention this one refers to, or -1: an earlier one,
/// except for a title followed by its name in apposition ("his Chinese counterpart, Xi Jinping").
/// </param>
/// <param name="Head">The token that carries the mention's meaning (the name's last word, the title noun, the pronoun), or -1.</param>
/// <param name="Members">
/// For a plural reference to several earlier actors ("the two countries", "both neighbors"): the indices of their
/// mentions in the <see cref="MentionList"/>. <see cref="Code"/> is then null; the coder expands the members.
/// </param>
/// <param name="IsPerson">The mention names one person (a leader, an official, a pronoun like "he").</param>
/// <param name="Entry">The dictionary entry the mention matched (its primary name), for tracing; null otherwise.</param>
/// <param name="Codes">
/// When the dictionary names several actors with one phrase (TABARI's <c>[FRO/BIL/SAM]</c>): all their codes;
/// <see cref="Code"/> is the first. Null otherwise.
/// </param>
public sealed record Mention(
    int Sentence,
    int StartToken,
    int EndToken,
    string Text,
    int Start,
    int End,
    string? Code,
    string? Country,
    string? Sector,
    Resolution Resolution,
    int Antecedent = -1,
    int Head = -1,
    IReadOnlyList<int>? Members = null,
    bool IsPerson = false,
    string? Entry = null,
    IReadOnlyList<string>? Codes = null)
{
    public ActorRef ToActor() => new(Text, Code, Country, Sector);
}

/// <summary>The words that triggered an event, with offsets into the document text.</summary>
public sealed record Trigger(string Text, int Start, int End);

/// <summary>Where an event happened.</summary>
public sealed record Place(string Name, string? Country, double? Lat, double? Lon);

/// <summary>Whether an event was asserted, only intended, hypothetical, or reported/alleged.</summary>
public enum Modality : byte
{
    Asserted = 0,
    Intended,
    Hypothetical,
    Reported,
}

/// <summary>How precisely an event's date is known.</summary>
public enum DatePrecision : byte
{
    /// <summary>The text gives no date for the event: it is the document's date.</summary>
    Document = 0,

    /// <summary>A day: "on Tuesday", "yesterday", "July 14".</summary>
    Day,

    /// <summary>A week, dated by its Monday: "last week".</summary>
    Week,

    /// <summary>A month, dated by its first day: "last month", "in July".</summary>
    Month,

    /// <summary>A season, dated by its first day (northern, meteorological): "this summer" -> June 1.</summary>
    Season,

    /// <summary>A year, dated January 1: "in 2022", "earlier this year".</summary>
    Year,
}

/// <summary>One coded event, as in DESIGN.md's event record.</summary>
public sealed record CodedEvent
{
    public required string Doc { get; init; }
    public required int Sentence { get; init; }
    public DateOnly? Date { get; init; }

    /// <summary>How precise <see cref="Date"/> is (additive to DESIGN.md's record).</summary>
    public DatePrecision DatePrecision { get; init; }

    public ActorRef? Source { get; init; }
    public ActorRef? Target { get; init; }
    public required string Cameo { get; init; }
    public string Root => Cameo.Length >= 2 ? Cameo[..2] : Cameo;
    public string? Plover { get; init; }
    public string? Mode { get; init; }
    public IReadOnlyList<string> Context { get; init; } = [];
    public double Goldstein { get; init; }
    public int QuadClass { get; init; }
    public required Trigger Trigger { get; init; }
    public bool Negated { get; init; }
    public Modality Modality { get; init; }
    public Place? Location { get; init; }
    public required string Text { get; init; }

    /// <summary>How many times the document reports this same event (duplicates are merged).</summary>
    public int NumMentions { get; init; } = 1;
}

/// <summary>A quotation with its speaker.</summary>
public sealed record Quote(string Doc, int Sentence, ActorRef? Speaker, string Text, int Start, int End);

/// <summary>The actor mentions of a document, attached by the actor resolver.</summary>
public sealed class MentionList(List<Mention> items)
{
    public List<Mention> Items { get; } = items;
}

/// <summary>The events of a document, attached by the event coder.</summary>
public sealed class EventList(List<CodedEvent> items)
{
    public List<CodedEvent> Items { get; } = items;
}

/// <summary>The quotes of a document, attached by the quote finder.</summary>
public sealed class QuoteList(List<Quote> items)
{
    public List<Quote> Items { get; } = items;
}
