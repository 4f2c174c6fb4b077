using Microsoft.Playwright;
using NokoBot.Tests.Support;

namespace NokoBot.Tests.Web;

/// <summary>
/// The README's pictures of the pages, taken by the browser tests when <c>NOKOBOT_SCREENSHOTS=1</c> (written to
/// <c>docs/</c>; an ordinary run leaves the committed ones alone).
/// </summary>
internal static class Screenshots
{
    public static async Task TakeAsync(IPage page, string fileName)
    {
        if (Environment.GetEnvironmentVariable("NOKOBOT_SCREENSHOTS") != "1") return;
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Root, "docs", fileName), FullPage = false });
    }
}
