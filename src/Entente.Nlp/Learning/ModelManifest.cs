using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entente.Nlp.Learning;

/// <summary>
/// manifest.json beside a model: what it is, what it was trained on, under which licence, how well it
/// scored and how long training took, and the sha256 of each file so a changed file is noticed.
/// </summary>
public sealed class ModelManifest
{
    public string Name { get; set; } = "";
    public string Version { get; set; } = "";
    public string Description { get; set; } = "";
    public string Licence { get; set; } = "";
    public string Source { get; set; } = "";
    public List<string> TrainingData { get; set; } = [];
    public List<string> DevData { get; set; } = [];
    public string Command { get; set; } = "";
    public int Epochs { get; set; }
    public double TrainingSeconds { get; set; }
    public long TrainingPeakMemoryMb { get; set; }
    public string Machine { get; set; } = "";

    /// <summary>Scores by data set, then by metric ("en_ewt-ud-dev" -> "LAS" -> 84.1).</summary>
    public SortedDictionary<string, SortedDictionary<string, double>> Scores { get; set; } = [];

    /// <summary>sha256 (hex) of each file of the model, by file name.</summary>
    public SortedDictionary<string, string> Files { get; set; } = [];

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Sha256Of(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Options) + "\n");

    public static ModelManifest Load(string path) =>
        JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException("empty manifest " + path);
}
