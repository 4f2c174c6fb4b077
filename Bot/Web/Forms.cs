using System.Globalization;

namespace NokoBot.Web;

/// <summary>The pieces every form shares: the anti-forgery field, a date input, reading a posted date.</summary>
public static class Forms
{
    public static void Token(WebHtml html, (string Name, string Value) antiforgery)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Open("input", ("type", "hidden"), ("name", antiforgery.Name), ("value", antiforgery.Value));
    }

    /// <summary>A date field: the browser's date picker, and a typed «ДД.ММ.ГГГГ» where it has none.</summary>
    public static void DateInput(WebHtml html, string name, string label, DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Raw("<label>").Text(label)
            .Open("input", ("type", "date"), ("name", name), ("required", "required"), ("value", value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Raw("</label>");
    }

    /// <summary>«2020-03-16» (a date picker) or «16.03.2020» (typed).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A posted text: trimmed, null when empty.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
