using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Entente.Store.Ingest;

/// <summary>What a web page says, without its navigation, scripts and footers.</summary>
internal sealed record HtmlArticle(string Text, string? Title, string? Url, string? SiteName, DateOnly? Date);

/// <summary>
/// Boilerplate removal for pages (SmartReader, a port of Mozilla's Readability) and plain text for HTML
/// fragments such as feed item bodies (AngleSharp), keeping paragraph breaks so sentences stay apart.
/// </summary>
internal static class HtmlText
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The article of a whole page; null text when the page has none.</summary>
    public static HtmlArticle Article(string html, string? url)
    {
        var article = new SmartReader.Reader(url ?? "https://localhost/", html).GetArticle();
        var text = Tidy(article.TextContent ?? "");
        var page = Parser.ParseDocument(html);
        if (text.Length == 0)
            text = FragmentText(page.Body);
        var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href")
                        ?? page.QuerySelector("meta[property='og:url']")?.GetAttribute("content");
        var site = page.QuerySelector("meta[property='og:site_name']")?.GetAttribute("content");
        DateOnly? date = null;
        var published = page.QuerySelector("meta[property='article:published_time']")?.GetAttribute("content")
                        ?? page.QuerySelector("meta[name=date]")?.GetAttribute("content")
                        ?? page.QuerySelector("time[datetime]")?.GetAttribute("datetime");
        if (published is not null && Entente.Nlp.DocumentReader.TryParseDate(published, out var d))
            date = d;
        else if (article.PublicationDate is { } pd)
            date = DateOnly.FromDateTime(pd);
        var title = string.IsNullOrWhiteSpace(article.Title) ? page.Title : article.Title;
        return new HtmlArticle(text, string.IsNullOrWhiteSpace(title) ? null : title.Trim(), canonical, site, date);
    }

    /// <summary>Plain text of an HTML fragment: scripts and styles dropped, block elements on their own lines.</summary>
    public static string Fragment(string html)
    {
        if (html.IndexOf('<') < 0 && html.IndexOf('&') < 0)
            return Tidy(html);
        var doc = Parser.ParseDocument("<html><body>" + html + "</body></html>");
        return FragmentText(doc.Body);
    }

    private static string FragmentText(IElement? body)
    {
        if (body is null)
            return "";
        var sb = new StringBuilder();
        Walk(body, sb);
        return Tidy(sb.ToString());
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    sb.Append(t.Data);
                    break;
                case IElement e:
                    var name = e.LocalName;
                    if (name is "script" or "style" or "noscript" or "template" or "nav" or "iframe" or "svg" or "form")
                        break;
                    var block = IsBlock(name);
                    if (block)
                        sb.Append("\n\n");
                    else if (name == "br")
                        sb.Append('\n');
                    Walk(e, sb);
                    if (block)
                        sb.Append("\n\n");
                    break;
            }
        }
    }

    private static bool IsBlock(string name) => name is "p" or "div" or "section" or "article" or "header" or "footer" or "h1"
        or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "ul" or "ol" or "blockquote" or "pre" or "table" or "tr" or "figure"
        or "figcaption" or "aside" or "main" or "dl" or "dt" or "dd" or "hr";

    /// <summary>Collapses runs of spaces within lines and of blank lines between paragraphs.</summary>
    internal static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        var newlines = 0;
        var space = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                newlines++;
                space = false;
                continue;
            }

            if (c is ' ' or '\t' or '\r' or '\u00A0' or '\f')
            {
                space = true;
                continue;
            }

            if (sb.Length > 0)
            {
                if (newlines > 0)
                    sb.Append(newlines > 1 ? "\n\n" : "\n");
                else if (space)
                    sb.Append(' ');
            }

            newlines = 0;
            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}
