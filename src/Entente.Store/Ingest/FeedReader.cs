using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Entente.Nlp;
using Entente.Nlp.Documents;

namespace Entente.Store.Ingest;

/// <summary>
/// Reads RSS (0.9x, 1.0, 2.0) and Atom feeds as a stream of documents, one per item, with the item's link,
/// title, date and cleaned HTML body. A broken item is reported and skipped; XML that stops being well formed
/// ends the feed with a diagnostic after the items read so far.
/// </summary>
internal static class FeedReader
{
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace DcNs = "http://purl.org/dc/elements/1.1/";

    /// <summary>Whether the first bytes look like a feed (an rss, RDF or Atom feed root).</summary>
    public static bool LooksLikeFeed(ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head[..Math.Min(head.Length, 2048)]);
        return text.Contains("<rss", StringComparison.OrdinalIgnoreCase) || text.Contains("<rdf:RDF", StringComparison.Ordinal) ||
               (text.Contains("<feed", StringComparison.Ordinal) && text.Contains("Atom", StringComparison.OrdinalIgnoreCase));
    }

    public static IEnumerable<InputItem> Read(Stream stream, string source, string idPrefix, DateOnly? defaultDate)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        var cursor = new Cursor(reader);
        string? feedTitle = null;
        var index = 0;
        var sawRoot = false;
        var line = 0;
        while (true)
        {
            XElement? element = null;
            Diagnostic? fatal = null;
            try
            {
                element = cursor.NextItem(ref feedTitle, ref sawRoot);
                line = cursor.ItemLine;
            }
            catch (XmlException e)
            {
                fatal = new Diagnostic(Severity.Error, "bad-feed",
                    $"the feed is not well-formed XML ({e.Message}); items after this point are lost", source, e.LineNumber, e.LinePosition);
            }

            if (fatal is not null)
            {
                yield return new InputItem(null, fatal);
                yield break;
            }

            if (element is null)
            {
                if (!sawRoot)
                    yield return new InputItem(null, new Diagnostic(Severity.Error, "not-a-feed", "the file is XML but not an RSS or Atom feed; skipped", source));
                else if (index == 0)
                    yield return new InputItem(null, new Diagnostic(Severity.Warning, "empty-feed", "the feed has no items", source));
                yield break;
            }

            index++;
            yield return ToItem(element, line, source, idPrefix, index, feedTitle, defaultDate);
        }
    }

    private static InputItem ToItem(XElement item, int line, string source, string idPrefix, int index, string? feedTitle, DateOnly? defaultDate)
    {
        var atom = item.Name.LocalName == "entry";
        var title = Child(item, "title")?.Value.Trim();
        string? link;
        string? id;
        string? dateText;
        string body;
        if (atom)
        {
            var links = item.Elements().Where(e => e.Name.LocalName == "link").ToList();
            link = (links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate") ?? links.FirstOrDefault())?.Attribute("href")?.Value;
            id = Child(item, "id")?.Value.Trim();
            dateText = (Child(item, "published") ?? Child(item, "updated"))?.Value;
            body = AtomText(Child(item, "content") ?? Child(item, "summary"));
        }
        else
        {
            link = Child(item, "link")?.Value.Trim();
            id = Child(item, "guid")?.Value.Trim();
            dateText = (Child(item, "pubDate") ?? item.Element(DcNs + "date"))?.Value;
            var html = item.Element(ContentNs + "encoded")?.Value ?? Child(item, "description")?.Value ?? "";
            body = HtmlText.Fragment(html);
        }

        var text = body.Length > 0 ? body : title ?? "";
        if (string.IsNullOrWhiteSpace(text))
            return new InputItem(null, new Diagnostic(Severity.Error, "empty-item", $"feed item {index} has no title and no text; skipped", source, line));

        Diagnostic? warning = null;
        var date = defaultDate;
        if (!string.IsNullOrWhiteSpace(dateText))
        {
            if (TryParseFeedDate(dateText, out var d))
                date = d;
            else
                warning = new Diagnostic(Severity.Warning, "bad-date", $"feed item {index} has an unreadable date '{dateText.Trim()}'; stored without it", source, line);
        }

        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(link))
            meta["url"] = link;
        if (!string.IsNullOrEmpty(title))
            meta["title"] = title;
        if (!string.IsNullOrEmpty(feedTitle))
            meta["source"] = feedTitle;
        var docId = !string.IsNullOrEmpty(id) ? id : !string.IsNullOrEmpty(link) ? link : $"{idPrefix}#{index}";
        return new InputItem(new DocumentInput(docId, text, date, meta, source, line), warning);
    }

    private static XElement? Child(XElement e, string localName)
    {
        foreach (var c in e.Elements())
        {
            if (c.Name.LocalName == localName)
                return c;
        }

        return null;
    }

    private static string AtomText(XElement? content)
    {
        if (content is null)
            return "";
        var type = (string?)content.Attribute("type");
        if (type == "xhtml")
            return HtmlText.Fragment(string.Concat(content.Nodes().Select(n => n.ToString())));
        return type is "html" or "text/html" ? HtmlText.Fragment(content.Value) : HtmlText.Tidy(content.Value);
    }

    /// <summary>RFC 822 dates as feeds write them ("Wed, 03 Aug 2022 19:49:23 +0000", "... EDT"), or ISO 8601.</summary>
    internal static bool TryParseFeedDate(string text, out DateOnly date)
    {
        text = text.Trim();
        if (DocumentReader.TryParseDate(text, out date))
            return true;
        // Zone abbreviations other than GMT/UT are not understood by .NET: the date is what we keep, so drop them.
        var lastSpace = text.LastIndexOf(' ');
        if (lastSpace > 0 && text[(lastSpace + 1)..].All(char.IsAsciiLetterUpper) &&
            DateTime.TryParse(text[..lastSpace], CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dt))
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>Walks the XML to the next item or entry, noting the feed's own title on the way.</summary>
    private sealed class Cursor(XmlReader reader)
    {
        private bool _onNode;

        /// <summary>The line the last item returned starts on.</summary>
        public int ItemLine { get; private set; }

        public XElement? NextItem(ref string? feedTitle, ref bool sawRoot)
        {
            while (_onNode ? !reader.EOF : reader.Read())
            {
                _onNode = false;
                if (reader.NodeType != XmlNodeType.Element)
                    continue;
                var name = reader.LocalName;
                if (reader.Depth == 0)
                {
                    sawRoot |= name is "rss" or "feed" or "RDF";
                    if (!sawRoot)
                        return null;
                    continue;
                }

                if (name is "item" or "entry")
                {
                    ItemLine = ((IXmlLineInfo)reader).LineNumber;
                    var element = (XElement)XNode.ReadFrom(reader);
                    _onNode = true;
                    return element;
                }

                if (name == "title" && feedTitle is null && reader.Depth <= 2)
                {
                    feedTitle = reader.ReadElementContentAsString().Trim();
                    _onNode = true;
                }
            }

            return null;
        }
    }
}
