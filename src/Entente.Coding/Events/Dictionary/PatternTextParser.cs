namespace Entente.Coding.Events.Dictionary;

/// <summary>
/// Splits the text of a pattern ("- SAID WOULD *_OUT", "- * (TO {PEACE PLAN})", "- + WAS_ * TO_ ^ FROM $") into
/// elements before and after the verb. Noun-phrase braces and prepositional parentheses group words; the matcher
/// reads them as words in order, so they are dropped here. An underscore between two items joins them.
/// </summary>
internal static class PatternTextParser
{
    internal readonly record struct Parsed(PatternElement[] Before, PatternElement[] After, bool VerbJoinedToBefore, bool VerbJoinedToAfter);

    /// <param name="isSynset">Whether a name is a synset defined so far: synset names may contain underscores
    /// ("&amp;FIGHT_OF_WORDS"), so "&amp;FIGHT_OF_WORDS" is one element when that synset exists.</param>
    public static bool TryParse(string text, Func<string, bool> isSynset, out Parsed parsed, out string error)
    {
        parsed = default;
        var before = new List<PatternElement>();
        var after = new List<PatternElement>();
        var seenVerb = false;
        var verbJoinedBefore = false;
        var verbJoinedAfter = false;
        var previousWasVerb = false;

        foreach (var chunk in SeparateVerbMark(text).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = JoinSynsetNames(chunk.Split('_'), isSynset);
            var joinNext = false;
            for (var p = 0; p < parts.Length; p++)
            {
                var opensPhrase = parts[p].StartsWith('(');
                var item = parts[p].Trim('(', ')', '{', '}');
                var joined = p > 0 && joinNext;
                if (item.Length == 0)
                {
                    // "IN_ $": a trailing underscore (TABARI's "exact word" mark) joins nothing.
                    joinNext = p > 0;
                    continue;
                }

                joinNext = true;
                if (item == "*")
                {
                    if (seenVerb)
                    {
                        error = "more than one '*'";
                        return false;
                    }

                    seenVerb = true;
                    verbJoinedBefore = joined && before.Count > 0;
                    previousWasVerb = true;
                    continue;
                }

                var element = ToElement(item, joined && !previousWasVerb);
                if (opensPhrase && element.Kind == PatternElementKind.Word)
                    element = element with { OpensPhrase = true };
                if (previousWasVerb)
                    verbJoinedAfter = joined;
                previousWasVerb = false;
                (seenVerb ? after : before).Add(element);
            }
        }

        if (!seenVerb)
        {
            error = "no '*' marks the verb";
            return false;
        }

        parsed = new Parsed(before.ToArray(), after.ToArray(), verbJoinedBefore, verbJoinedAfter);
        error = "";
        return true;
    }

    /// <summary>"*SCEPTICAL" is "* SCEPTICAL": a verb mark glued to a word without an underscore stands apart.</summary>
    private static string SeparateVerbMark(string text)
    {
        var i = text.IndexOf('*');
        if (i < 0)
            return text;
        var sb = new System.Text.StringBuilder(text.Length + 2);
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (c == '*')
            {
                if (k > 0 && !char.IsWhiteSpace(text[k - 1]) && text[k - 1] != '_')
                    sb.Append(' ');
                sb.Append('*');
                if (k + 1 < text.Length && !char.IsWhiteSpace(text[k + 1]) && text[k + 1] != '_')
                    sb.Append(' ');
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string[] JoinSynsetNames(string[] parts, Func<string, bool> isSynset)
    {
        if (parts.Length < 2)
            return parts;
        var result = new List<string>(parts.Length);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.TrimStart('(', '{').StartsWith('&'))
            {
                // take the longest run of parts that names a defined synset
                for (var j = parts.Length - 1; j > i; j--)
                {
                    var candidate = string.Join('_', parts, i, j - i + 1);
                    if (isSynset(candidate.TrimStart('(', '{').TrimEnd(')', '}')[1..].ToUpperInvariant()))
                    {
                        part = candidate;
                        i = j;
                        break;
                    }
                }
            }

            result.Add(part);
        }

        return result.ToArray();
    }

    private static PatternElement ToElement(string item, bool joined) => item switch
    {
        "$" => new PatternElement(PatternElementKind.Source, [], joined),
        "+" => new PatternElement(PatternElementKind.Target, [], joined),
        "%" => new PatternElement(PatternElementKind.Compound, [], joined),
        "^" => new PatternElement(PatternElementKind.Skip, [], joined),
        _ when item[0] == '&' => new PatternElement(PatternElementKind.Synset, [item[1..].ToUpperInvariant()], joined),
        _ => new PatternElement(PatternElementKind.Word, item.ToUpperInvariant().Split('/', StringSplitOptions.RemoveEmptyEntries), joined),
    };
}
