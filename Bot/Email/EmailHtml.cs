using System.Globalization;
using System.Text;

namespace NokoBot.Email;

/// <summary>
/// Small HTML pieces that render alike in common mail clients: tables for layout, inline styles only, no
/// external resources. Every value passed in is plain text and gets escaped here.
/// </summary>
internal static class EmailHtml
{
    private const string Font = "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#222222;";
    private const string Cell = "padding:4px 8px;border:1px solid #cccccc;vertical-align:top;text-align:left;";

    /// <summary>Escapes the five HTML-special characters only (WebUtility would also turn «» into numeric entities).</summary>
    public static string E(string? text) =>
        (text ?? "").Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);

    public static string Document(string title, string body, string footer, string unsubscribe) => $"""
        <!DOCTYPE html>
        <html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{E(title)}</title></head>
        <body style="margin:0;padding:0;background:#f4f4f4;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f4;"><tr><td style="padding:16px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #dddddd;">
        <tr><td style="padding:16px 20px;{Font}">
        {body}
        </td></tr>
        <tr><td style="padding:12px 20px;border-top:1px solid #dddddd;font-family:Arial,Helvetica,sans-serif;font-size:12px;color:#666666;">{E(footer)}<br>{E(unsubscribe)}</td></tr>
        </table>
        </td></tr></table>
        </body></html>
        """;

    public static string Heading(string text, int level = 2) =>
        $"<h{level} style=\"margin:16px 0 8px 0;font-family:Arial,Helvetica,sans-serif;font-size:{(level == 1 ? 20 : 16)}px;color:#1a3d6d;\">{E(text)}</h{level}>";

    public static string Paragraph(string text) => $"<p style=\"margin:0 0 10px 0;{Font}\">{E(text)}</p>";

    /// <summary>A two-column label/value table.</summary>
    public static string Facts(IEnumerable<(string Label, string Value)> rows)
    {
        var sb = new StringBuilder("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;margin:0 0 12px 0;\">");
        foreach (var (label, value) in rows)
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:2px 12px 2px 0;vertical-align:top;color:#666666;{Font}\">{E(label)}</td><td style=\"padding:2px 0;vertical-align:top;{Font}\">{E(value)}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    public static string Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder("<table cellpadding=\"0\" cellspacing=\"0\" width=\"100%\" style=\"border-collapse:collapse;margin:0 0 12px 0;\"><tr>");
        foreach (var h in headers) sb.Append(CultureInfo.InvariantCulture, $"<th style=\"{Cell}background:#eef2f7;{Font}font-weight:bold;\">{E(h)}</th>");
        sb.Append("</tr>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append(CultureInfo.InvariantCulture, $"<td style=\"{Cell}{Font}\">{E(cell)}</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</table>").ToString();
    }

    public static string List(IEnumerable<string> lines) =>
        $"<ul style=\"margin:0 0 12px 0;padding-left:20px;{Font}\">{string.Concat(lines.Select(l => $"<li>{E(l)}</li>"))}</ul>";

    /// <summary>Commands to send, each with what it does.</summary>
    public static string CommandList(IEnumerable<(string Command, string Meaning)> commands) =>
        "<ul style=\"margin:0 0 12px 0;padding-left:20px;\">"
        + string.Concat(commands.Select(c => $"<li style=\"font-family:Arial,Helvetica,sans-serif;font-size:14px;\">{Code(c.Command)} — {E(c.Meaning)}</li>"))
        + "</ul>";

    public static string Code(string text) =>
        $"<code style=\"font-family:Consolas,Menlo,monospace;background:#f0f0f0;padding:1px 4px;\">{E(text)}</code>";
}
