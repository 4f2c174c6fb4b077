using System.Security.Cryptography;

namespace NokoBot.Storage;

/// <summary>A stored protocol: where its copy is, its size and SHA-256.</summary>
public sealed record StoredFile(string Path, long Size, string Sha256);

/// <summary>
/// Protocol copies under the data folder, named by their SHA-256 (the same file twice is stored once), readable by
/// the owner only. Writing stops at the size limit whatever the source claimed.
/// </summary>
public sealed class ProtocolFiles(Database database)
{
    public string Folder => Path.Combine(database.DataFolder, "protocols");

    /// <returns>null when the content was larger than <paramref name="maxBytes"/> (nothing is kept).</returns>
    public async Task<StoredFile?> SaveAsync(Func<Stream, CancellationToken, Task> write, string extension, long maxBytes, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Folder);
        else Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var temp = Path.Combine(Folder, $".upload-{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            await using (var target = new FileStream(temp, options))
            await using (var limited = new LimitedStream(target, maxBytes))
                await write(limited, ct);
        }
        catch (InvalidDataException)
        {
            File.Delete(temp);
            return null;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        string sha;
        long size;
        await using (var read = File.OpenRead(temp))
        {
            size = read.Length;
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
        }
        var final = Path.Combine(Folder, sha + SafeExtension(extension));
        if (File.Exists(final)) File.Delete(temp);
        else File.Move(temp, final);
        return new StoredFile(final, size, sha);
    }

    private static string SafeExtension(string extension) =>
        extension.Length is > 1 and <= 6 && extension[0] == '.' && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : ".bin";
}
