using System.Text;
using MimeKit.Text;

namespace NokoBot.Inbox;

/// <summary>
/// An HTML-only letter as the text its reader sees: blocks and &lt;br&gt; as line breaks, scripts and styles dropped,
/// and a &lt;blockquote&gt;'s lines marked «&gt; » so they are read as the quote they are.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.TR, HtmlTagId.LI, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4,
        HtmlTagId.Table, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.Pre, HtmlTagId.HR,
    ];

    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder();
        var line = new StringBuilder();
        var quoteDepth = 0;
        var skipping = 0;
        void EndLine()
        {
            var content = line.ToString().Trim();
            line.Clear();
            if (content.Length == 0 && text.Length > 0 && text[^1] == '\n' && (text.Length < 2 || text[^2] == '\n')) return;
            text.Append(string.Concat(Enumerable.Repeat("> ", quoteDepth))).Append(content).Append('\n');
        }
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data when skipping == 0:
                    line.Append(string.Join(' ', data.Data.Split((char[])['\r', '\n', '\t'], StringSplitOptions.None)));
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    skipping = Math.Max(0, skipping + (tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1));
                    break;
                case HtmlTagToken tag when tag.Id == HtmlTagId.BlockQuote:
                    EndLine();
                    quoteDepth = Math.Max(0, quoteDepth + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagToken tag when tag.Id == HtmlTagId.Br || Blocks.Contains(tag.Id):
                    if (tag.Id == HtmlTagId.Br || line.Length > 0) EndLine();
                    break;
            }
        }
        EndLine();
        return text.ToString().TrimEnd('\n');
    }
}
