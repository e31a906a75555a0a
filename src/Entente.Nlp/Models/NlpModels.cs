using Entente.Nlp.Entities;
using Entente.Nlp.Parsing;
using Entente.Nlp.Pipeline;
using Entente.Nlp.Tagging;

namespace Entente.Nlp.Models;

/// <summary>Where each trained model lives under data/, and loading them as pipeline stages.</summary>
public static class NlpModels
{
    public const string TaggerFolder = "models/tagger";
    public const string ParserFolder = "models/parser";
    public const string NerFolder = "models/ner";

    /// <exception cref="IOException">A model file is missing.</exception>
    /// <exception cref="InvalidDataException">A model file is damaged or of another version.</exception>
    public static Tagger LoadTagger(DataDirectory data) => Tagger.Load(data[TaggerFolder]);

    /// <inheritdoc cref="LoadTagger"/>
    public static DependencyParser LoadParser(DataDirectory data) => DependencyParser.Load(data[ParserFolder]);

    /// <inheritdoc cref="LoadTagger"/>
    public static EntityRecognizer LoadEntityRecognizer(DataDirectory data) => EntityRecognizer.Load(data[NerFolder]);

    /// <summary>The tagger and the parser, in order: everything that reads segmented text and writes tags, lemmas and trees.</summary>
    public static Pipeline.Pipeline LoadSyntax(DataDirectory data) => new(LoadTagger(data), LoadParser(data));
}
