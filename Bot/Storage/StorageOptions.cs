using Microsoft.Extensions.Options;

namespace NokoBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "data/nokobot.db";
}

/// <summary>Names every bad setting by the environment variable that sets it.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        string.IsNullOrWhiteSpace(options.Path)
            ? ValidateOptionsResult.Fail("Storage__Path (Storage:Path) must name the SQLite file, e.g. data/nokobot.db.")
            : ValidateOptionsResult.Success;
}
