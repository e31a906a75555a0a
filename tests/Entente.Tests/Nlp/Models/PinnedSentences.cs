namespace Entente.Tests.Nlp.Models;

/// <summary>What the shipped models said about a few news sentences when they were committed.</summary>
internal static class PinnedSentences
{
    public static TheoryData<string, string, string, string, string> All { get; } = new()
    {
        {
            "Russian forces shelled the Ukrainian city of Kharkiv on Monday.",
            "ADJ NOUN VERB DET ADJ NOUN ADP PROPN ADP PROPN PUNCT",
            "2:amod 3:nsubj 0:root 6:det 6:amod 3:obj 8:case 6:nmod 10:case 3:obl 3:punct",
            "Russian force shell the ukrainian city of Kharkiv on Monday .",
            "O O O O O O O B-LOC O O O"
        },
        {
            "The Kremlin said Putin would meet Xi Jinping in Beijing next week.",
            "DET PROPN VERB PROPN AUX VERB PROPN PROPN ADP PROPN ADJ NOUN PUNCT",
            "2:det 3:nsubj 0:root 6:nsubj 6:aux 3:ccomp 6:obj 7:flat 10:case 7:nmod 12:amod 6:obl:unmarked 3:punct",
            "the Kremlin say Putin would meet Xi Jinping in Beijing next week .",
            "O B-ORG O B-PER O O B-PER I-PER O B-LOC O O O"
        },
        {
            "The talks were described as constructive by officials in Washington.",
            "DET NOUN AUX VERB ADP ADJ ADP NOUN ADP PROPN PUNCT",
            "2:det 4:nsubj:pass 4:aux:pass 0:root 6:case 4:obl 8:case 4:obl:agent 10:case 8:nmod 4:punct",
            "the talk be describe as constructive by official in Washington .",
            "O O O O O O O O O B-LOC O"
        },
        {
            "China and Russia signed an agreement to expand trade.",
            "PROPN CCONJ PROPN VERB DET NOUN PART VERB NOUN PUNCT",
            "4:nsubj 3:cc 1:conj 0:root 6:det 4:obj 8:mark 6:acl 8:obj 4:punct",
            "China and Russia sign a agreement to expand trade .",
            "B-LOC O B-LOC O O O O O O O"
        },
    };
}
