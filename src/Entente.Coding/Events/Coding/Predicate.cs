using Entente.Coding.Events.Dictionary;
using Entente.Coding.Events.Lexicon;

namespace Entente.Coding.Events.Coding;

/// <summary>A verb or eventive noun of a sentence that the dictionaries know, with what the coder found about it.</summary>
internal sealed class Predicate
{
    /// <summary>Local token index of the verb or noun.</summary>
    public int Token { get; set; }

    public bool IsNominal { get; set; }

    /// <summary>For a verb: the pattern match (verb entry, pattern, bindings).</summary>
    public PatternMatch Match { get; } = new();

    /// <summary>For an eventive noun: its entry.</summary>
    public NounEvent? Noun { get; set; }

    public EventCodes Codes { get; set; } = EventCodes.None;

    public List<int> Sources { get; } = [];

    public List<int> Targets { get; } = [];

    /// <summary>Members of a compound actor who act on each other ("%" in a pattern, "talks between A and B").</summary>
    public List<int> Compound { get; } = [];

    /// <summary>Whether the source was inherited through control or coordination rather than found in the clause.</summary>
    public bool SourceInherited { get; set; }

    public bool Negated { get; set; }

    public Modality Modality { get; set; }

    /// <summary>The only modal was "would": intended in reported speech ("said it would"), else hypothetical.</summary>
    public bool ModalIsWould { get; set; }

    /// <summary>Depth of the token in the tree (root 0): embedded predicates are coded before their governors.</summary>
    public int Depth { get; set; }

    /// <summary>The coded predicate that governs this one (through a complement), or -1.</summary>
    public int Governor { get; set; } = -1;

    /// <summary>The governor's class ("said" -> speech), when there is a governor.</summary>
    public GovernorClass GovernorClass { get; set; }

    /// <summary>The reporting clause that frames this predicate's sentence ("..., an official said"), or null.</summary>
    public Predicate? ReportedBy { get; set; }

    /// <summary>Not coded: a pattern used it, or the event belongs to the predicate that governs it.</summary>
    public bool Suppressed { get; set; }

    /// <summary>Not coded if a predicate it governs yields an event ("said" when what was said is coded).</summary>
    public bool YieldsToEmbedded { get; set; }

    /// <summary>How many events the predicate produced.</summary>
    public int Emitted { get; set; }

    /// <summary>The dictionary block's name, for transformations and diagnostics.</summary>
    public string BlockName => IsNominal ? Noun?.Lemma ?? "" : Match.Verb?.Block.Name ?? "";

    public void Reset()
    {
        Token = -1;
        IsNominal = false;
        Match.Reset();
        Noun = null;
        Codes = EventCodes.None;
        Sources.Clear();
        Targets.Clear();
        Compound.Clear();
        SourceInherited = false;
        Negated = false;
        Modality = Modality.Asserted;
        ModalIsWould = false;
        Depth = 0;
        Governor = -1;
        ReportedBy = null;
        GovernorClass = GovernorClass.None;
        Suppressed = false;
        YieldsToEmbedded = false;
        Emitted = 0;
    }
}
