using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>The dependency relations the coder reasons about, as ids of <see cref="Labels.Deprel"/>, resolved once.</summary>
internal static class Relations
{
    public static readonly ushort Root = Labels.Deprel.Id("root");
    public static readonly ushort Nsubj = Labels.Deprel.Id("nsubj");
    public static readonly ushort NsubjPass = Labels.Deprel.Id("nsubj:pass");
    public static readonly ushort NsubjOuter = Labels.Deprel.Id("nsubj:outer");
    public static readonly ushort Csubj = Labels.Deprel.Id("csubj");
    public static readonly ushort Obj = Labels.Deprel.Id("obj");
    public static readonly ushort Iobj = Labels.Deprel.Id("iobj");
    public static readonly ushort Obl = Labels.Deprel.Id("obl");
    public static readonly ushort OblAgent = Labels.Deprel.Id("obl:agent");
    public static readonly ushort OblTmod = Labels.Deprel.Id("obl:tmod");
    public static readonly ushort OblNpmod = Labels.Deprel.Id("obl:npmod");
    public static readonly ushort OblUnmarked = Labels.Deprel.Id("obl:unmarked");
    public static readonly ushort Nmod = Labels.Deprel.Id("nmod");
    public static readonly ushort NmodPoss = Labels.Deprel.Id("nmod:poss");
    public static readonly ushort NmodTmod = Labels.Deprel.Id("nmod:tmod");
    public static readonly ushort NmodNpmod = Labels.Deprel.Id("nmod:npmod");
    public static readonly ushort NmodUnmarked = Labels.Deprel.Id("nmod:unmarked");
    public static readonly ushort Case = Labels.Deprel.Id("case");
    public static readonly ushort Mark = Labels.Deprel.Id("mark");
    public static readonly ushort Aux = Labels.Deprel.Id("aux");
    public static readonly ushort AuxPass = Labels.Deprel.Id("aux:pass");
    public static readonly ushort Cop = Labels.Deprel.Id("cop");
    public static readonly ushort Advmod = Labels.Deprel.Id("advmod");
    public static readonly ushort Amod = Labels.Deprel.Id("amod");
    public static readonly ushort Det = Labels.Deprel.Id("det");
    public static readonly ushort Conj = Labels.Deprel.Id("conj");
    public static readonly ushort Cc = Labels.Deprel.Id("cc");
    public static readonly ushort CcPreconj = Labels.Deprel.Id("cc:preconj");
    public static readonly ushort Compound = Labels.Deprel.Id("compound");
    public static readonly ushort CompoundPrt = Labels.Deprel.Id("compound:prt");
    public static readonly ushort Flat = Labels.Deprel.Id("flat");
    public static readonly ushort Fixed = Labels.Deprel.Id("fixed");
    public static readonly ushort Appos = Labels.Deprel.Id("appos");
    public static readonly ushort Xcomp = Labels.Deprel.Id("xcomp");
    public static readonly ushort Ccomp = Labels.Deprel.Id("ccomp");
    public static readonly ushort Advcl = Labels.Deprel.Id("advcl");
    public static readonly ushort AdvclRelcl = Labels.Deprel.Id("advcl:relcl");
    public static readonly ushort Acl = Labels.Deprel.Id("acl");
    public static readonly ushort AclRelcl = Labels.Deprel.Id("acl:relcl");
    public static readonly ushort Parataxis = Labels.Deprel.Id("parataxis");
    public static readonly ushort Punct = Labels.Deprel.Id("punct");
    public static readonly ushort Nummod = Labels.Deprel.Id("nummod");
    public static readonly ushort Dep = Labels.Deprel.Id("dep");
    public static readonly ushort Expl = Labels.Deprel.Id("expl");
    public static readonly ushort Discourse = Labels.Deprel.Id("discourse");
    public static readonly ushort List = Labels.Deprel.Id("list");

    public static bool IsSubject(ushort r) => r == Nsubj || r == NsubjPass || r == NsubjOuter;

    /// <summary>Oblique or nominal modifier: "nmod" in UD v1 covers both, so the coder treats them alike.</summary>
    public static bool IsOblique(ushort r) =>
        r == Obl || r == Nmod || r == OblAgent || r == OblUnmarked || r == NmodUnmarked;

    public static bool IsTemporal(ushort r) => r == OblTmod || r == NmodTmod || r == OblNpmod || r == NmodNpmod;

    /// <summary>Relations that open a new clause: their subtree is another predicate's business.</summary>
    public static bool IsClausal(ushort r) =>
        r == Ccomp || r == Xcomp || r == Advcl || r == AdvclRelcl || r == Acl || r == AclRelcl || r == Parataxis || r == Csubj;
}
