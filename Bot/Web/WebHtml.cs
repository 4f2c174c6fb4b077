using System.Text;

namespace NokoBot.Web;

/// <summary>
/// The one place the pages' HTML is made. Markup is written as it stands (<see cref="Raw"/>: our own tags, never a
/// value); every word from Texts and every value from a plan or a person goes through <see cref="Text"/> or an
/// attribute, escaped here.
/// </summary>
public sealed class WebHtml
{
    private readonly StringBuilder _html = new(8 * 1024);

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    /// <summary>Markup of our own: tags and attribute names, no value from outside.</summary>
    public WebHtml Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public WebHtml Text(string text)
    {
        _html.Append(Escape(text));
        return this;
    }

    /// <summary><c>&lt;tag a="v"&gt;</c> with the values escaped; a null value leaves the attribute out.</summary>
    public WebHtml Open(string tag, params (string Name, string? Value)[] attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            _html.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        }
        _html.Append('>');
        return this;
    }

    public WebHtml Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding text: <c>&lt;tag …&gt;text&lt;/tag&gt;</c>.</summary>
    public WebHtml Element(string tag, string text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public WebHtml Link(string href, string text, string? cssClass = null) => Element("a", text, ("href", href), ("class", cssClass));

    public override string ToString() => _html.ToString();
}
