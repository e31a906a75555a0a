using Entente.Nlp.Documents;
using Entente.Nlp.Learning;

namespace Entente.Nlp.Tagging;

/// <summary>
/// Learns the lemmatizer from gold (form, XPOS, lemma) triples: for each XPOS and word ending, the most
/// frequent rewrite of the ending; a rule is kept only where it differs from what a shorter ending
/// already says. Words the rules get wrong become exceptions (their most frequent gold lemma).
/// </summary>
public static class LemmatizerTrainer
{
    public static Lemmatizer Train(IReadOnlyList<AnnotatedSentence> train, IEnumerable<(string Form, string Xpos, string Lemma)>? extra = null)
    {
        // (xpos, lower form) -> lemma -> count
        var seen = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in train)
        {
            for (var i = 0; i < s.Length; i++)
                Count(seen, s.Forms[i], Labels.Xpos.Name(s.Xpos[i]), s.Lemmas[i]);
        }

        if (extra is not null)
        {
            foreach (var (form, xpos, lemma) in extra)
                Count(seen, form, xpos, lemma);
        }

        // Count suffix rewrites over word types (not tokens), so frequent irregulars do not make rules.
        var ruleCounts = new Dictionary<string, Dictionary<Lemmatizer.Rule, int>>(StringComparer.Ordinal);
        var best = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, byLemma) in seen)
        {
            var lemma = Majority(byLemma);
            best[key] = lemma;
            var tab = key.IndexOf('\t');
            var xpos = key[..tab];
            var lower = key[(tab + 1)..];
            // proper nouns keep their case, so their rewrites are learned ignoring case
            var rule = RuleFor(lower, xpos is "NNP" or "NNPS" ? lemma.ToLowerInvariant() : lemma);
            if (rule is null)
                continue;
            for (var len = 1; len <= Math.Min(Lemmatizer.MaxSuffix, lower.Length - 1); len++)
            {
                var rk = xpos + "\t" + lower[^len..];
                if (!ruleCounts.TryGetValue(rk, out var byRule))
                    ruleCounts[rk] = byRule = [];
                byRule[rule.Value] = (byRule.TryGetValue(rule.Value, out var k) ? k : 0) + 1;
            }
        }

        var rules = new Dictionary<string, Lemmatizer.Rule>(StringComparer.Ordinal);
        foreach (var (rk, byRule) in ruleCounts)
        {
            var (rule, count) = MajorityRule(byRule);
            if (count < 2)
                continue;
            // keep only where the shorter ending would say something else
            var tab = rk.IndexOf('\t');
            var suffix = rk[(tab + 1)..];
            var parent = suffix.Length > 1 ? rk[..(tab + 1)] + suffix[1..] : null;
            if (parent is not null && ruleCounts.TryGetValue(parent, out var parentRules) && MajorityRule(parentRules).Rule == rule)
                continue;
            if (rule == new Lemmatizer.Rule(0, "") && parent is null)
                continue; // "keep the word" is the default already

            rules[rk] = rule;
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, lemma) in best)
            known.Add(lemma.ToLowerInvariant());
        var lemmatizer = new Lemmatizer(new Dictionary<string, string>(StringComparer.Ordinal), rules, known);
        var exceptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, lemma) in best)
        {
            var tab = key.IndexOf('\t');
            var xposId = Labels.Xpos.Id(key[..tab]);
            var form = key[(tab + 1)..];
            var predicted = lemmatizer.Lemmatize(form, xposId, Upos.None);
            var keepCase = key.StartsWith("NNP", StringComparison.Ordinal);
            if (keepCase)
            {
                // the form was lower-cased for the key: a proper noun's lemma is right when it matches ignoring case
                if (!string.Equals(predicted, lemma, StringComparison.OrdinalIgnoreCase))
                    exceptions[key] = lemma;
            }
            else if (predicted != lemma)
            {
                exceptions[key] = lemma;
            }
        }

        return new Lemmatizer(exceptions, rules, known);
    }

    /// <summary>Lemma accuracy (percent) with the tags <paramref name="model"/> predicts; gold "_" lemmas are skipped.</summary>
    public static double Evaluate(TaggerModel model, Lemmatizer lemmatizer, IReadOnlyList<AnnotatedSentence> gold)
    {
        var tagger = new SentenceTagger(model);
        long total = 0, right = 0;
        foreach (var s in gold)
        {
            var classes = tagger.Tag(s.Forms);
            for (var i = 0; i < s.Length; i++)
            {
                if (s.Lemmas[i] == "_")
                    continue;
                total++;
                if (lemmatizer.Lemmatize(s.Forms[i], model.ClassXpos[classes[i]], model.ClassUpos[classes[i]]) == s.Lemmas[i])
                    right++;
            }
        }

        return total == 0 ? 0 : 100.0 * right / total;
    }

    private static void Count(Dictionary<string, Dictionary<string, int>> seen, string form, string xpos, string lemma)
    {
        if (lemma == "_" || form.Length == 0 || lemma.Length == 0)
            return;
        var key = xpos + "\t" + form.ToLowerInvariant();
        if (!seen.TryGetValue(key, out var byLemma))
            seen[key] = byLemma = new Dictionary<string, int>(StringComparer.Ordinal);
        byLemma[lemma] = (byLemma.TryGetValue(lemma, out var k) ? k : 0) + 1;
    }

    private static string Majority(Dictionary<string, int> counts)
    {
        var best = "";
        var bestCount = -1;
        foreach (var (k, v) in counts)
        {
            if (v > bestCount || (v == bestCount && string.CompareOrdinal(k, best) < 0))
            {
                best = k;
                bestCount = v;
            }
        }

        return best;
    }

    private static (Lemmatizer.Rule Rule, int Count) MajorityRule(Dictionary<Lemmatizer.Rule, int> counts)
    {
        var best = default(Lemmatizer.Rule);
        var bestCount = -1;
        foreach (var (k, v) in counts)
        {
            if (v > bestCount || (v == bestCount && (k.Strip < best.Strip || (k.Strip == best.Strip && string.CompareOrdinal(k.Append, best.Append) < 0))))
            {
                best = k;
                bestCount = v;
            }
        }

        return (best, bestCount);
    }

    /// <summary>The rewrite that turns <paramref name="lower"/> into <paramref name="lemma"/>, if it is a suffix rewrite.</summary>
    private static Lemmatizer.Rule? RuleFor(string lower, string lemma)
    {
        var common = 0;
        while (common < lower.Length && common < lemma.Length && lower[common] == lemma[common])
            common++;
        if (common == 0 && lower.Length > 0)
            return null;
        var strip = lower.Length - common;
        if (strip > 6)
            return null;
        return new Lemmatizer.Rule(strip, lemma[common..]);
    }
}
