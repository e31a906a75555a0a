namespace Entente.Coding.Events.Dates;

/// <summary>
/// Reads a temporal phrase ("on Tuesday", "last week", "earlier this year", "in 2022", "this summer",
/// "July 14, 2024", "three days ago") into a date, against the document's date. Pure functions; no state.
/// </summary>
public static class TemporalExpression
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] MonthAbbreviations =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>Whether a lower-case word can start or be part of a temporal phrase (to find candidates quickly).</summary>
    public static bool IsTemporalWord(ReadOnlySpan<char> w)
    {
        if (WeekdayOf(w) >= 0 || MonthOf(w) > 0 || IsYear(w, out _))
            return true;
        return w.Equals("today", StringComparison.OrdinalIgnoreCase) || w.Equals("yesterday", StringComparison.OrdinalIgnoreCase)
            || w.Equals("tomorrow", StringComparison.OrdinalIgnoreCase) || w.Equals("tonight", StringComparison.OrdinalIgnoreCase)
            || w.Equals("week", StringComparison.OrdinalIgnoreCase) || w.Equals("month", StringComparison.OrdinalIgnoreCase)
            || w.Equals("year", StringComparison.OrdinalIgnoreCase) || w.Equals("weekend", StringComparison.OrdinalIgnoreCase)
            || SeasonStartMonth(w) > 0 || w.Equals("ago", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Parses the words of a phrase (any case). <paramref name="future"/> says the event lies ahead (an intended
    /// event: "will meet on Tuesday" is the coming Tuesday); otherwise a bare weekday or month is the latest one
    /// on or before the document date.
    /// </summary>
    public static bool TryParse(IReadOnlyList<string> words, DateOnly today, bool future, out DateOnly date, out DatePrecision precision)
    {
        date = default;
        precision = DatePrecision.Document;
        var n = words.Count;
        if (n == 0)
            return false;

        // relative words anywhere in the phrase decide the direction ("last", "next", "earlier this")
        var last = Has(words, "last") || Has(words, "past") || Has(words, "previous");
        var next = Has(words, "next") || Has(words, "coming");
        var thisOne = Has(words, "this") || Has(words, "current");

        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            if (Eq(w, "today") || Eq(w, "tonight"))
                return Day(today, out date, out precision);
            if (Eq(w, "yesterday"))
                return Day(today.AddDays(-1), out date, out precision);
            if (Eq(w, "tomorrow"))
                return Day(today.AddDays(1), out date, out precision);

            if (Eq(w, "ago") && i >= 2 && TryCount(words[i - 2], out var count))
            {
                var unit = words[i - 1].ToLowerInvariant().TrimEnd('s');
                switch (unit)
                {
                    case "day":
                        return Day(today.AddDays(-count), out date, out precision);
                    case "week":
                        date = MondayOf(today.AddDays(-7 * count));
                        precision = DatePrecision.Week;
                        return true;
                    case "month":
                        var m = today.AddMonths(-count);
                        date = new DateOnly(m.Year, m.Month, 1);
                        precision = DatePrecision.Month;
                        return true;
                    case "year":
                        date = new DateOnly(today.Year - count, 1, 1);
                        precision = DatePrecision.Year;
                        return true;
                }
            }
        }

        // explicit calendar dates: "July 14, 2024", "14 July 2024", "July 2024", "July 14", "in July", "2024-07-14"
        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            if (TryIsoDate(w, out date))
            {
                precision = DatePrecision.Day;
                return true;
            }

            var month = MonthOf(w);
            if (month <= 0 || (month == 5 && Eq(w, "may") && !LooksLikeMonthContext(words, i)))
                continue;
            int? day = null;
            int? year = null;
            if (i + 1 < n && TryDayNumber(words[i + 1], out var d1))
                day = d1;
            else if (i > 0 && TryDayNumber(words[i - 1], out var d0))
                day = d0;
            for (var k = i + 1; k < Math.Min(n, i + 4); k++)
            {
                if (IsYear(words[k], out var y))
                {
                    year = y;
                    break;
                }
            }

            var yr = year ?? GuessYear(today, month, day ?? 1, future, last, next);
            if (day is { } dd && dd <= DateTime.DaysInMonth(yr, month))
            {
                date = new DateOnly(yr, month, dd);
                precision = DatePrecision.Day;
            }
            else
            {
                date = new DateOnly(yr, month, 1);
                precision = DatePrecision.Month;
            }

            return true;
        }

        for (var i = 0; i < n; i++)
        {
            var wd = WeekdayOf(words[i]);
            if (wd < 0)
                continue;
            var todayWd = ((int)today.DayOfWeek + 6) % 7; // Monday = 0
            if (next || (future && !last))
            {
                var ahead = (wd - todayWd + 7) % 7;
                if (ahead == 0)
                    ahead = next ? 7 : 0;
                return Day(today.AddDays(ahead), out date, out precision);
            }

            var back = (todayWd - wd + 7) % 7;
            if (back == 0 && last)
                back = 7;
            return Day(today.AddDays(-back), out date, out precision);
        }

        for (var i = 0; i < n; i++)
        {
            var w = words[i];
            var seasonMonth = SeasonStartMonth(w);
            if (seasonMonth > 0)
            {
                var year = today.Year;
                if (last)
                    year = SeasonStartsAfter(today, seasonMonth) || IsCurrentSeason(today, seasonMonth) ? year - 1 : year;
                else if (next)
                    year = SeasonStartsAfter(today, seasonMonth) ? year : year + 1;
                else if (seasonMonth == 12 && today.Month <= 2)
                    year--; // "this winter" in January began last December
                date = new DateOnly(year, seasonMonth, 1);
                precision = DatePrecision.Season;
                return true;
            }

            if (Eq(w, "week") || Eq(w, "weekend"))
            {
                var monday = MondayOf(today);
                date = last ? monday.AddDays(-7) : next ? monday.AddDays(7) : monday;
                precision = DatePrecision.Week;
                return last || next || thisOne || Eq(w, "weekend");
            }

            if (Eq(w, "month"))
            {
                var first = new DateOnly(today.Year, today.Month, 1);
                date = last ? first.AddMonths(-1) : next ? first.AddMonths(1) : first;
                precision = DatePrecision.Month;
                return last || next || thisOne;
            }

            if (Eq(w, "year"))
            {
                var year = last ? today.Year - 1 : next ? today.Year + 1 : today.Year;
                date = new DateOnly(year, 1, 1);
                precision = DatePrecision.Year;
                return last || next || thisOne;
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (IsYear(words[i], out var y))
            {
                date = new DateOnly(y, 1, 1);
                precision = DatePrecision.Year;
                return true;
            }
        }

        return false;
    }

    private static bool Day(DateOnly d, out DateOnly date, out DatePrecision precision)
    {
        date = d;
        precision = DatePrecision.Day;
        return true;
    }

    private static DateOnly MondayOf(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    private static int GuessYear(DateOnly today, int month, int day, bool future, bool last, bool next)
    {
        var candidate = new DateOnly(today.Year, month, Math.Min(day, DateTime.DaysInMonth(today.Year, month)));
        if (next || (future && !last))
            return candidate < today ? today.Year + 1 : today.Year;
        if (last)
            return candidate >= new DateOnly(today.Year, today.Month, 1) ? today.Year - 1 : today.Year;
        return candidate > today && month > today.Month ? today.Year - 1 : today.Year;
    }

    private static bool SeasonStartsAfter(DateOnly today, int seasonMonth) => new DateOnly(today.Year, seasonMonth, 1) > today;

    private static bool IsCurrentSeason(DateOnly today, int seasonMonth)
    {
        var start = new DateOnly(today.Year, seasonMonth, 1);
        return today >= start && today < start.AddMonths(3);
    }

    private static int SeasonStartMonth(ReadOnlySpan<char> w)
    {
        if (w.Equals("spring", StringComparison.OrdinalIgnoreCase))
            return 3;
        if (w.Equals("summer", StringComparison.OrdinalIgnoreCase))
            return 6;
        if (w.Equals("autumn", StringComparison.OrdinalIgnoreCase) || w.Equals("fall", StringComparison.OrdinalIgnoreCase))
            return 9;
        if (w.Equals("winter", StringComparison.OrdinalIgnoreCase))
            return 12;
        return 0;
    }

    private static int WeekdayOf(ReadOnlySpan<char> w)
    {
        for (var i = 0; i < Weekdays.Length; i++)
        {
            if (w.Equals(Weekdays[i], StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }

    private static int MonthOf(ReadOnlySpan<char> w)
    {
        var t = w.TrimEnd('.');
        for (var i = 0; i < Months.Length; i++)
        {
            if (t.Equals(Months[i], StringComparison.OrdinalIgnoreCase) || (t.Length == 3 && t.Equals(MonthAbbreviations[i], StringComparison.OrdinalIgnoreCase)))
                return i + 1;
        }

        if (t.Equals("sept", StringComparison.OrdinalIgnoreCase))
            return 9;
        return 0;
    }

    /// <summary>"may" is a month only next to a day number or a year, or after "in"/"of"/"since"/"early"/"late".</summary>
    private static bool LooksLikeMonthContext(IReadOnlyList<string> words, int i)
    {
        if (i + 1 < words.Count && (TryDayNumber(words[i + 1], out _) || IsYear(words[i + 1], out _)))
            return true;
        if (i > 0 && (TryDayNumber(words[i - 1], out _) || Eq(words[i - 1], "in") || Eq(words[i - 1], "of") || Eq(words[i - 1], "since")
            || Eq(words[i - 1], "early") || Eq(words[i - 1], "late") || Eq(words[i - 1], "mid")))
            return true;
        return false;
    }

    private static bool IsYear(ReadOnlySpan<char> w, out int year)
    {
        year = 0;
        if (w.Length != 4 || !int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year))
            return false;
        return year is >= 1900 and <= 2100;
    }

    private static bool TryDayNumber(string w, out int day)
    {
        var t = w.AsSpan();
        if (t.EndsWith("st", StringComparison.OrdinalIgnoreCase) || t.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
            || t.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || t.EndsWith("th", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^2];
        }

        t = t.TrimEnd(',');
        return int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out day) && day is >= 1 and <= 31;
    }

    private static bool TryCount(string w, out int count)
    {
        if (int.TryParse(w, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out count) && count is > 0 and < 1000)
            return true;
        ReadOnlySpan<string> numbers = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (Eq(w, numbers[i]))
            {
                count = Math.Max(1, i);
                return true;
            }
        }

        if (Eq(w, "several") || Eq(w, "few"))
        {
            count = 3;
            return true;
        }

        return false;
    }

    private static bool TryIsoDate(string w, out DateOnly date) =>
        DateOnly.TryParseExact(w, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    private static bool Has(IReadOnlyList<string> words, string w)
    {
        foreach (var x in words)
        {
            if (Eq(x, w))
                return true;
        }

        return false;
    }

    private static bool Eq(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
