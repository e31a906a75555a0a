using System.Globalization;
using System.Text.Json;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;

namespace Entente.Coding.Actors;

/// <summary>
/// Scores actor resolution and coreference on a hand-checked set: JSON lines
/// <c>{"id", "date", "text", "checks": [{"mention", "refers", "code", "members", "kind", "none"}]}</c>.
/// A check passes when the first mention whose text is <c>mention</c> exists and: its code is <c>code</c> (when
/// given); one mention on its antecedent chain has the text <c>refers</c> (when given); its members have the
/// texts <c>members</c> (when given); or, with <c>none</c>, no such mention exists or it resolved to nothing.
/// </summary>
public static class CorefEvaluation
{
    public sealed record Check(string Mention, string? Refers, string? Code, IReadOnlyList<string>? Members, string Kind, bool None);

    public sealed record Item(string Id, DateOnly? Date, string Text, IReadOnlyList<Check> Checks);

    public sealed record Failure(string Id, Check Check, string Found);

    public sealed record Result(int Passed, int Total, IReadOnlyDictionary<string, (int Passed, int Total)> ByKind, IReadOnlyList<Failure> Failures)
    {
        public double Accuracy => Total == 0 ? 0 : (double)Passed / Total;
    }

    /// <summary>Reads the set; a malformed line is a diagnostic and is skipped.</summary>
    public static List<Item> Read(string path, List<Diagnostic> diagnostics)
    {
        var items = new List<Item>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var checks = new List<Check>();
                foreach (var c in root.GetProperty("checks").EnumerateArray())
                {
                    List<string>? members = null;
                    if (c.TryGetProperty("members", out var ms) && ms.ValueKind == JsonValueKind.Array)
                        members = ms.EnumerateArray().Select(m => m.GetString() ?? "").ToList();
                    checks.Add(new Check(
                        c.GetProperty("mention").GetString() ?? "",
                        c.TryGetProperty("refers", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null,
                        c.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null,
                        members,
                        c.TryGetProperty("kind", out var k) ? k.GetString() ?? "other" : "other",
                        c.TryGetProperty("none", out var n) && n.ValueKind == JsonValueKind.True));
                }

                DateOnly? date = root.TryGetProperty("date", out var d) && d.GetString() is { } ds
                    ? DateOnly.ParseExact(ds, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : null;
                items.Add(new Item(root.GetProperty("id").GetString() ?? $"line{number}", date, root.GetProperty("text").GetString() ?? "", checks));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                diagnostics.Add(new Diagnostic(Severity.Error, "bad-coref-item", $"cannot read item: {e.Message}", path, number));
            }
        }

        return items;
    }

    /// <summary>Runs <paramref name="pipeline"/> (which must end with the actor resolver) on every item and scores the checks.</summary>
    public static Result Evaluate(IReadOnlyList<Item> items, IPipelineStage pipeline)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(pipeline);
        var passed = 0;
        var total = 0;
        var byKind = new SortedDictionary<string, (int Passed, int Total)>(StringComparer.Ordinal);
        var failures = new List<Failure>();
        foreach (var item in items)
        {
            var doc = new Document(item.Text, item.Id, item.Date);
            pipeline.Process(doc);
            var mentions = doc.Get<MentionList>()?.Items ?? [];
            foreach (var check in item.Checks)
            {
                var ok = Passes(check, mentions, out var found);
                total++;
                var k = byKind.TryGetValue(check.Kind, out var v) ? v : (0, 0);
                byKind[check.Kind] = (k.Item1 + (ok ? 1 : 0), k.Item2 + 1);
                if (ok)
                    passed++;
                else
                    failures.Add(new Failure(item.Id, check, found));
            }
        }

        return new Result(passed, total, byKind, failures);
    }

    private static bool Passes(Check check, List<Mention> mentions, out string found)
    {
        var m = mentions.FirstOrDefault(x => x.Text == check.Mention);
        if (m is null)
        {
            found = "no such mention; mentions: " + string.Join(" | ", mentions.Select(x => x.Text));
            return check.None;
        }

        var chain = new List<string>();
        for (var a = m.Antecedent; a >= 0 && a < mentions.Count && chain.Count < mentions.Count; a = mentions[a].Antecedent)
            chain.Add(mentions[a].Text);
        var members = m.Members?.Select(i => mentions[i].Text).ToList();
        found = $"code={m.Code ?? "null"} antecedents=[{string.Join(" <- ", chain)}]" + (members is null ? "" : $" members=[{string.Join(", ", members)}]");
        if (check.None)
            return m.Code is null && m.Members is null;
        if (check.Code is not null && m.Code != check.Code)
            return false;
        if (check.Refers is not null && !chain.Contains(check.Refers))
            return false;
        if (check.Members is not null && (members is null || !members.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(check.Members.OrderBy(x => x, StringComparer.Ordinal))))
            return false;
        return true;
    }
}
