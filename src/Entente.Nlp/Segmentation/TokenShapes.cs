namespace Entente.Nlp.Segmentation;

/// <summary>
/// The shapes the tokenizer recognizes in a piece of text: clitics, dotted abbreviations, list and section
/// numbers, clock times, phone numbers, URLs, e-mail addresses and domain names. Pure functions of a span.
/// </summary>
internal static class TokenShapes
{
    public static bool IsClitic(ReadOnlySpan<char> w) =>
        w.Length is 1 or 2 && (w.Equals("s", StringComparison.OrdinalIgnoreCase) || w.Equals("m", StringComparison.OrdinalIgnoreCase)
                               || w.Equals("d", StringComparison.OrdinalIgnoreCase) || w.Equals("re", StringComparison.OrdinalIgnoreCase)
                               || w.Equals("ve", StringComparison.OrdinalIgnoreCase) || w.Equals("ll", StringComparison.OrdinalIgnoreCase));

    /// <summary>Words that lost their first letters to an apostrophe: 'em, 'cause, 'til, 'n', 'Ya.</summary>
    public static bool IsApheresis(ReadOnlySpan<char> w) =>
        w.Equals("em", StringComparison.OrdinalIgnoreCase) || w.Equals("cause", StringComparison.OrdinalIgnoreCase)
        || w.Equals("cos", StringComparison.OrdinalIgnoreCase) || w.Equals("til", StringComparison.OrdinalIgnoreCase)
        || w.Equals("tis", StringComparison.OrdinalIgnoreCase) || w.Equals("twas", StringComparison.OrdinalIgnoreCase)
        || w.Equals("n", StringComparison.OrdinalIgnoreCase) || w.Equals("ya", StringComparison.OrdinalIgnoreCase)
        || w.Equals("bout", StringComparison.OrdinalIgnoreCase);

    /// <summary>"2", "12", "2.1": one or two digits, in groups separated by periods.</summary>
    public static bool IsSectionNumber(ReadOnlySpan<char> w)
    {
        var group = 0;
        foreach (var c in w)
        {
            if (c == '.' && group > 0)
                group = 0;
            else if (Chars.IsDigit(c) && ++group <= 2)
                continue;
            else
                return false;
        }

        return group > 0;
    }

    public static bool IsDigits(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!Chars.IsDigit(c))
                return false;
        }

        return true;
    }

    /// <summary>"U.S", "e.g", "Ph.D", "J.R.R", "a.m": letter groups of one to three, periods between.</summary>
    public static bool IsDottedAbbreviation(ReadOnlySpan<char> w)
    {
        var group = 0;
        foreach (var c in w)
        {
            if (c == '.')
            {
                if (group == 0)
                    return false;
                group = 0;
            }
            else if (!Chars.IsLetter(c) || ++group > 3)
            {
                return false;
            }
        }

        return group > 0;
    }

    /// <summary>Where a clitic starts in <paramref name="w"/> ("don't" -> 2, "Bush's" -> 4), or 0.</summary>
    public static int CliticSplit(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        var last = (char)(w[^1] | 0x20);
        if (last == 't' && n >= 4 && Chars.IsApostrophe(w[^2]) && (w[^3] | 0x20) == 'n' && Chars.IsLetter(w[^4]))
            return n - 3; // n't
        if (last is 's' or 'm' or 'd' && Chars.IsApostrophe(w[^2]) && (Chars.IsLetter(w[^3]) || (last == 's' && w[^3] == '.')))
            return n - 2; // 's 'm 'd, and "U.S.'s"
        if (n >= 4 && Chars.IsApostrophe(w[^3]) && Chars.IsLetter(w[^4]))
        {
            var a = (char)(w[^2] | 0x20);
            if ((a == 'r' && last == 'e') || (a == 'v' && last == 'e') || (a == 'l' && last == 'l'))
                return n - 3; // 're 've 'll
        }

        return 0;
    }

    /// <summary>A number glued to "a.m" or "p.m" ("8:30p.m"), without the final period.</summary>
    public static bool IsClockTime(ReadOnlySpan<char> w) =>
        w.Length >= 4 && Chars.IsDigit(w[^4]) && (w[^3..].Equals("a.m", StringComparison.OrdinalIgnoreCase) || w[^3..].Equals("p.m", StringComparison.OrdinalIgnoreCase));

    /// <summary>Starts with a URL scheme or "www.".</summary>
    public static bool StartsUrl(ReadOnlySpan<char> w) => w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || w.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || w.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || w.StartsWith("file://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A URL, an e-mail address (also a truncated one, "s...@tack.net") or a domain name ("Space.com").</summary>
    public static bool IsUrlOrAddress(ReadOnlySpan<char> w)
    {
        if (StartsUrl(w))
            return true;
        var at = w.IndexOf('@');
        if (at > 0 && at + 1 < w.Length && Chars.IsAlnum(w[at + 1]) && (Chars.IsAlnum(w[at - 1]) || w[at - 1] == '.') && !w[..at].Contains('/'))
            return true;
        var dot = w.LastIndexOf('.');
        if (dot <= 0 || dot + 1 >= w.Length || !Chars.IsAlnum(w[dot - 1]))
            return false;
        var slash = w.IndexOf('/');
        var host = slash > 0 ? w[..slash] : w;
        dot = host.LastIndexOf('.');
        return dot > 0 && IsTopLevelDomain(host[(dot + 1)..]) && IsHostName(host[..dot]);
    }

    public static bool IsHostName(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!(Chars.IsAlnum(c) || c is '-' or '.'))
                return false;
        }

        return true;
    }

    public static bool IsTopLevelDomain(ReadOnlySpan<char> t) =>
        t is "com" or "org" or "net" or "edu" or "gov" or "mil" or "int" or "info" or "biz" or "io" or "uk" or "us"
            or "ca" or "au" or "de" or "fr" or "ru" or "cn" or "jp" or "eu" or "tv" or "nz" or "ie" or "za"
            or "COM" or "ORG" or "NET" or "EDU" or "GOV";

    /// <summary>Digit groups joined by hyphens that are a phone number, ZIP+4 or an identifier, not a range.</summary>
    public static bool IsPhoneLike(ReadOnlySpan<char> s)
    {
        Span<int> groups = stackalloc int[4];
        var count = 0;
        var i = 0;
        var m = s.Length;
        while (i < m)
        {
            var g = i;
            while (i < m && Chars.IsDigit(s[i]))
                i++;
            if (i == g)
                break;
            if (count < groups.Length)
                groups[count] = i - g;
            count++;
            if (i < m && s[i] == '-' && i + 1 < m && Chars.IsDigit(s[i + 1]))
                i++;
            else
                break;
        }

        return count >= 3 || (count == 2 && groups[1] == 4 && groups[0] is 1 or 3 or 5);
    }

    /// <summary>Exactly three digits after a comma, then no more digits: a thousands separator.</summary>
    public static bool IsThousands(ReadOnlySpan<char> afterComma)
    {
        var e = 0;
        while (e < afterComma.Length && Chars.IsDigit(afterComma[e]))
            e++;
        return e == 3;
    }

    /// <summary>Only capital letters ("US" in "US$").</summary>
    public static bool IsUpper(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!Chars.IsUpper(c))
                return false;
        }

        return true;
    }
}
