namespace Entente.Coding.Events.Places;

/// <summary>
/// Finds the place of a news dateline at the start of a story ("KYIV, Ukraine (AP) — ...", "MOSCOW, July 15
/// (Reuters) - ...", "CEBU CITY: -- ..."): the fallback location of every event of the story.
/// </summary>
public static class Dateline
{
    private const int MaxPrefix = 80;

    public static Place? Find(string text, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gazetteer);
        var head = text.AsSpan(0, Math.Min(text.Length, MaxPrefix)).TrimStart();
        var cut = -1;
        ReadOnlySpan<string> separators = ["\u2014", "\u2013", " - ", "--", ":"];
        foreach (var sep in separators)
        {
            var i = head.IndexOf(sep, StringComparison.Ordinal);
            if (i > 0 && (cut < 0 || i < cut))
                cut = i;
        }

        if (cut <= 0)
            return null;
        var prefix = head[..cut];
        var paren = prefix.IndexOf('(');
        if (paren >= 0)
            prefix = prefix[..paren];
        var comma = prefix.IndexOf(',');
        var name = (comma >= 0 ? prefix[..comma] : prefix).Trim();
        if (name.Length < 2 || !LooksLikeDatelineName(name))
            return null;
        var key = GazetteerBuilder.NormalizeKey(name.ToString());
        return gazetteer.Find(key)?.ToPlace();
    }

    /// <summary>At most four words, each capitalized (datelines are usually all capitals).</summary>
    private static bool LooksLikeDatelineName(ReadOnlySpan<char> name)
    {
        var words = 0;
        var start = true;
        foreach (var c in name)
        {
            if (c == ' ')
            {
                start = true;
                continue;
            }

            if (start)
            {
                if (!char.IsUpper(c))
                    return false;
                words++;
                start = false;
            }
            else if (!(char.IsLetter(c) || c is '-' or '\'' or '.'))
            {
                return false;
            }
        }

        return words is > 0 and <= 4;
    }
}
