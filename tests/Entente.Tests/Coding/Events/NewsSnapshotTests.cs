using System.Globalization;
using Entente.Coding;
using Entente.Coding.Events;
using Entente.Coding.Events.Quotes;
using Entente.Nlp;

namespace Entente.Tests.Coding.Events;

/// <summary>
/// The hand-checked news sentences of Snapshots/news-sentences.txt: each case's events and quotes must be exactly
/// the ones listed (see the file's header for the format). The parses and actor mentions are given by hand, so
/// these pin the coder itself, whatever the models do.
/// </summary>
public sealed class NewsSnapshotTests
{
    private static string FixturePath => Path.Combine(TestPaths.Repo, "tests", "Entente.Tests", "Coding", "Events", "Snapshots", "news-sentences.txt");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in SnapshotCase.Read(FixturePath))
            data.Add(c.Name);
        return data;
    }

    [Fact]
    public void TheSetHasAtLeastThirtyCases() => Assert.True(SnapshotCase.Read(FixturePath).Count >= 30);

    [Theory]
    [MemberData(nameof(Cases))]
    public void CodesAsHandChecked(string name)
    {
        var c = SnapshotCase.Read(FixturePath).Single(x => x.Name == name);
        var doc = HandParsed.Document(c.Parse, c.Date, name);
        var coder = new EventCoder(CoderTestResources.Value);
        var trace = coder.Explain(doc);
        new QuoteFinder().Process(doc);

        var got = doc.Get<EventList>()!.Items.Select(Render)
            .Concat(doc.Get<QuoteList>()!.Items.Select(q => $"quote \"{q.Text}\" by {q.Speaker?.Code ?? (q.Speaker is null ? "none" : "-")}"))
            .Order(StringComparer.Ordinal).ToList();
        var expected = c.Expected.Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(got),
            $"{name}\nexpected:\n  {string.Join("\n  ", expected)}\ngot:\n  {string.Join("\n  ", got)}\nhow:\n{string.Join("\n", trace)}");
    }

    internal static string Render(CodedEvent e)
    {
        var parts = new List<string>
        {
            e.Source?.Code ?? "-",
            e.Target?.Code ?? "-",
            e.Cameo,
            e.Plover ?? "-",
            e.Modality.ToString().ToLowerInvariant(),
        };
        if (e.Negated)
            parts.Add("negated");
        if (e.DatePrecision != DatePrecision.Document && e.Date is { } d)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"date={d:yyyy-MM-dd}/{e.DatePrecision.ToString().ToLowerInvariant()}"));
        if (e.Location is { } place)
            parts.Add("place=" + place.Name);
        if (e.NumMentions > 1)
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"x{e.NumMentions}"));
        return string.Join(' ', parts);
    }

    private sealed record SnapshotCase(string Name, DateOnly Date, string Parse, List<string> Expected)
    {
        private static readonly Lazy<List<SnapshotCase>> Cache = new(() => ParseFile(FixturePath));

        public static List<SnapshotCase> Read(string path) => path == FixturePath ? Cache.Value : ParseFile(path);

        private static List<SnapshotCase> ParseFile(string path)
        {
            var cases = new List<SnapshotCase>();
            string? name = null;
            var date = new DateOnly(2025, 7, 16);
            var parse = new System.Text.StringBuilder();
            var expected = new List<string>();
            void Flush()
            {
                if (name is not null)
                    cases.Add(new SnapshotCase(name, date, parse.ToString(), [.. expected]));
                parse.Clear();
                expected.Clear();
                date = new DateOnly(2025, 7, 16);
            }

            foreach (var raw in File.ReadLines(path))
            {
                var line = raw.TrimEnd();
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    Flush();
                    name = line[3..].Trim();
                }
                else if (name is null)
                {
                    continue;
                }
                else if (line.StartsWith("# date = ", StringComparison.Ordinal))
                {
                    date = DateOnly.ParseExact(line[9..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("=> ", StringComparison.Ordinal))
                {
                    expected.Add(line[3..].Trim());
                }
                else if (!line.StartsWith('#'))
                {
                    parse.Append(line).Append('\n');
                }
            }

            Flush();
            return cases;
        }
    }
}
