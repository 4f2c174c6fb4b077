using System.Text.Encodings.Web;
using System.Text.Json;

namespace NokoBot.Cli;

internal static class CliJson
{
    /// <summary>One line, Cyrillic printed as is (the output is for tools and people, not for HTML).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };
}
