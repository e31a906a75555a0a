using System.Text;
using Entente.Coding;
using Entente.Nlp.Documents;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Segmentation;
using Entente.Store;
using Entente.Store.DuckDb;

namespace Entente.Tests.Store;

/// <summary>A fresh directory under the system temp folder, deleted afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = Directory.CreateTempSubdirectory("entente-store-").FullName;
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var p = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllText(p, text, new UTF8Encoding(false));
        return p;
    }

    public string Write(string name, byte[] bytes)
    {
        var p = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!);
        System.IO.File.WriteAllBytes(p, bytes);
        return p;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Events, documents and a tiny rule-based coder, so store tests do not depend on the real models.</summary>
internal static class StoreData
{
    public static ActorRef Actor(string code, string? text = null) =>
        new(text ?? code, code, code.Length >= 3 && code[..3] is not ("IGO" or "NGO") ? code[..3] : null, code.Length > 3 ? code[3..] : null);

    public static CodedEvent Event(string doc, string? source, string cameo, string? target, DateOnly? date, int sentence = 0, int start = 0) => new()
    {
        Doc = doc,
        Sentence = sentence,
        Date = date,
        Source = source is null ? null : Actor(source),
        Target = target is null ? null : Actor(target),
        Cameo = cameo,
        Plover = cameo[..2] switch { "19" => "ASSAULT", "04" => "CONSULT", "16" => "SANCTION", "11" => "ACCUSE", "05" => "COOPERATE", _ => null },
        Goldstein = cameo[..2] switch { "19" => -10, "04" => 1, "16" => -8, "11" => -2, "05" => 3.5, _ => 0 },
        QuadClass = cameo[..2] switch { "19" => 4, "04" => 1, "16" => 4, "11" => 3, "05" => 2, _ => 1 },
        Trigger = new Trigger("did", start, start + 3),
        Text = $"{source} did {cameo} to {target}.",
    };

    public static StoredDocument Doc(string id, DateOnly? date, string? outlet, params CodedEvent[] events) =>
        new(id, "https://example.org/" + id, "Title " + id, outlet, date, "hash-" + id, 100, 1, "test:1", events, [], []);

    public static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A stand-in for the event coder in tests: "A verb B." where A and B are country names and the verb one of a
/// handful gives one event per sentence. Immutable and thread-safe like a real stage.
/// </summary>
internal sealed class TinyCoder : IPipelineStage
{
    private static readonly (string Name, string Code)[] Countries =
        [("China", "CHN"), ("Russia", "RUS"), ("Ukraine", "UKR"), ("France", "FRA"), ("Iran", "IRN"), ("Israel", "ISR"), ("United States", "USA")];

    private static readonly (string Verb, string Cameo, string Plover, double Goldstein, int Quad)[] Verbs =
    [
        ("attacked", "190", "ASSAULT", -10, 4), ("met", "040", "CONSULT", 1, 1), ("sanctioned", "163", "SANCTION", -8, 4),
        ("criticized", "111", "ACCUSE", -2, 3), ("aided", "070", "AID", 7, 2),
    ];

    public string Name => "tiny-coder";

    public void Process(Document document)
    {
        var events = new List<CodedEvent>();
        var mentions = new List<Mention>();
        foreach (var sentence in document.Sentences)
        {
            var text = document.Text.Substring(sentence.Start, sentence.End - sentence.Start);
            foreach (var (verb, cameo, plover, goldstein, quad) in Verbs)
            {
                var v = text.IndexOf(" " + verb + " ", StringComparison.Ordinal);
                if (v < 0)
                    continue;
                var source = Find(text, 0, v);
                var target = Find(text, v, text.Length);
                if (source is null || target is null)
                    continue;
                mentions.Add(new Mention(sentence.Index, 0, 0, source.Value.Name, sentence.Start, sentence.Start + source.Value.Name.Length,
                    source.Value.Code, source.Value.Code, null, Resolution.Dictionary));
                events.Add(new CodedEvent
                {
                    Doc = document.Id,
                    Sentence = sentence.Index,
                    Date = document.Date,
                    Source = new ActorRef(source.Value.Name, source.Value.Code, source.Value.Code, null),
                    Target = new ActorRef(target.Value.Name, target.Value.Code, target.Value.Code, null),
                    Cameo = cameo,
                    Plover = plover,
                    Goldstein = goldstein,
                    QuadClass = quad,
                    Trigger = new Trigger(verb, sentence.Start + v + 1, sentence.Start + v + 1 + verb.Length),
                    Text = text,
                });
            }
        }

        document.Set(new EventList(events));
        document.Set(new MentionList(mentions));
        document.Set(new QuoteList([]));
    }

    private static (string Name, string Code)? Find(string text, int from, int to)
    {
        foreach (var c in Countries)
        {
            var i = text.IndexOf(c.Name, from, StringComparison.Ordinal);
            if (i >= 0 && i < to)
                return c;
        }

        return null;
    }

    public static Pipeline Pipeline() => new(new Segmenter(), new TinyCoder());
}

internal static class StoreQueries
{
    public static long Count(DuckDbStore store, string sql) => store.Scalar<long>(sql);
}
