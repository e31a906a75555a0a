namespace Entente.Nlp.Segmentation;

/// <summary>
/// Rule-based tokenizer following the UD English conventions (EWT, GUM). Text is cut at whitespace into
/// chunks; each chunk loses its leading punctuation (prefixes) and trailing punctuation (suffixes, with the
/// abbreviation rules deciding whether a final period stays), and what remains is cut at infixes (hyphens
/// between ordinary words, dashes, slashes between words, brackets, quotes) into pieces. A piece with a clitic
/// becomes one surface token of several words ("do" + "n't", "Bush" + "'s", "gon" + "na"); a number with a
/// unit becomes two tokens ("5" "pm"). URLs, e-mail addresses, emoticons, numbers ("1,000.50", "10:30",
/// "5/30/00", "713-853-3989") and dotted abbreviations ("U.S.", "e.g.") stay whole.
/// Immutable and thread-safe: all state of one call lives in a <see cref="Run"/> on the stack.
/// </summary>
internal sealed class Tokenizer(SegmentationLexicon lexicon)
{
    public void Tokenize(string text, ref TokenSink sink)
    {
        var run = new Run(lexicon, text, ref sink);
        run.All();
        sink.Finish();
    }

    /// <summary>
    /// True when single line breaks are hard wraps inside paragraphs (e-mail, plain-text books) rather than
    /// paragraph ends (one paragraph per line, as news files are): many lines start with a lowercase letter.
    /// </summary>
    internal static bool IsHardWrapped(string s)
    {
        int lines = 0, lowerStarts = 0;
        for (var i = s.IndexOf('\n'); i >= 0 && i + 1 < s.Length; i = s.IndexOf('\n', i + 1))
        {
            var j = i + 1;
            while (j < s.Length && s[j] != '\n' && Chars.IsSpace(s[j]))
                j++;
            if (j >= s.Length || s[j] == '\n' || (i > 0 && s[i - 1] == '\n'))
                continue; // a blank line: a paragraph break either way
            lines++;
            if (Chars.IsLower(s[j]))
                lowerStarts++;
        }

        return lines >= 3 && lowerStarts * 3 >= lines;
    }

    /// <summary>
    /// How many line breaks the whitespace character at <paramref name="i"/> makes: \n, a \r not before \n,
    /// NEL and the line separator make one; the paragraph separator makes two (a blank line).
    /// </summary>
    internal static int LineBreaks(string s, int i) => s[i] switch
    {
        '\n' or '\u0085' or '\u2028' => 1,
        '\r' => i + 1 < s.Length && s[i + 1] == '\n' ? 0 : 1,
        '\u2029' => 2,
        _ => 0,
    };

    /// <summary>One tokenization of one text.</summary>
    private ref struct Run
    {
        private readonly SegmentationLexicon _lex;
        private readonly string _s;
        private ref TokenSink _sink;
        private bool _wrapped;
        private bool _singleQuoteOpen;
        private int _finalAbbreviationEnd; // end offset of a token that must end its sentence, or -1
        private int _chunkStart;
        private int _middleEnd; // where the suffixes of the current chunk start

        public Run(SegmentationLexicon lexicon, string text, ref TokenSink sink)
        {
            _lex = lexicon;
            _s = text;
            _sink = ref sink;
            _finalAbbreviationEnd = -1;
        }

        public void All()
        {
            var s = _s;
            var n = s.Length;
            _wrapped = s.Contains('\n') && IsHardWrapped(s);
            var i = 0;
            while (i < n)
            {
                var newlines = 0;
                while (i < n && Chars.IsSpace(s[i]))
                {
                    newlines += LineBreaks(s, i);
                    i++;
                }

                if (i >= n)
                    break;
                var j = i + 1;
                while (j < n && !Chars.IsSpace(s[j]))
                    j++;
                if (newlines >= 2 || (newlines == 1 && !_wrapped))
                {
                    _sink.StartParagraph();
                    _singleQuoteOpen = false;
                }

                Chunk(i, j);
                i = j;
            }
        }

        // ---- chunks: prefixes, suffixes, middle -------------------------------------------------------

        private void Chunk(int a, int b)
        {
            var s = _s;
            _chunkStart = a;
            if (b - a == 1 || IsPlainWord(a, b))
            {
                Piece(a, b);
                return;
            }

            if (_lex.IsSpecialToken(s.AsSpan(a, b - a)))
            {
                Emit(a, b);
                return;
            }

            var lo = a;
            while (lo < b && !Chars.IsWord(s[lo]) && !StartsWord(lo, b))
            {
                var len = SpecialLength(lo, b);
                if (len == 0)
                    len = PunctLength(lo, b);
                if (s[lo] is '\'' or '‘')
                    _singleQuoteOpen = true;
                Emit(lo, lo + len);
                lo += len;
                if (lo < b && _lex.IsSpecialToken(s.AsSpan(lo, b - lo)))
                {
                    Emit(lo, b);
                    return;
                }
            }

            if (lo >= b)
                return;
            var m = SuffixStart(lo, b);
            Middle(lo, m);
            if (m < b)
                Suffixes(m, b);
        }

        /// <summary>Only ASCII letters: the common case, one word (or a contraction without apostrophe).</summary>
        private readonly bool IsPlainWord(int a, int b)
        {
            for (var i = a; i < b; i++)
            {
                var c = _s[i];
                if ((uint)((c | 0x20) - 'a') > 'z' - 'a')
                    return false;
            }

            return true;
        }

        /// <summary>A leading non-word character that belongs to the word after it.</summary>
        private readonly bool StartsWord(int i, int b)
        {
            var s = _s;
            if (i + 1 >= b)
                return false;
            var c = s[i];
            var next = s[i + 1];
            switch (c)
            {
                case '@' or '#' when Chars.IsLetter(next): // @handle, #hashtag
                case '+' when Chars.IsDigit(next): // +1 202 ...
                case '.' when Chars.IsDigit(next) && i + 2 < b && Chars.IsDigit(s[i + 2]): // .25
                    return true;
            }

            if (!Chars.IsApostrophe(c))
                return false;
            if (Chars.IsDigit(next))
                return true; // '90s, '68
            if (!Chars.IsLetter(next))
                return false;
            var e = i + 1;
            while (e < b && Chars.IsLetter(s[e]))
                e++;
            if (e < b && (Chars.IsWord(s[e]) || Chars.IsApostrophe(s[e])))
                return false;
            var word = s.AsSpan(i + 1, e - i - 1);
            return TokenShapes.IsClitic(word) || TokenShapes.IsApheresis(word);
        }

        /// <summary>Length of the punctuation token at <paramref name="i"/>: runs stay together ("...", "--", "?!", "``").</summary>
        private readonly int PunctLength(int i, int b)
        {
            var s = _s;
            var c = s[i];
            var kind = Chars.Kind(c);
            var e = i + 1;
            if (kind == CharKind.Terminal)
            {
                // ".?" and "?!" are one token, but an ellipsis stays apart from "?" or "!": "..." "?"
                var periods = c == '.' ? 1 : 0;
                while (e < b && Chars.IsTerminal(s[e]))
                {
                    if (s[e] == '.')
                    {
                        if (periods == 0 && e + 2 < b && s[e + 1] == '.' && s[e + 2] == '.')
                            break;
                        periods++;
                    }
                    else if (periods >= 3)
                    {
                        break;
                    }

                    e++;
                }
            }
            else if (c is '‘' or '’' && e < b && s[e] is '‘' or '’')
            {
                e++; // ‘’ and ’’ stand for double quotes
            }
            else if (kind == CharKind.Surrogate)
            {
                if (char.IsHighSurrogate(c) && e < b && char.IsLowSurrogate(s[e]))
                    e++;
            }
            else if (c is '-' or '*' or '=' or '_' or '~' or '<' or '>' or '#' or '+' or '^' or '/' or '\\' or '|' or '`' or '\'' or ',' or '$' || kind == CharKind.Dash)
            {
                while (e < b && s[e] == c)
                    e++;
                if (c is '`' or '\'' && e - i > 2)
                    e = i + 2; // `` and '' are quotes; longer runs are several
            }

            return e - i;
        }

        /// <summary>Length of the longest special token (an emoticon) starting at <paramref name="i"/>, or 0.</summary>
        private readonly int SpecialLength(int i, int b)
        {
            for (var len = Math.Min(_lex.MaxSpecialLength, b - i); len >= 2; len--)
            {
                if (_lex.IsSpecialToken(_s.AsSpan(i, len)))
                    return len;
            }

            return 0;
        }

        /// <summary>
        /// Strips trailing punctuation from [<paramref name="lo"/>, <paramref name="b"/>) and returns where the
        /// suffixes start. A final period stays with an abbreviation, an initial or a list number.
        /// </summary>
        private int SuffixStart(int lo, int b)
        {
            var s = _s;
            var url = TokenShapes.StartsUrl(s.AsSpan(lo, b - lo));
            var m = b;
            while (m > lo)
            {
                var c = s[m - 1];
                var kind = Chars.Kind(c);
                if ((kind & CharKind.Word) != 0)
                    break;
                if (m - lo <= _lex.MaxSpecialLength && _lex.IsSpecialToken(s.AsSpan(lo, m - lo)))
                    break;
                if (url && c is not ('.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '"' or '\'' or '’' or '”' or '>'))
                    break;
                if (kind == CharKind.Terminal)
                {
                    var r = m - 1;
                    while (r > lo && Chars.IsTerminal(s[r - 1]))
                        r--;
                    if (c == '.' && !url && r == m - 1 && r > lo && Chars.IsAlnum(s[r - 1]) && KeepsPeriod(lo, m, b))
                        break;
                    if (!url && s[r] == '.' && r + 1 < m && r > lo && Chars.IsAlnum(s[r - 1])
                        && (s[r + 1] != '.' || (r + 2 == m && c == '.')) && PeriodEndsAbbreviation(lo, r))
                    {
                        m = r + 1; // "Inc.." and "N.O.?": the abbreviation keeps its period
                        break;
                    }

                    m = r;
                    continue;
                }

                if (kind == CharKind.Apostrophe && m - 1 > lo && Chars.IsLetter(s[m - 2]))
                {
                    if (!_singleQuoteOpen && s[m - 2] is 's' or 'S' or 'z' or 'x' && m - 2 > lo)
                        break; // plural possessive: "merchants'" is "merchants" + "'"
                    m--;
                    continue;
                }

                if (kind == CharKind.Surrogate && m - 2 >= lo && char.IsLowSurrogate(c) && char.IsHighSurrogate(s[m - 2]))
                {
                    m -= 2;
                    continue;
                }

                if (c == '-' && m == b && IsCutOffWord(lo, m - 1, b))
                    break;
                var run = m - 1;
                if (c is '-' or '*' or '=' or '_' or '~' or '<' or '>' or '+' or '^' or '/' or '\\' or '|')
                {
                    while (run > lo && s[run - 1] == c)
                        run--;
                }

                m = run;
            }

            return m;
        }

        /// <summary>
        /// A word broken off by its speaker ("th- the", "proble- problem"): one letter, two that are not an
        /// acronym, or a start of the word that follows. Its hyphen stays; "long- and short-term" and "Vince- thanks" lose theirs.
        /// </summary>
        private readonly bool IsCutOffWord(int lo, int hyphen, int b)
        {
            var s = _s;
            var ws = hyphen;
            while (ws > lo && Chars.IsLetter(s[ws - 1]))
                ws--;
            if (ws != lo || ws == hyphen)
                return false;
            var fragment = s.AsSpan(ws, hyphen - ws);
            if (fragment.Length == 1 || (fragment.Length == 2 && Chars.IsLower(fragment[1])))
                return true; // "w-", "Th-", but not "US- and EU-based"

            var next = b;
            while (next < s.Length && s[next] == ' ')
                next++;
            return next < s.Length && s.AsSpan(next).StartsWith(fragment, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Tokens of the stripped suffix region, left to right (each punctuation token or run).</summary>
        private void Suffixes(int m, int b)
        {
            var i = m;
            while (i < b)
            {
                var len = SpecialLength(i, b);
                if (len == 0)
                    len = PunctLength(i, b);
                if (_s[i] is '\'' or '’')
                    _singleQuoteOpen = false;
                Emit(i, i + len);
                i += len;
            }
        }

        /// <summary>
        /// Whether the period at <paramref name="m"/> - 1 belongs to the word before it: an abbreviation, an
        /// initial, or a list number opening a paragraph. A period that also ends the sentence goes its own
        /// way after a one-part abbreviation ("etc" "."), stays after a dotted one ("U.S." ends the sentence).
        /// </summary>
        private bool KeepsPeriod(int lo, int m, int b)
        {
            var s = _s;
            var ws = WordBefore(lo, m - 1);
            if (ws < 0)
                return false;
            var word = s.AsSpan(ws, m - 1 - ws);
            var last = m == b; // nothing between the period and the next chunk
            if (Chars.IsDigit(word[0]) && TokenShapes.IsClockTime(word))
            {
                if (last && NextStartsSentence(b))
                    _finalAbbreviationEnd = m;
                return true; // "8:30p.m." is "8:30" "p.m."
            }

            if (Chars.IsDigit(word[0]))
            {
                // "1." or "2.1." opening a paragraph or a sentence is a list number; elsewhere the period ends the sentence
                return ws == lo && lo == _chunkStart && word.Length <= 5 && TokenShapes.IsSectionNumber(word) && AtSentenceStart();
            }

            switch (AbbreviationKindOf(word, standalone: ws == lo))
            {
                case AbbreviationKind.Title:
                    return !last || !ParagraphEndsAt(b);
                case AbbreviationKind.BeforeNumber:
                    return last && NextIsNumber(b);
                case AbbreviationKind.Ending:
                case AbbreviationKind.General when word.Contains('.'):
                    if (last && NextStartsSentence(b))
                        _finalAbbreviationEnd = m;
                    return true;
                case AbbreviationKind.General:
                    return !last || !NextStartsSentence(b);
                default:
                    return false;
            }
        }

        /// <summary>
        /// Start of the word (letters, digits, inner periods) that ends just before the period at
        /// <paramref name="period"/>, or -1 when it is glued to something that makes it no abbreviation
        /// ("Bush's." ends in a clitic, not in the abbreviation "s.").
        /// </summary>
        private readonly int WordBefore(int lo, int period)
        {
            var s = _s;
            var ws = period;
            while (ws > lo && (Chars.IsAlnum(s[ws - 1]) || (s[ws - 1] == '.' && ws - 1 > lo && Chars.IsAlnum(s[ws - 2]))))
                ws--;
            if (ws == period || (ws > lo && (Chars.IsApostrophe(s[ws - 1]) || Chars.IsWord(s[ws - 1]))))
                return -1;
            return ws;
        }

        /// <summary>
        /// What kind of abbreviation <paramref name="word"/> (without its period) is: listed in the lexicon,
        /// dotted ("U.S", "e.g", "Ph.D"), or a single-letter initial when it stands alone.
        /// </summary>
        private readonly AbbreviationKind AbbreviationKindOf(ReadOnlySpan<char> word, bool standalone)
        {
            var kind = _lex.Abbreviation(word);
            if (kind != AbbreviationKind.None)
                return kind;
            if (word.Contains('.'))
                return TokenShapes.IsDottedAbbreviation(word) ? AbbreviationKind.General : AbbreviationKind.None;
            return word.Length == 1 && Chars.IsLetter(word[0]) && standalone ? AbbreviationKind.General : AbbreviationKind.None;
        }

        /// <summary>True at the start of a paragraph or right after terminal punctuation.</summary>
        private readonly bool AtSentenceStart()
        {
            if (_sink.AtParagraphStart)
                return true;
            var last = _sink.LastToken;
            if (last.Length == 0 || last is ":")
                return true;
            foreach (var c in last)
            {
                if (!Chars.IsTerminal(c))
                    return false;
            }

            return true;
        }

        // ---- looking ahead --------------------------------------------------------------------------------

        /// <summary>True when the text after <paramref name="b"/> ends the paragraph (or the text).</summary>
        private readonly bool ParagraphEndsAt(int b)
        {
            var s = _s;
            var newlines = 0;
            var i = b;
            while (i < s.Length && Chars.IsSpace(s[i]))
            {
                newlines += LineBreaks(s, i);
                i++;
            }

            return i >= s.Length || newlines >= 2 || (newlines == 1 && !_wrapped);
        }

        /// <summary>True when a new sentence starts after <paramref name="b"/>: a paragraph ends, or a sentence starter follows.</summary>
        private readonly bool NextStartsSentence(int b)
        {
            if (ParagraphEndsAt(b))
                return true;
            var s = _s;
            var i = b;
            while (i < s.Length && Chars.IsSpace(s[i]))
                i++;
            while (i < s.Length && Chars.Is(s[i], CharKind.Quote | CharKind.Open | CharKind.Apostrophe))
                i++;
            var e = i;
            while (e < s.Length && Chars.IsLetter(s[e]))
                e++;
            return e > i && Chars.IsUpper(s[i]) && _lex.IsSentenceStarter(s.AsSpan(i, e - i));
        }

        private readonly bool NextIsNumber(int b)
        {
            var s = _s;
            var i = b;
            while (i < s.Length && Chars.IsSpace(s[i]) && s[i] != '\n')
                i++;
            if (i < s.Length && s[i] == '#')
                i++;
            return i < s.Length && Chars.IsDigit(s[i]);
        }

        // ---- the middle: infixes ----------------------------------------------------------------------

        /// <summary>
        /// What is left between the prefixes and suffixes. Quotes, brackets and angle brackets never belong to
        /// a URL or an address, so they cut it first; each stretch between them is a URL, an address, or goes
        /// through the infix rules.
        /// </summary>
        private void Middle(int lo, int m)
        {
            var s = _s;
            if (m - lo <= _lex.MaxSpecialLength && _lex.IsSpecialToken(s.AsSpan(lo, m - lo)))
            {
                Emit(lo, m);
                return;
            }

            _middleEnd = m;
            var start = lo;
            var i = lo;
            while (i < m)
            {
                if (!Chars.Is(s[i], CharKind.Quote | CharKind.Open | CharKind.Close) && s[i] is not ('<' or '>'))
                {
                    i++;
                    continue;
                }

                Stretch(start, i);
                var len = PunctLength(i, m);
                Emit(i, i + len);
                i += len;
                start = i;
            }

            Stretch(start, m);
        }

        private void Stretch(int lo, int m)
        {
            if (lo >= m)
                return;
            var s = _s;
            if (TokenShapes.IsUrlOrAddress(s.AsSpan(lo, m - lo)))
            {
                Emit(lo, m);
                return;
            }

            var p = lo;
            var i = lo;
            while (i < m)
            {
                var c = s[i];
                var kind = Chars.Kind(c);
                if ((kind & (CharKind.Word | CharKind.Apostrophe)) != 0)
                {
                    i++;
                    continue;
                }

                var inside = i > p && i + 1 < m;
                switch (c)
                {
                    case '-' or '‐' or '‑':
                        if (i + 1 == _middleEnd && i > p && Chars.IsLetter(s[i - 1]))
                        {
                            i++; // the suffix rules kept the hyphen of a cut-off word: "th-"
                            continue;
                        }

                        if (i + 1 < m && s[i + 1] is not ('-' or '‐' or '‑'))
                        {
                            // UD English splits the minus of a negative number too: "-" "37"
                            if (inside && Chars.IsAlnum(s[i - 1]) && Chars.IsAlnum(s[i + 1]) && KeepsHyphen(p, i, m))
                            {
                                i++;
                                continue;
                            }
                        }

                        break;
                    case '.':
                        if (inside && Chars.IsWord(s[i - 1]) && Chars.IsWord(s[i + 1]))
                        {
                            if (Chars.IsUpper(s[i + 1]) && i + 2 < m && Chars.IsLower(s[i + 2]) && PeriodEndsAbbreviation(p, i))
                            {
                                Piece(p, i + 1); // "Dr.Michael", "S.Korea": the abbreviation, then the name
                                i++;
                                p = i;
                                continue;
                            }

                            i++; // "3.5", "e.g", "alt.animals.cats", "Guaranty.doc"
                            continue;
                        }

                        if (i == p && i + 1 < m && Chars.IsDigit(s[i + 1]))
                        {
                            i++; // ".25"
                            continue;
                        }

                        if (i > p && Chars.IsAlnum(s[i - 1]) && (i + 1 == _middleEnd || (i + 1 < m && s[i + 1] != '.' && PeriodEndsAbbreviation(p, i))))
                        {
                            i++; // the suffix rules kept this final period, or an abbreviation before an infix ("U.S.-led")
                            continue;
                        }

                        break;
                    case ',':
                        if (inside && Chars.IsDigit(s[i - 1]) && Chars.IsDigit(s[i + 1]) && (TokenShapes.IsThousands(s.AsSpan(i + 1, m - i - 1)) || lo == 0 || s[lo - 1] != '['))
                        {
                            i++; // 1,000 and 7,5 but citations: [13,14]
                            continue;
                        }

                        break;
                    case ':':
                        if (inside && Chars.IsDigit(s[i - 1]) && Chars.IsDigit(s[i + 1]))
                        {
                            i++; // 10:30
                            continue;
                        }

                        break;
                    case '*':
                        if (inside && Chars.IsLetter(s[i - 1]) && (Chars.IsLetter(s[i + 1]) || (s[i + 1] == '*' && i + 2 < m && Chars.IsLetter(s[i + 2]))))
                        {
                            i++; // "sh*t", "bl**dy"
                            continue;
                        }

                        break;
                    case '$':
                        if (i > p && i - p <= 3 && TokenShapes.IsUpper(s.AsSpan(p, i - p)))
                        {
                            Piece(p, i + 1); // US$, HK$, A$
                            i++;
                            p = i;
                            continue;
                        }

                        break;
                    case '/':
                        if (inside && KeepsSlash(p, i, m))
                        {
                            i++;
                            continue;
                        }

                        break;
                    case '&':
                        if (inside && KeepsAmpersand(p, i, m))
                        {
                            i++;
                            continue;
                        }

                        break;
                    case '@' or '_' or '#' or '+' or '=' or '~':
                        if (i > p || (i + 1 < m && Chars.IsWord(s[i + 1])))
                        {
                            i++; // part of identifiers, handles and e-mail-like names
                            continue;
                        }

                        break;
                }

                Piece(p, i);
                var len = SpecialLength(i, m);
                if (len == 0)
                    len = PunctLength(i, m);
                Emit(i, i + len);
                i += len;
                p = i;
            }

            Piece(p, m);
        }

        private readonly bool PeriodEndsAbbreviation(int p, int period)
        {
            var ws = WordBefore(p, period);
            if (ws < 0 || Chars.IsDigit(_s[ws]))
                return false;
            return AbbreviationKindOf(_s.AsSpan(ws, period - ws), standalone: ws == p)
                is AbbreviationKind.General or AbbreviationKind.Title or AbbreviationKind.Ending;
        }

        /// <summary>
        /// UD English splits hyphenated compounds ("so - called") but keeps bound prefixes ("non-stop",
        /// "e-mail"), a few suffixes ("-esque") and phone-like numbers ("713-853-3989") whole.
        /// </summary>
        private readonly bool KeepsHyphen(int p, int i, int m)
        {
            var s = _s;
            var ls = i;
            while (ls > p && Chars.IsAlnum(s[ls - 1]))
                ls--;
            var re = i + 1;
            while (re < m && Chars.IsAlnum(s[re]))
                re++;
            var left = s.AsSpan(ls, i - ls);
            var right = s.AsSpan(i + 1, re - i - 1);
            if (TokenShapes.IsDigits(left) && TokenShapes.IsDigits(right))
            {
                var first = ls;
                while (first > p && (Chars.IsDigit(s[first - 1]) || (s[first - 1] == '-' && first - 1 > p && Chars.IsDigit(s[first - 2]))))
                    first--;
                return TokenShapes.IsPhoneLike(s.AsSpan(first, m - first));
            }

            var firstPart = ls == 0 || !Chars.Is(s[ls - 1], CharKind.Hyphen);
            if (firstPart && Chars.IsLetter(left[0]) && _lex.IsHyphenPrefix(left))
                return true;
            return (re >= m || !Chars.Is(s[re], CharKind.Hyphen)) && _lex.IsHyphenSuffix(right);
        }

        /// <summary>"9/11", "5/30/00", "1/2", "b/c", "w/o" stay whole; "and/or" is three tokens.</summary>
        private readonly bool KeepsSlash(int p, int i, int m)
        {
            var s = _s;
            if (Chars.IsDigit(s[i - 1]) && Chars.IsDigit(s[i + 1]))
                return true;
            var singleLeft = Chars.IsLetter(s[i - 1]) && (i - 1 == p || !Chars.IsAlnum(s[i - 2]));
            var singleRight = Chars.IsLetter(s[i + 1]) && (i + 2 >= m || !Chars.IsAlnum(s[i + 2]));
            return singleLeft && singleRight;
        }

        /// <summary>"AT&amp;T", "P&amp;L", "R&amp;D" stay whole: short letter groups on both sides.</summary>
        private readonly bool KeepsAmpersand(int p, int i, int m)
        {
            var s = _s;
            var ls = i;
            while (ls > p && Chars.IsLetter(s[ls - 1]))
                ls--;
            var re = i + 1;
            while (re < m && Chars.IsLetter(s[re]))
                re++;
            return i - ls is >= 1 and <= 3 && re - i - 1 is >= 1 and <= 3;
        }

        // ---- pieces: clitics, contractions, units ---------------------------------------------------------

        /// <summary>Writes a piece that has no infix left: one word, a clitic split, a contraction or number + unit.</summary>
        private void Piece(int p, int e)
        {
            if (p >= e)
                return;
            var s = _s;
            var piece = s.AsSpan(p, e - p);
            var len = piece.Length;

            if (len >= 3 && Chars.IsApostrophe(piece[^1]) && Chars.IsLetter(piece[^2]) && Chars.IsLetter(piece[0]))
            {
                Emit2(p, e - 1, e); // plural possessive kept by the suffix rules: "merchants" + "'"
                return;
            }

            if (len >= 3)
            {
                var split = TokenShapes.CliticSplit(piece);
                if (split > 0)
                {
                    Emit2(p, p + split, e);
                    return;
                }
            }

            var splits = _lex.ContractionSplits(piece);
            if (splits.Length > 0)
            {
                EmitContraction(p, e, splits);
                return;
            }

            if (Chars.IsDigit(piece[0]) && (Chars.IsLetter(piece[^1]) || piece[^1] == '.'))
            {
                var unit = UnitStart(piece);
                if (unit > 0)
                {
                    Emit(p, p + unit);
                    Emit(p + unit, e);
                    return;
                }
            }

            Emit(p, e);
        }

        /// <summary>Where a unit starts after a number ("5pm" -> 1, "1.5bn" -> 3), or 0 to keep the piece whole.</summary>
        private readonly int UnitStart(ReadOnlySpan<char> w)
        {
            var i = 0;
            while (i < w.Length && (Chars.IsDigit(w[i]) || (w[i] is '.' or ',' or ':' && i + 1 < w.Length && Chars.IsDigit(w[i + 1]))))
                i++;
            if (i == 0 || i == w.Length)
                return 0;
            if (TokenShapes.IsClockTime(w.TrimEnd('.')))
                return w.Length - (w[^1] == '.' ? 4 : 3);
            for (var k = i; k < w.Length; k++)
            {
                if (!Chars.IsLetter(w[k]))
                    return 0;
            }

            return _lex.IsUnitSuffix(w[i..]) ? i : 0;
        }

        private void EmitContraction(int p, int e, ReadOnlySpan<byte> splits)
        {
            var start = p;
            for (var k = 0; k < splits.Length; k++)
            {
                var end = p + splits[k];
                _sink.Word(start, end, joined: true);
                start = end;
            }

            _sink.Word(start, e, joined: false);
            AfterEmit(e);
        }

        // ---- URLs and addresses -----------------------------------------------------------------------

        // ---- writing --------------------------------------------------------------------------------

        private void Emit(int start, int end)
        {
            _sink.Word(start, end);
            AfterEmit(end);
        }

        private void Emit2(int start, int split, int end)
        {
            _sink.Words(start, split, end);
            AfterEmit(end);
        }

        private void AfterEmit(int end)
        {
            if (end == _finalAbbreviationEnd)
            {
                _sink.EndSentenceHere();
                _finalAbbreviationEnd = -1;
            }
        }
    }
}
