using System.Security.Cryptography;

namespace NokoBot.Web;

/// <summary>The pages' one stylesheet, embedded in the binary (no CDN), with a hash in its address so it caches for good.</summary>
public static class Assets
{
    private static readonly Lazy<(byte[] Bytes, string Hash)> Stylesheet = new(() =>
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream("NokoBot.Web.Assets.site.css")
            ?? throw new InvalidOperationException("The embedded stylesheet is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12]);
    });

    public static string StylesheetPath => "/assets/site." + Stylesheet.Value.Hash + ".css";

    public static byte[] StylesheetBytes => Stylesheet.Value.Bytes;
}
