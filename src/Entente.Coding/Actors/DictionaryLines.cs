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
            var line = raw;
            if (inComment)
            {
                var close = line.IndexOf("-->", StringComparison.Ordinal);
                if (close < 0)
                    continue;
                inComment = false;
                line = line[(close + 3)..];
            }

            // Remove every complete <!-- ... --> on the line; an unclosed one runs on to later lines.
            while (true)
            {
                var open = line.IndexOf("<!--", StringComparison.Ordinal);
                if (open < 0)
                    break;
                var close = line.IndexOf("-->", open + 4, StringComparison.Ordinal);
                if (close < 0)
                {
                    inComment = true;
                    line = line[..open];
                    break;
                }

                line = line[..open] + line[(close + 3)..];
            }

            if (line.StartsWith("<!", StringComparison.Ordinal))
                continue;
            if (!keepHash)
            {
                var hash = line.IndexOf('#');
                if (hash >= 0)
                    line = line[..hash];
            }

            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return new DictionaryLine(number, line);
        }
    }
}
