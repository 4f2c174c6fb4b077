using NokoBot.Texts;
using static Telegram.Bot.Extensions.HtmlText;

namespace NokoBot.Telegram;

/// <summary>
/// The one place Telegram's HTML is made: every word from Texts — and every value from a plan or a person in it —
/// is escaped here, headings made bold, so a title with «&lt;b&gt;» shows literally.
/// </summary>
public static class TelegramHtml
{
    public static string Render(ChatText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join("\n", text.Lines.Select(l => l.Strong && l.Text.Length > 0 ? $"<b>{Escape(l.Text)}</b>" : Escape(l.Text)));
    }

    /// <summary>The text of a message as Telegram shows it (the message a button belongs to), escaped again for an edit.</summary>
    public static string Plain(string text) => Escape(text);

    /// <summary>A message's HTML as plain text (a toast shows no markup).</summary>
    public static string ToPlain(string html) => global::Telegram.Bot.Extensions.HtmlText.ToPlain(html);
}
