using System.CommandLine;

namespace NokoBot.Cli;

/// <summary>Options shared by several commands, with their validation.</summary>
internal static class CliOptions
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static Option<int> Year(bool required, string description)
    {
        var option = new Option<int>("--year", "-y") { Description = description, Required = required };
        option.Validators.Add(r =>
        {
            // Validators run even when conversion failed, so read the token rather than the value.
            if (r.Tokens.Count == 0) return;
            var token = r.Tokens[^1].Value;
            if (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
                || year < MinYear || year > MaxYear)
                r.AddError($"--year must be a year between {MinYear} and {MaxYear}, got '{token}'.");
        });
        return option;
    }

    public static Option<string> Council(bool required = true) =>
        new("--council", "-c") { Description = "The council's slug (see 'nokobot council list')", Required = required };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table" };
}
