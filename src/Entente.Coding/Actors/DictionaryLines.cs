namespace Entente.Coding.Actors;

/// <summary>One meaningful line of a PETRARCH dictionary file, with its 1-based line number.</summary>
internal readonly record struct DictionaryLine(int Number, string Text);

/// <summary>
/// Reads the lines of a PETRARCH/TABARI dictionary the way every reader needs them: XML-style comments
/// (<c>&lt;!-- ... --&gt;</c>, also over several lines) and lines starting with <c>&lt;!</c> are skipped,
/// <c>#</c> starts a comment that runs to the end of the line, and blank lines are dropped.
/// </summary>
internal static class DictionaryLines
{
    public static IEnumerable<DictionaryLine> Read(TextReader reader, bool keepHash = false)
    {
        var number = 0;
        var inComment = false;
        string? raw;
        while ((raw = reader.ReadLine()) is not null)
        {
            number++;
            var line = StripXmlComments(raw, ref inComment);
            if (line.StartsWith("<!", StringComparison.Ordinal))
                continue;
            if (!keepHash)
                line = WithoutHashComment(line);

            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return new DictionaryLine(number, line);
        }
    }

    /// <summary>
    /// Removes <c>&lt;!-- ... --&gt;</c> comments from one line; <paramref name="inComment"/> carries an unclosed
    /// comment over to the next lines (a line wholly inside one comes back empty).
    /// </summary>
    public static string StripXmlComments(string line, ref bool inComment)
    {
        if (!inComment && !line.Contains("<!--", StringComparison.Ordinal))
            return line;
        var result = new System.Text.StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (inComment)
            {
                var end = line.IndexOf("-->", i, StringComparison.Ordinal);
                if (end < 0)
                    return result.ToString();
                inComment = false;
                i = end + 3;
            }
            else
            {
                var start = line.IndexOf("<!--", i, StringComparison.Ordinal);
                if (start < 0)
                {
                    result.Append(line, i, line.Length - i);
                    break;
                }

                result.Append(line, i, start - i);
                inComment = true;
                i = start + 4;
            }
        }

        return result.ToString();
    }

    /// <summary>The line up to a <c>#</c> comment.</summary>
    public static string WithoutHashComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }
}
