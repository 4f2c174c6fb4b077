using Microsoft.Extensions.Options;

namespace NokoBot.Web;

/// <summary>Every problem at once, each named by the environment variable that fixes it.</summary>
public sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.ListenUrls.Count == 0)
            failures.Add("Web:Urls (env Web__Urls) must name where the pages listen, e.g. http://127.0.0.1:8080.");
        foreach (var url in options.ListenUrls.Where(u => !IsHttp(u.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal))))
            failures.Add($"Web:Urls (env Web__Urls) has '{url}', which is not an http:// or https:// URL.");
        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !IsHttp(options.PublicBaseUrl.Trim()))
            failures.Add($"Web:PublicBaseUrl (env Web__PublicBaseUrl) must be an http:// or https:// URL, got '{options.PublicBaseUrl}'.");
        if (options.SignInPermitsPerMinute is < 1 or > 10_000)
            failures.Add($"Web:SignInPermitsPerMinute (env Web__SignInPermitsPerMinute) must be 1-10000, got {options.SignInPermitsPerMinute}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttp(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
