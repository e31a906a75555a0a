namespace Entente.Coding.Actors;

/// <summary>What kind of reference a mention is; anaphors are resolved by <see cref="Coreference"/>.</summary>
internal enum DraftKind : byte
{
    /// <summary>A name, state, place, metonym or epithet from the dictionaries, possibly with titles.</summary>
    Named,

    /// <summary>A title with or without a state ("Chinese spokespersons", "the police"): no one particular person.</summary>
    Title,

    /// <summary>A definite title or descriptor that points back to one person ("the Russian president", "the Republican").</summary>
    Descriptor,

    /// <summary>A personal or possessive pronoun.</summary>
    Pronoun,

    /// <summary>A plural reference to several earlier actors ("the two countries", "both neighbors").</summary>
    PluralGroup,

    /// <summary>A name the entity recognizer found that no dictionary knows (code unknown), or a surname seen before.</summary>
    Entity,
}

/// <summary>What a pronoun can refer to.</summary>
internal enum PronounClass : byte
{
    None,
    Person,
    Thing,
    Plural,
}

/// <summary>A mention while the resolver works on it; becomes a <see cref="Mention"/> at the end of the document.</summary>
internal sealed class MentionDraft
{
    public int Sentence;
    public int StartToken;
    public int EndToken;
    public int Start;
    public int End;
    public int Head = -1;
    public DraftKind Kind;
    public string? Code;
    public Resolution Resolution;
    public bool IsPerson;
    public bool IsPlural;
    public bool IsSubject;
    public string? Entry;

    /// <summary>For a descriptor: the state it names ("the Russian president" -> RUS), when it names one.</summary>
    public string? WantCountry;

    /// <summary>For a descriptor: the sector of its title (GOV for "president").</summary>
    public string? WantSector;

    /// <summary>For a descriptor with "former"/"ex-": prefer someone who no longer holds the office.</summary>
    public bool Former;

    public PronounClass Pronoun;

    /// <summary>For a plural group: whether its members are persons ("the two leaders") rather than states.</summary>
    public bool GroupOfPersons;

    /// <summary>For a person whose name no dictionary knows ("Iranian official Ali Bagheri"): the surname, so "Bagheri" later refers back.</summary>
    public string? Surname;

    /// <summary>The mention is a possessor ("Joe Biden's leadership"): less likely to be what a later pronoun means.</summary>
    public bool IsPossessor;

    /// <summary>The head noun of the mention's title, lower case ("minister", "president"), when it has one.</summary>
    public string? TitleNoun;

    /// <summary>A place ("talks in Tokyo"), a predicate ("as prime minister") or an adjective ("American tariffs"): nothing refers back to it.</summary>
    public bool NonReferent;

    /// <summary>For a pronoun: an object form ("him", "them"), which does not refer to its own clause's subject.</summary>
    public bool IsObjectPronoun;

    /// <summary>For a title after a possessive pronoun ("its forces"): what the pronoun can refer to.</summary>
    public PronounClass Possessor;

    /// <summary>The code shares a title or state with the previous item of a list ("the ambassadors of Arnor, Osgiliath").</summary>
    public bool DistributedTitle;

    /// <summary>Every code when the dictionary gives several for one phrase (TABARI's <c>[FRO/BIL/SAM]</c>), else null.</summary>
    public string[]? Alternatives;

    /// <summary>
    /// The code was composed from agents alone and names no state, although its first part may read as one:
    /// "Islamist militants" is MUSUAF, where MUS is the CAMEO religion code, not Mauritius.
    /// </summary>
    public bool Stateless;

    public int Antecedent = -1;
    public List<int>? Members;

    /// <summary>The state the code names, or null (none for a stateless code).</summary>
    public string? CountryIn(CameoCodes codes) => Stateless ? null : codes.CountryOf(Code);

    /// <summary>The first sector of the code (for a stateless code, read from its first part).</summary>
    public string? SectorIn(CameoCodes codes) => codes.SectorOf(Code, Stateless);

    /// <summary>Sets a code that names the state it starts with, if any.</summary>
    public void SetStatedCode(string? code)
    {
        Code = code;
        Stateless = false;
    }

    public bool IsAnaphor => Kind is DraftKind.Descriptor or DraftKind.Pronoun or DraftKind.PluralGroup || (Kind == DraftKind.Entity && Antecedent >= 0);
}
