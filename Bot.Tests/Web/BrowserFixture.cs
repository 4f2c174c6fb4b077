using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(NokoBot.Tests.Web.BrowserFixture))]

namespace NokoBot.Tests.Web;

/// <summary>
/// One headless Debian chromium for the whole test run (scripts/install-test-deps.sh installs it; Playwright never
/// downloads a browser here). Each test opens its own context — its own cookies — with JavaScript off: the pages
/// must work without it, so every browser test proves it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The browser starts on first use: a run that opens no page starts none.</summary>
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async Task<IBrowserContext> NewContextAsync()
    {
        if (_browser is null)
        {
            await _gate.WaitAsync();
            try
            {
                _playwright ??= await Playwright.CreateAsync();
                _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = Chromium,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
                });
            }
            finally
            {
                _gate.Release();
            }
        }
        return await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = false,
            Locale = "ru-RU",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _gate.Dispose();
    }
}
