using System.Text.Encodings.Web;
using System.Text.Json;
using Entente.Coding;
using Entente.Nlp.Documents;

namespace Entente.Cli.Output;

/// <summary>Writes documents, events, mentions and quotes in the JSON shapes of DESIGN.md (camelCase).</summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>The whole document: <c>{"id", "date", "sentences", "mentions", "events", "quotes"}</c>.</summary>
    public static void WriteDocument(Utf8JsonWriter w, Document doc)
    {
        w.WriteStartObject();
        w.WriteString("id", doc.Id);
        WriteDate(w, "date", doc.Date);
        w.WriteStartArray("sentences");
        foreach (var sent in doc.Sentences)
            WriteSentence(w, sent);
        w.WriteEndArray();

        w.WriteStartArray("mentions");
        foreach (var m in doc.Get<MentionList>()?.Items ?? [])
            WriteMention(w, m);
        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in doc.Get<EventList>()?.Items ?? [])
            WriteEvent(w, e);
        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in doc.Get<QuoteList>()?.Items ?? [])
            WriteQuote(w, q);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteSentence(Utf8JsonWriter w, Sentence sent)
    {
        var doc = sent.Document;
        w.WriteStartObject();
        w.WriteNumber("index", sent.Index);
        w.WriteNumber("start", sent.Start);
        w.WriteNumber("end", sent.End);
        w.WriteString("text", sent.Text);
        w.WriteStartArray("tokens");
        for (var i = 0; i < sent.TokenCount; i++)
        {
            var t = sent.FirstToken + i;
            w.WriteStartObject();
            w.WriteNumber("id", i + 1);
            w.WriteString("text", doc.TextOf(t));
            w.WriteNumber("start", doc.StartOf(t));
            w.WriteNumber("end", doc.EndOf(t));
            if (doc.UposOf(t) != Upos.None)
                w.WriteString("upos", doc.UposOf(t).ToString());
            if (doc.XposOf(t) != 0)
                w.WriteString("xpos", Labels.Xpos.Name(doc.XposOf(t)));
            if (doc.LemmaOf(t) is { } lemma)
                w.WriteString("lemma", lemma);
            var head = doc.HeadOf(t);
            if (head >= -1)
            {
                w.WriteNumber("head", head < 0 ? 0 : head - sent.FirstToken + 1);
                w.WriteString("deprel", Labels.Deprel.Name(doc.DeprelOf(t)));
            }

            var (iob, type) = doc.EntityOf(t);
            if (iob != Iob.O)
                w.WriteString("ent", $"{iob}-{type}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteActor(Utf8JsonWriter w, string name, ActorRef? a)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }

        RecordJson.WriteActor(w, name, a.Text, a.Code, a.Country, a.Sector);
    }

    public static void WriteMention(Utf8JsonWriter w, Mention m)
    {
        w.WriteStartObject();
        w.WriteNumber("sentence", m.Sentence);
        w.WriteString("text", m.Text);
        w.WriteNumber("start", m.Start);
        w.WriteNumber("end", m.End);
        w.WriteString("code", m.Code);
        w.WriteString("country", m.Country);
        w.WriteString("sector", m.Sector);
        w.WriteString("resolution", m.Resolution == Resolution.None ? null : m.Resolution.ToString().ToLowerInvariant());
        if (m.Antecedent >= 0)
            w.WriteNumber("antecedent", m.Antecedent);
        if (m.Members is { Count: > 0 } members)
        {
            w.WriteStartArray("members");
            foreach (var i in members)
                w.WriteNumberValue(i);
            w.WriteEndArray();
        }

        if (m.Codes is { Count: > 1 } codes)
        {
            w.WriteStartArray("codes");
            foreach (var c in codes)
                w.WriteStringValue(c);
            w.WriteEndArray();
        }

        if (m.IsPerson)
            w.WriteBoolean("person", true);
        if (m.Entry is not null)
            w.WriteString("entry", m.Entry);
        w.WriteEndObject();
    }

    public static void WriteEvent(Utf8JsonWriter w, CodedEvent e)
    {
        w.WriteStartObject();
        w.WriteString("doc", e.Doc);
        w.WriteNumber("sentence", e.Sentence);
        WriteDate(w, "date", e.Date);
        w.WriteString("datePrecision", e.DatePrecision.ToString().ToLowerInvariant());
        WriteActor(w, "source", e.Source);
        WriteActor(w, "target", e.Target);
        w.WriteString("cameo", e.Cameo);
        w.WriteString("root", e.Root);
        w.WriteString("plover", e.Plover);
        w.WriteString("mode", e.Mode);
        w.WriteStartArray("context");
        foreach (var c in e.Context)
            w.WriteStringValue(c);
        w.WriteEndArray();
        w.WriteNumber("goldstein", e.Goldstein);
        w.WriteNumber("quadClass", e.QuadClass);
        w.WriteStartObject("trigger");
        w.WriteString("text", e.Trigger.Text);
        w.WriteNumber("start", e.Trigger.Start);
        w.WriteNumber("end", e.Trigger.End);
        w.WriteEndObject();
        w.WriteBoolean("negated", e.Negated);
        w.WriteString("modality", e.Modality.ToString().ToLowerInvariant());
        RecordJson.WriteLocation(w, "location", e.Location?.Name, e.Location?.Country, e.Location?.Lat, e.Location?.Lon);

        w.WriteString("text", e.Text);
        w.WriteNumber("numMentions", e.NumMentions);
        w.WriteEndObject();
    }

    public static void WriteQuote(Utf8JsonWriter w, Quote q)
    {
        w.WriteStartObject();
        w.WriteString("doc", q.Doc);
        w.WriteNumber("sentence", q.Sentence);
        WriteActor(w, "speaker", q.Speaker);
        w.WriteString("text", q.Text);
        w.WriteNumber("start", q.Start);
        w.WriteNumber("end", q.End);
        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, string name, DateOnly? date)
    {
        if (date is { } d)
            w.WriteString(name, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else
            w.WriteNull(name);
    }
}
