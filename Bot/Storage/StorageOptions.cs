using Microsoft.Extensions.Options;

namespace NokoBot.Storage;

/// <summary>Where the data lives: one SQLite file (the default), or a PostgreSQL database several instances share.</summary>
public enum StorageProvider { Sqlite, Postgres }

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The SQLite file; relative paths are taken from the working directory.</summary>
    public string Path { get; set; } = "data/nokobot.db";

    /// <summary>PostgreSQL's connection string (Npgsql's keywords); a secret, so set from the environment only.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary>Names every bad setting by the environment variable that sets it.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) => options.Provider switch
    {
        StorageProvider.Sqlite when string.IsNullOrWhiteSpace(options.Path) =>
            ValidateOptionsResult.Fail("Storage__Path (Storage:Path) must name the SQLite file, e.g. data/nokobot.db."),
        StorageProvider.Postgres when string.IsNullOrWhiteSpace(options.ConnectionString) =>
            ValidateOptionsResult.Fail(
                "Storage__ConnectionString (Storage:ConnectionString) must be set with Storage__Provider=Postgres, e.g. Host=db;Database=nokobot;Username=nokobot;Password=…"),
        StorageProvider.Sqlite or StorageProvider.Postgres => ValidateOptionsResult.Success,
        _ => ValidateOptionsResult.Fail("Storage__Provider (Storage:Provider) must be Sqlite or Postgres."),
    };
}
