using System.CommandLine;
using System.Globalization;
using Entente.Store;
using Entente.Store.DuckDb;

namespace Entente.Cli.Commands;

/// <summary>What the store commands (ingest, events, dyad, actors, export, demo) share: --db, dates, opening the store.</summary>
internal static class StoreCommandSupport
{
    public static Option<string> DbOption() => new("--db")
    {
        Description = $"The DuckDB store file (default: ./{DuckDbStore.DefaultPath})",
        DefaultValueFactory = _ => DuckDbStore.DefaultPath,
    };

    public static Option<string?> DateOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string?>();
            if (v is not null && !TryParseDate(v, out _))
                r.AddError($"{name} '{v}' is not a date in the form YYYY-MM-DD (or YYYY-MM, YYYY)");
        });
        return option;
    }

    public static Option<string?> SinceOption() => DateOption("--since", "First date, YYYY-MM-DD (a month or year: its first day)");

    public static Option<string?> UntilOption() => DateOption("--until", "Last date, YYYY-MM-DD (a month or year: its last day)");

    public static Option<string> FormatOption(string[] formats, string defaultFormat)
    {
        var option = new Option<string>("--format") { Description = string.Join(", ", formats) + $" (default: {defaultFormat})", DefaultValueFactory = _ => defaultFormat };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary>YYYY-MM-DD, or a month (YYYY-MM) or year (YYYY) meaning its first day.</summary>
    public static bool TryParseDate(string s, out DateOnly date) =>
        DateOnly.TryParseExact(s, ["yyyy-MM-dd", "yyyy-MM", "yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static DateOnly? ParseDate(string? s) => s is not null && TryParseDate(s, out var d) ? d : null;

    /// <summary>The last day an --until value covers: the day itself, or the last day of a month (YYYY-MM) or year (YYYY).</summary>
    public static DateOnly? ParseUntil(string? s)
    {
        if (ParseDate(s) is not { } first)
            return null;
        return s!.Length switch
        {
            4 => first.AddYears(1).AddDays(-1),
            7 => first.AddMonths(1).AddDays(-1),
            _ => first,
        };
    }

    /// <summary>Opens the store for reading; reports and returns null when there is none or it cannot be opened.</summary>
    public static DuckDbStore? OpenExisting(CliContext ctx, string path)
    {
        if (!File.Exists(path))
        {
            ctx.Fail($"there is no store at '{Path.GetFullPath(path)}'; run 'entente ingest PATH...' or 'entente demo' first, or give --db");
            return null;
        }

        return Open(ctx, path);
    }

    public static DuckDbStore? Open(CliContext ctx, string path)
    {
        try
        {
            return DuckDbStore.Open(path);
        }
        catch (StoreException e)
        {
            ctx.Fail(e.Message);
            return null;
        }
    }

    public static string ActorLabel(ActorSide a) => a.Code ?? a.Country ?? (a.Name is null ? "-" : "?");

    /// <summary>The rows of <c>entente events</c> and the demo's event list.</summary>
    public static readonly string[] EventColumns =
        ["date", "source", "event", "target", "plover", "goldstein", "mentions", "sources", "articles", "text"];

    public static object?[] EventRow(MergedEvent e, int textWidth) =>
    [
        e.Date, ActorLabel(e.Source), e.Cameo, ActorLabel(e.Target), e.Plover, e.Goldstein, e.NumMentions, e.NumSources, e.NumArticles,
        textWidth > 0 && e.Text is { } t && t.Length > textWidth ? t[..(textWidth - 1)] + "…" : e.Text,
    ];

}

/// <summary>The selection options shared by events and export (--actor, --with, --since, --until).</summary>
internal sealed class FilterOptions
{
    private readonly Option<string?> _actor = new("--actor") { Description = "Events with this actor on either side: a country (CHN) or CAMEO code prefix (USAGOV, IGOUNO)" };
    private readonly Option<string?> _with = new("--with") { Description = "...and this actor on the other side" };
    private readonly Option<string?> _since = StoreCommandSupport.SinceOption();
    private readonly Option<string?> _until = StoreCommandSupport.UntilOption();

    public void AddTo(Command command)
    {
        command.Options.Add(_actor);
        command.Options.Add(_with);
        command.Options.Add(_since);
        command.Options.Add(_until);
    }

    public EventFilter Read(ParseResult pr) => new()
    {
        Actor = pr.GetValue(_actor)?.ToUpperInvariant(),
        With = pr.GetValue(_with)?.ToUpperInvariant(),
        Since = StoreCommandSupport.ParseDate(pr.GetValue(_since)),
        Until = StoreCommandSupport.ParseUntil(pr.GetValue(_until)),
    };
}
