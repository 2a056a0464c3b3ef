using Microsoft.Playwright;

namespace CreditKaizhou.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser downloads are never used: where
/// <c>/usr/bin/chromium</c> is absent the browser tests are skipped with the reason.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The window the page is made for: a service-hall counter's 1280×800 screen.</summary>
    public static readonly ViewportSize Viewport = new() { Width = 1280, Height = 800 };

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            Assert.Ignore($"Chromium not installed: {ExecutablePath} is absent (apt-get install chromium to run the browser tests)");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            // --no-sandbox: the tests run as root, where Chromium's own sandbox refuses to start.
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox"],
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}

/// <summary>
/// Screenshots of each step, numbered in the order taken, under the test's output folder
/// (<c>TestResults/browser/{test}/</c>) and attached to the test's result.
/// </summary>
public sealed class Screenshots(IPage page)
{
    private readonly string _folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "TestResults", "browser",
        TestContext.CurrentContext.Test.Name);

    private int _count;

    public async Task TakeAsync(string name, string description)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, $"{++_count:00}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        TestContext.AddTestAttachment(path, description);
    }
}
