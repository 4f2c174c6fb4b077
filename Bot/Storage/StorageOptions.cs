using System.ComponentModel.DataAnnotations;

namespace NokoBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    [Required(ErrorMessage = "Storage:Path (env Storage__Path) is required.")]
    public string Path { get; set; } = "data/nokobot.db";
}
