using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Entente.Nlp.Conllu;
using Entente.Nlp.Documents;

namespace Entente.Coding.Actors;

/// <summary>
/// Actor recall on PETRARCH's unit-test records (<c>PETR.UnitTest.records.ud.xml</c>): for every expected
/// event's source and target code, whether some mention of the sentence resolves to exactly that code (or lists it
/// among <see cref="Mention.Codes"/>). Runs the resolver on the records' own UD parses, on each record's date.
/// It measures the actor half of coding, independent of the verb patterns. Codes that are not actor codes
/// ("---", "###", quoted free text) are not counted.
/// </summary>
public static class PetrarchActorEvaluation
{
    public sealed record Miss(string Id, string Role, string Expected, IReadOnlyList<string> Found);

    public sealed record Result(int Found, int Total, int Records, IReadOnlyList<Miss> Misses)
    {
        public double Recall => Total == 0 ? 0 : (double)Found / Total;
    }

    public static Result Evaluate(string recordsPath, ActorResolver resolver, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(diagnostics);
        XDocument xml;
        try
        {
            xml = XDocument.Load(recordsPath);
        }
        catch (XmlException e)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, "bad-records", $"not valid XML: {e.Message}", recordsPath, e.LineNumber));
            return new Result(0, 0, 0, []);
        }

        int found = 0, total = 0, records = 0;
        var misses = new List<Miss>();
        foreach (var s in xml.Descendants("Sentence"))
        {
            var id = s.Attribute("id")?.Value ?? "?";
            var parse = s.Element("Parse")?.Value;
            var dateText = s.Attribute("date")?.Value;
            if (parse is null || !DateOnly.TryParseExact(dateText, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, "record-skipped", $"record {id} has no parse or no valid date", recordsPath));
                continue;
            }

            var reader = new ConlluReader(new StringReader(parse.Trim() + "\n\n"), id);
            var sentences = reader.ReadAll().ToList();
            if (sentences.Count == 0)
                continue;
            var doc = ConlluDocuments.ToDocument(sentences, id, withAnnotations: true);
            doc.Date = date;
            resolver.Process(doc);
            records++;
            var codes = new List<string>();
            foreach (var m in doc.Get<MentionList>()?.Items ?? [])
            {
                if (m.Code is not null)
                    codes.Add(m.Code);
                if (m.Codes is not null)
                    codes.AddRange(m.Codes);
            }

            foreach (var ev in s.Elements("EventCoding"))
            {
                foreach (var role in new[] { "sourcecode", "targetcode" })
                {
                    var expected = ev.Attribute(role)?.Value;
                    if (string.IsNullOrEmpty(expected) || !IsActorCode(expected))
                        continue;
                    total++;
                    if (codes.Contains(expected))
                        found++;
                    else
                        misses.Add(new Miss(id, role, expected, codes));
                }
            }
        }

        return new Result(found, total, records, misses);
    }

    private static bool IsActorCode(string code)
    {
        foreach (var c in code)
        {
            if (c is < 'A' or > 'Z')
                return false;
        }

        return true;
    }
}
