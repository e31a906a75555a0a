using Entente.Coding.Events.Dates;
using Entente.Coding.Events.Places;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Coding;

/// <summary>
/// Finds when and where a predicate's event happened: a temporal or locative phrase attached to the predicate,
/// else to the clauses above it. One instance per thread (scratch buffers).
/// </summary>
internal sealed class ClauseContext(Gazetteer gazetteer)
{
    private const int MaxPhraseWords = 8;
    private readonly List<string> _words = [];
    private readonly List<int> _tokens = [];
    private readonly List<int> _stack = [];
    private readonly System.Text.StringBuilder _key = new();
    private readonly char[] _keyBuffer = new char[128];
    private SentenceAnalysis _s = null!;

    public void Reset(SentenceAnalysis s) => _s = s;

    // ---- dates ------------------------------------------------------------------------------------------

    /// <summary>
    /// The event's date from a phrase in its clause or above it, else the document date. A date never lies after the
    /// document date unless the event is still to come, and then at most <see cref="MaxYearsAhead"/> years ahead: a
    /// date outside that range was read from something else ("elections due in 2030") and the document date stands.
    /// </summary>
    public (DateOnly? Date, DatePrecision Precision) DateOf(int predicate, bool future, DateOnly? documentDate)
    {
        if (documentDate is not { } today)
            return (null, DatePrecision.Document);
        var (date, precision) = FindDate(predicate, future, today);
        if (precision != DatePrecision.Document && (future ? date > today.AddYears(MaxYearsAhead) : date > today))
            return (today, DatePrecision.Document);
        return (date, precision);
    }

    private const int MaxYearsAhead = 10;

    private (DateOnly Date, DatePrecision Precision) FindDate(int predicate, bool future, DateOnly today)
    {
        var s = _s;
        var t = predicate;
        for (var level = 0; t >= 0 && level < 5; level++)
        {
            foreach (var c in s.Children(t))
            {
                if (!MayBeTemporal(c))
                    continue;
                CollectWords(c);
                if (TemporalExpression.TryParse(_words, today, future, out var date, out var precision))
                    return (date, precision);
            }

            t = s.Head(t);
        }

        // the parse missed the attachment: a date in the predicate's own clause and comma-delimited stretch of the
        // sentence, else the sentence's opening adverbial ("Earlier this year, ...", "This summer, ...")
        var clause = ClauseHeadOf(predicate);
        if (DateInStretch(StretchStart(predicate), StretchEnd(predicate), clause, predicate, today, future, out var d2, out var p2))
            return (d2, p2);
        var firstComma = StretchEnd(0);
        if (firstComma <= MaxOpening && DateInStretch(0, firstComma, -1, predicate, today, future, out var d3, out var p3))
            return (d3, p3);
        return (today, DatePrecision.Document);
    }

    private const int MaxOpening = 12;

    private int StretchStart(int t)
    {
        var s = _s;
        while (t > 0 && !s.Text(t - 1).SequenceEqual(","))
            t--;
        return t;
    }

    private int StretchEnd(int t)
    {
        var s = _s;
        while (t < s.Count && !s.Text(t).SequenceEqual(","))
            t++;
        return t;
    }

    /// <summary>
    /// A temporal phrase within tokens [<paramref name="start"/>, <paramref name="end"/>): a few words around each date
    /// word that dates an event, in the clause headed by <paramref name="clause"/> unless that is -1.
    /// </summary>
    private bool DateInStretch(int start, int end, int clause, int predicate, DateOnly today, bool future, out DateOnly date, out DatePrecision precision)
    {
        var s = _s;
        for (var k = start; k < end; k++)
        {
            if (!TemporalExpression.IsTemporalWord(s.Text(k)) || !DatesAnEvent(k, predicate) || (clause >= 0 && ClauseHeadOf(k) != clause))
                continue;
            _words.Clear();
            for (var w = Math.Max(start, k - 3); w < Math.Min(end, k + 3); w++)
                _words.Add(s.Text(w).ToString());
            if (TemporalExpression.TryParse(_words, today, future, out date, out precision))
                return true;
        }

        date = default;
        precision = DatePrecision.Document;
        return false;
    }

    /// <summary>
    /// Whether a date word may date an event: not a verb ("fall in line"), not a modifier of a noun ("the 2014
    /// unrest", "November's downing", "a May 9 parade", a name: "Mirage 2000"), nor a noun's complement unless that noun is the event
    /// itself ("Mirage 2000 jets", "the Algiers Agreement of 2000" date the jets and the agreement, not their
    /// purchase or revival; "the invasion of 2022" dates the invasion), and not the bound of a span ("since
    /// April", "until July 24").
    /// </summary>
    private bool DatesAnEvent(int k, int predicate)
    {
        var s = _s;
        if (s.Upos(k) is Upos.VERB or Upos.AUX)
            return false;
        var r = s.Rel(k);
        var h = s.Head(k);
        // a year number in a name ("Mirage 2000", however the parse hangs it there), not a month it hung on a name
        var modifier = r == Relations.Compound || r == Relations.Amod || r == Relations.NmodPoss || r == Relations.Nummod
            || ((r == Relations.Flat || r == Relations.NmodUnmarked) && s.Upos(k) == Upos.NUM && h >= 0 && s.Upos(h) == Upos.PROPN);
        // a year as a common noun's complement ("the agreement of 2000"); a weekday or "yesterday" hung on a noun is
        // as often a date the parse misattached ("proposes a meeting to discuss the program next Tuesday")
        var complement = (r == Relations.Nmod || r == Relations.NmodUnmarked) && h != predicate && s.Upos(k) == Upos.NUM
            && h >= 0 && s.Upos(h) == Upos.NOUN;
        if (h >= 0 && (modifier || complement)
            && s.Upos(h) is Upos.NOUN or Upos.PROPN && !TemporalExpression.IsTemporalWord(s.Text(h)) && !IsPartOfDay(s.Lemma(h)))
        {
            return false;
        }

        // the date phrase's own preposition: "since April" (k itself, or the month that "9" or "2014" belongs to)
        var phrase = h >= 0 && TemporalExpression.IsTemporalWord(s.Text(h)) && !Relations.IsOblique(r) && !Relations.IsTemporal(r) ? h : k;
        foreach (var c in s.Children(phrase))
        {
            if ((s.Rel(c) == Relations.Case || s.Rel(c) == Relations.Mark) && IsSpanBound(s.Text(c)))
                return false;
        }

        return true;
    }

    /// <summary>Whether a phrase's head names a time: "Tuesday", "the weekend", "the past two weeks", "Monday night", "5 May".</summary>
    private bool NamesATime(int c)
    {
        var s = _s;
        if (TemporalExpression.IsTemporalWord(s.Text(c)) || TemporalExpression.IsTemporalWord(s.Lemma(c)) || IsPartOfDay(s.Lemma(c)))
            return true;
        if (s.Upos(c) != Upos.NUM)
            return false;
        foreach (var k in s.Children(c))
        {
            if (TemporalExpression.IsTemporalWord(s.Text(k)))
                return true;
        }

        return false;
    }

    /// <summary>"Saturday morning", "Monday night": the date word names the day, the noun a part of it.</summary>
    private static bool IsPartOfDay(ReadOnlySpan<char> lemma) =>
        lemma.Equals("morning", StringComparison.OrdinalIgnoreCase) || lemma.Equals("afternoon", StringComparison.OrdinalIgnoreCase)
        || lemma.Equals("evening", StringComparison.OrdinalIgnoreCase) || lemma.Equals("night", StringComparison.OrdinalIgnoreCase);

    private static bool IsSpanBound(ReadOnlySpan<char> prep) =>
        prep.Equals("since", StringComparison.OrdinalIgnoreCase) || prep.Equals("until", StringComparison.OrdinalIgnoreCase)
        || prep.Equals("till", StringComparison.OrdinalIgnoreCase);

    /// <summary>The head of the clause <paramref name="t"/> belongs to: the first token up the tree that opens a clause, or the root.</summary>
    private int ClauseHeadOf(int t)
    {
        var s = _s;
        for (var guard = 0; guard <= s.Count; guard++)
        {
            var h = s.Head(t);
            if (h < 0 || Relations.IsClausal(s.Rel(t)))
                return t;
            t = h;
        }

        return t;
    }

    private bool MayBeTemporal(int c)
    {
        var s = _s;
        var r = s.Rel(c);
        if (Relations.IsTemporal(r) || r == Relations.Advmod)
            return true;
        if (!Relations.IsOblique(r))
            return false;
        var prep = s.CaseOf(c);
        if (prep.Equals("on", StringComparison.OrdinalIgnoreCase) || prep.Equals("over", StringComparison.OrdinalIgnoreCase))
        {
            // "on Tuesday", "over the weekend" name a time; "accused over the Minsk agreement of 2015", "talks on
            // the 2015 deal" name a subject, and its year is the subject's, not the event's
            return NamesATime(c);
        }

        return prep.IsEmpty || prep.Equals("in", StringComparison.OrdinalIgnoreCase)
            || prep.Equals("during", StringComparison.OrdinalIgnoreCase) || prep.Equals("by", StringComparison.OrdinalIgnoreCase)
            || prep.Equals("at", StringComparison.OrdinalIgnoreCase);
    }

    private void CollectWords(int root)
    {
        var s = _s;
        _tokens.Clear();
        _stack.Clear();
        _stack.Add(root);
        while (_stack.Count > 0 && _tokens.Count < 32)
        {
            var t = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            _tokens.Add(t);
            foreach (var c in s.Children(t))
            {
                if (!Relations.IsClausal(s.Rel(c)) && s.Rel(c) != Relations.Punct)
                    _stack.Add(c);
            }
        }

        _tokens.Sort();
        _words.Clear();
        foreach (var t in _tokens)
        {
            if (_words.Count == MaxPhraseWords)
                break;
            _words.Add(s.Text(t).ToString());
        }
    }

    // ---- places -------------------------------------------------------------------------------------------

    /// <summary>
    /// The place the event happened: a place named in a locative phrase of its clause ("in Beijing", "in the
    /// Chinese city of Tianjin") or above it, else a city that is the event's target ("shelled Kharkiv"); null if none.
    /// </summary>
    public Place? PlaceOf(int predicate, int targetMention)
    {
        if (gazetteer.Count == 0)
            return null;
        var s = _s;
        var t = predicate;
        for (var level = 0; t >= 0 && level < 4; level++)
        {
            foreach (var c in s.Children(t))
            {
                if (!Relations.IsOblique(s.Rel(c)))
                    continue;
                var prep = s.CaseOf(c);
                if (!IsLocative(prep))
                    continue;
                if (PlaceIn(c, citiesOnly: false) is { } place)
                    return place;
            }

            t = s.Head(t);
        }

        // a target that is a place itself ("shelled Kharkiv"), not a capital standing for its government
        if (targetMention >= 0)
        {
            var m = s.Mentions[targetMention];
            var head = PatternMatcher.MentionHead(s, targetMention);
            if (m.Sentence == s.SentenceIndex && m.Sector is null && m.Resolution != Resolution.Metonym
                && PlaceIn(head, citiesOnly: true) is { } city)
            {
                return city;
            }
        }

        return null;
    }

    private static bool IsLocative(ReadOnlySpan<char> prep) =>
        prep.Equals("in", StringComparison.OrdinalIgnoreCase) || prep.Equals("at", StringComparison.OrdinalIgnoreCase)
        || prep.Equals("near", StringComparison.OrdinalIgnoreCase) || prep.Equals("outside", StringComparison.OrdinalIgnoreCase)
        || prep.Equals("inside", StringComparison.OrdinalIgnoreCase) || prep.Equals("across", StringComparison.OrdinalIgnoreCase)
        || prep.Equals("throughout", StringComparison.OrdinalIgnoreCase) || prep.Equals("around", StringComparison.OrdinalIgnoreCase);

    /// <summary>A gazetteer place named by the phrase headed by <paramref name="head"/>: its proper name, or one inside it ("city of X").</summary>
    private Place? PlaceIn(int head, bool citiesOnly)
    {
        var s = _s;
        for (var depth = 0; head >= 0 && depth < 3; depth++)
        {
            if (NameAt(head) is { } p && (!citiesOnly || p.Kind == PlaceKind.City))
                return p.ToPlace();

            // "the city of Tianjin", "the Ukrainian capital, Kyiv": the name is a modifier or apposition
            var next = -1;
            foreach (var c in s.Children(head))
            {
                var r = s.Rel(c);
                if ((Relations.IsOblique(r) && s.CaseOf(c).Equals("of", StringComparison.OrdinalIgnoreCase)) || r == Relations.Appos)
                {
                    next = c;
                    break;
                }
            }

            head = next;
        }

        return null;
    }

    /// <summary>The proper name headed by a token (with its compound and flat parts), looked up in the gazetteer.</summary>
    private GazetteerPlace? NameAt(int head)
    {
        var s = _s;
        if (s.Upos(head) != Upos.PROPN)
            return null;
        var first = head;
        var last = head;
        foreach (var c in s.Children(head))
        {
            var r = s.Rel(c);
            if ((r == Relations.Compound || r == Relations.Flat) && s.Upos(c) == Upos.PROPN)
            {
                first = Math.Min(first, c);
                last = Math.Max(last, c);
            }
        }

        // the whole name only: a tail ("Bank" of "World Bank") is another place
        for (var start = first; start <= first; start++)
        {
            if (last - start + 1 > Gazetteer.MaxWords)
                continue;
            _key.Clear();
            for (var t = start; t <= last; t++)
            {
                if (_key.Length > 0)
                    _key.Append(' ');
                foreach (var ch in s.Text(t))
                    _key.Append(char.ToLowerInvariant(ch));
            }

            if (_key.Length > _keyBuffer.Length)
                continue;
            _key.CopyTo(0, _keyBuffer, 0, _key.Length);
            if (gazetteer.Find(_keyBuffer.AsSpan(0, _key.Length)) is { } place)
                return place;
        }

        return null;
    }
}
