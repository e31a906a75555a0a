using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;

namespace Entente.Coding.Events.Evaluation;

/// <summary>An event a PETRARCH validation record expects: CAMEO code, source and target actor codes.</summary>
public sealed record ExpectedEvent(string Code, string Source, string Target)
{
    public override string ToString() => $"{Source} {Target} {Code}";
}

/// <summary>The options a record is coded under; a &lt;Config&gt; element changes them for the records after it.</summary>
/// <param name="RequireDyad">Events need both a source and a target (default true).</param>
/// <param name="NewActorLength">Unknown noun phrases of at most this many words become actors named by their text (0: off).</param>
/// <param name="CommaClauses">The comma_* clause-deletion limits (PETRARCH's defaults unless changed).</param>
public sealed record PetrarchConfig(bool RequireDyad = true, int NewActorLength = 0, CommaClauseLimits? CommaClauses = null)
{
    public CommaClauseLimits Commas => CommaClauses ?? CommaClauseLimits.Petrarch;
}

/// <summary>The dictionaries a validation file names in its &lt;Environment&gt;, as full paths.</summary>
public sealed record PetrarchEnvironment(string VerbFile, string? ActorFile, string? AgentFile, string? DiscardFile);

/// <summary>One validation record: a sentence, its UD parse, and what it should code to.</summary>
/// <param name="ExpectedError">"dateline", "storydiscard", ...: the record tests an error path and expects no events.</param>
public sealed record PetrarchRecord(
    string Id,
    string Category,
    DateOnly Date,
    string Text,
    IReadOnlyList<ConlluSentence> Parse,
    IReadOnlyList<ExpectedEvent> Expected,
    bool ExpectsNoEvents,
    string? ExpectedError,
    PetrarchConfig Config,
    int Line);

/// <summary>A parsed validation file.</summary>
public sealed record PetrarchSuite(string Path, PetrarchEnvironment Environment, IReadOnlyList<PetrarchRecord> Records);

/// <summary>
/// Reads PETRARCH validation files (PETR.UnitTest.records.ud.xml): the &lt;Environment&gt; naming the
/// dictionaries, &lt;Config&gt; options that hold until changed, and &lt;Sentence&gt; records with
/// &lt;EventCoding&gt;, &lt;Text&gt; and a CoNLL-U &lt;Parse&gt;. A record it cannot read is skipped with a diagnostic.
/// </summary>
public static class PetrarchRecordReader
{
    public static PetrarchSuite Load(string path, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var xml = XDocument.Load(path, LoadOptions.SetLineInfo);
        var root = xml.Root ?? throw new InvalidDataException($"{path}: empty XML document");
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        var env = root.Element("Environment");
        var environment = new PetrarchEnvironment(
            Locate(dir, env?.Element("Verbfile")?.Value) ?? throw new InvalidDataException($"{path}: <Environment> names no <Verbfile> that exists"),
            Locate(dir, env?.Element("Actorfile")?.Value),
            Locate(dir, env?.Element("Agentfile")?.Value),
            Locate(dir, env?.Element("Discardfile")?.Value));

        var records = new List<PetrarchRecord>();
        var config = new PetrarchConfig();
        var sentences = root.Element("Sentences") ?? root;
        foreach (var el in sentences.Elements())
        {
            var line = ((IXmlLineInfo)el).LineNumber;
            if (el.Name.LocalName == "Config")
            {
                config = Apply(config, el, path, line, diagnostics);
                continue;
            }

            if (el.Name.LocalName != "Sentence")
                continue;
            if (ReadRecord(el, config, path, line, diagnostics) is { } record)
                records.Add(record);
        }

        return new PetrarchSuite(path, environment, records);
    }

    /// <summary>A dictionary named in the environment: beside the file, or in its "dictionaries" folder.</summary>
    private static string? Locate(string dir, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        name = name.Trim();
        foreach (var candidate in new[] { System.IO.Path.Combine(dir, name), System.IO.Path.Combine(dir, "dictionaries", name) })
        {
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static PetrarchConfig Apply(PetrarchConfig config, XElement el, string path, int line, List<Diagnostic> diagnostics)
    {
        var option = (string?)el.Attribute("option") ?? "";
        var value = ((string?)el.Attribute("value") ?? "").Trim();
        switch (option)
        {
            case "require_dyad" when bool.TryParse(value, out var b):
                return config with { RequireDyad = b };
            case "new_actor_length" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n):
                return config with { NewActorLength = n };
            case "comma_min" or "comma_max" or "comma_bmin" or "comma_bmax" or "comma_emin" or "comma_emax"
                when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var words) && words >= 0:
                var c = config.Commas;
                return config with
                {
                    CommaClauses = option switch
                    {
                        "comma_min" => c with { Min = words },
                        "comma_max" => c with { Max = words },
                        "comma_bmin" => c with { BeginMin = words },
                        "comma_bmax" => c with { BeginMax = words },
                        "comma_emin" => c with { EndMin = words },
                        _ => c with { EndMax = words },
                    },
                };
            case "require_dyad" or "new_actor_length" or "comma_min" or "comma_max" or "comma_bmin" or "comma_bmax" or "comma_emin" or "comma_emax":
                diagnostics.Add(new Diagnostic(Severity.Warning, "bad-config", $"option {option} has an unreadable value '{value}'", path, line));
                return config;
            default:
                // stop_on_error is about PETRARCH's own error handling
                return config;
        }
    }

    private static PetrarchRecord? ReadRecord(XElement el, PetrarchConfig config, string path, int line, List<Diagnostic> diagnostics)
    {
        var id = (string?)el.Attribute("id") ?? $"line{line}";
        var dateText = (string?)el.Attribute("date") ?? "";
        if (!DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "bad-record", $"record {id} has no date in yyyyMMdd form", path, line));
            return null;
        }

        var text = string.Join(' ', (el.Element("Text")?.Value ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var parseText = el.Element("Parse")?.Value ?? "";
        var reader = new ConlluReader(new StringReader(parseText.Trim('\n', '\r') + "\n\n"), $"{path}:{id}");
        var parse = reader.ReadAll().ToList();
        if (parse.Count == 0 || reader.Diagnostics.Count > 0)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "bad-record", $"record {id} has no readable <Parse>", path, line));
            return null;
        }

        // the parse has no "# text" comment: rebuild the sentence text from the record's own text
        if (parse.Count == 1 && parse[0].Text is null)
            parse[0].Comments.Add("text = " + text);

        var expected = new List<ExpectedEvent>();
        var noEvents = false;
        string? error = null;
        foreach (var coding in el.Elements("EventCoding"))
        {
            if ((string?)coding.Attribute("error") is { } e)
            {
                error = e;
            }
            else if ((string?)coding.Attribute("noevents") is { } ne && ne.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                noEvents = true;
            }
            else if ((string?)coding.Attribute("eventcode") is { } code)
            {
                expected.Add(new ExpectedEvent(code, (string?)coding.Attribute("sourcecode") ?? "", (string?)coding.Attribute("targetcode") ?? ""));
            }
        }

        return new PetrarchRecord(id, (string?)el.Attribute("source") ?? "", date, text, parse, expected,
            noEvents || error is not null, error, config, line);
    }
}
