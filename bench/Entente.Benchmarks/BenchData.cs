using System.IO.Compression;
using System.Text.Json;

namespace Entente.Benchmarks;

/// <summary>Real news text for benchmarks, read from ../shared/corpus (never copied into the repo).</summary>
internal static class BenchData
{
    public static string SharedDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "corpus")))
                    return candidate;
            }

            throw new DirectoryNotFoundException("../shared/corpus not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>en_ewt-ud-test as documents with its gold tokenization (and gold tags, until a tagger runs).</summary>
    public static List<Entente.Nlp.Documents.Document> EwtTestDocuments()
    {
        var gold = Entente.Nlp.Conllu.ConlluReader.ReadFile(Path.Combine(SharedDir, "data", "treebanks", "en_ewt-ud-test.conllu.gz"));
        var docs = new List<Entente.Nlp.Documents.Document>();
        foreach (var d in Entente.Nlp.Conllu.ConlluDocuments.GroupByDocument(gold))
            docs.Add(Entente.Nlp.Conllu.ConlluDocuments.ToDocument(d));
        return docs;
    }

    /// <summary>The texts of the current-events items of the given years.</summary>
    public static List<string> CurrentEvents(params int[] years)
    {
        var list = new List<string>();
        foreach (var y in years)
        {
            var path = Path.Combine(SharedDir, "corpus", "current-events", $"{y}.jsonl.gz");
            using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                using var doc = JsonDocument.Parse(line);
                list.Add(doc.RootElement.GetProperty("text").GetString()!);
            }
        }

        return list;
    }
}
