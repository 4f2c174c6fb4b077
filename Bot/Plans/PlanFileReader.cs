using System.Security.Cryptography;
using System.Text;
using NokoBot.Domain.Plans;
using NokoBot.Texts;

namespace NokoBot.Plans;

/// <summary>A plan file as read: what it says, and the fingerprint that tells a re-import of the same file read the same way.</summary>
public sealed record PlanFile(PlanImport Import, string Sha256, string FileName);

/// <summary>
/// Reads a plan file of any kind NokoBot accepts: a .docx (recognised by its ZIP signature, whatever its name) or
/// plain text in UTF-8 or Windows-1251. Anything else is refused with a message the secretary can act on.
/// </summary>
public static class PlanFileReader
{
    public const long MaxBytes = 20 * 1024 * 1024;

    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    static PlanFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <param name="columns">Where the secretary says the columns are (role → column counted from 1, 0 for none), or null to find them.</param>
    public static PlanFile Read(string path, int planYear, IReadOnlyCollection<string>? knownParties = null, IReadOnlyDictionary<PlanColumn, int>? columns = null)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new PlanFormatException(PlanTexts.FileNotFound(path));
        if (info.Length > MaxBytes) throw new PlanFormatException(PlanTexts.FileTooLarge(info.Name, MaxBytes, info.Length));
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanFormatException(PlanTexts.Unreadable(info.Name, e.Message));
        }
        return Read(content, info.Name, planYear, knownParties, columns);
    }

    public static PlanFile Read(
        byte[] content, string fileName, int planYear, IReadOnlyCollection<string>? knownParties = null, IReadOnlyDictionary<PlanColumn, int>? columns = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0) throw new PlanFormatException(PlanTexts.Empty(fileName));
        if (content.Length > MaxBytes) throw new PlanFormatException(PlanTexts.FileTooLarge(fileName, MaxBytes));
        var table = content.AsSpan().StartsWith(ZipSignature)
            ? DocxPlanTableReader.Read(new MemoryStream(content, writable: false))
            : PlainTextPlanReader.Read(Decode(content, fileName));
        var import = PlanTableInterpreter.Interpret(table, planYear, knownParties, columns);
        return new PlanFile(import, Fingerprint(content, columns), fileName);
    }

    /// <summary>
    /// The file's SHA-256, and with the secretary's columns the hash of both: the same file read with corrected
    /// columns is a changed plan, not a re-import that changes nothing.
    /// </summary>
    private static string Fingerprint(byte[] content, IReadOnlyDictionary<PlanColumn, int>? columns)
    {
        if (columns is not { Count: > 0 }) return Convert.ToHexStringLower(SHA256.HashData(content));
        var said = string.Join(',', columns.OrderBy(c => c.Key).Select(c => $"{PlanColumnNames.Of(c.Key)}={c.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData([.. content, .. Encoding.UTF8.GetBytes("\ncolumns:" + said)]));
    }

    /// <summary>Strict UTF-8 first (a BOM or not); text that is not valid UTF-8 is Windows-1251, Word's Russian default.</summary>
    private static string Decode(byte[] content, string fileName)
    {
        if (LooksBinary(content)) throw new PlanFormatException(PlanTexts.NotText(fileName));
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1251).GetString(content);
        }
    }

    /// <summary>NUL bytes or many control characters: not text (UTF-16 without BOM, an image, a .doc).</summary>
    private static bool LooksBinary(byte[] content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, 8192));
        if (sample.Contains((byte)0)) return true;
        var control = 0;
        foreach (var b in sample) if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C)) control++;
        return control * 20 > sample.Length;
    }
}
