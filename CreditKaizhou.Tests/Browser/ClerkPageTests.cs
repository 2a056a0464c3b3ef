using System.Text.RegularExpressions;
using CreditKaizhou.Tests.Api;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CreditKaizhou.Tests.Browser;

/// <summary>
/// The clerk's page in a real browser against the real service on a loopback port, in Development
/// (demo seed, demo keys).
/// </summary>
[TestFixture, Category("Browser")]
[NonParallelizable]
public sealed partial class ClerkPageTests
{
    private const string ClerkKey = "dev-clerk";
    private const string BlackListed = "重庆市开州区鑫垣建设工程有限公司";

    private ApiFactory? _api;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;
    private readonly List<string> _policyViolations = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_playwright, _browser) = await Chromium.LaunchAsync();
        _api = await ApiFactory.StartOnLoopbackAsync();
        SetDefaultExpectTimeout(10_000);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [SetUp]
    public async Task OpenContextAsync()
    {
        _policyViolations.Clear();
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Chromium.Viewport, Locale = "zh-CN" });
    }

    [TearDown]
    public async Task CloseContextAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    [Test]
    public async Task Clerk_FindsBlackListedSubjectAndIssuesReport_SeesNumberAndQrCode()
    {
        var page = await OpenPageAsync();
        var shots = new Screenshots(page);

        await page.GetByLabel("窗口密钥").FillAsync(ClerkKey);
        await page.GetByLabel("窗口密钥").PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Searchbox)).ToBeVisibleAsync();
        await Expect(page.Locator("#clerk-name")).Not.ToBeEmptyAsync();
        await shots.TakeAsync("signed-in", "Signed in with the clerk key: the search box, the clerk's name, 退出登录");

        var search = page.GetByRole(AriaRole.Searchbox);
        var results = page.Locator("#search-results button.result");
        await search.PressSequentiallyAsync("开州", new LocatorPressSequentiallyOptions { Delay = 80 });
        await Expect(page.Locator("#search-status")).ToContainTextAsync("找到");
        await Expect(results.Locator(".badge-black").First).ToHaveTextAsync("黑名单");
        Assert.That(await results.CountAsync(), Is.GreaterThan(1), "开州 matches many demo subjects");
        await shots.TakeAsync("search-results", "Results for 开州 as typed: match kind, status, black and red badges");

        // The clerk narrows the search by typing on, as at the counter.
        await search.PressSequentiallyAsync("区鑫垣", new LocatorPressSequentiallyOptions { Delay = 80 });
        var result = results.Filter(new LocatorFilterOptions { HasText = BlackListed });
        await Expect(results).ToHaveCountAsync(1);
        await Expect(result.Locator(".badge-black")).ToHaveTextAsync("黑名单");
        await shots.TakeAsync("search-narrowed", "开州区鑫垣 typed on: the one subject, with its 黑名单 badge");

        await result.ClickAsync();
        var banner = page.Locator(".banner-black");
        await Expect(banner).ToBeVisibleAsync();
        await Expect(banner.Locator(".banner-title")).ToHaveTextAsync("列入黑名单");
        await Expect(banner).ToContainTextAsync("失信被执行人");
        await Expect(page.Locator(".subject-name")).ToHaveTextAsync(BlackListed);
        await Expect(page.Locator(".record-group").First).ToBeVisibleAsync();
        await shots.TakeAsync("black-list-profile", "The profile: the red 列入黑名单 banner, identity, lists and measures");

        await page.Locator(".report-block").ScrollIntoViewIfNeededAsync();
        await page.GetByLabel("查询用途").FillAsync("招标投标");
        await page.GetByLabel("申请人姓名").FillAsync("张明");
        await page.GetByLabel("已取得信用主体的书面授权", new PageGetByLabelOptions { Exact = false }).CheckAsync();
        await shots.TakeAsync("report-form", "The 出具信用报告 form filled in: purpose, requester, authorisation");

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "出具信用报告", Exact = true }).ClickAsync();
        var dialog = page.Locator("#report-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        var report = page.FrameLocator("#report-frame");
        await Expect(report.Locator("#report-number")).ToHaveTextAsync(ReportNumber());
        await Expect(report.Locator("#report-qr")).ToBeVisibleAsync();
        await Expect(page.Locator("#issued-report-number")).ToHaveTextAsync(ReportNumber());
        await shots.TakeAsync("printable-report", "The printable report with its number (KZXY-…) and QR code, and the 打印 button");

        // 打印 prints the report's own frame, not the clerk's page (the print dialog itself is stubbed out).
        await page.EvaluateAsync("() => { document.getElementById('report-frame').contentWindow.print = () => { window.reportPrinted = true; }; }");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "打印" }).ClickAsync();
        Assert.That(await page.EvaluateAsync<bool>("() => window.reportPrinted === true"), Is.True, "打印 prints the report frame");

        await AssertKeyKeptOnlyInSessionStorageAsync(page);
        Assert.That(_policyViolations, Is.Empty, "the page works within its Content-Security-Policy");
    }

    [Test]
    public async Task WrongKey_ShowsClearMessageAndNoSearchBox()
    {
        var page = await OpenPageAsync();
        var shots = new Screenshots(page);

        await page.GetByLabel("窗口密钥").FillAsync("dev-not-a-key");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "登录" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert).Filter(new LocatorFilterOptions { HasText = "密钥" }))
            .ToHaveTextAsync("密钥无效或已被吊销，请核对后重新输入。");
        await Expect(page.GetByRole(AriaRole.Searchbox)).Not.ToBeVisibleAsync();
        await Expect(page.Locator("#workspace")).ToBeHiddenAsync();
        await shots.TakeAsync("wrong-key", "A wrong key: the message 密钥无效或已被吊销 and no search box");

        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('creditkaizhou.clerkKey')");
        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.Null, "a refused key is not kept");
            Assert.That(page.Url, Does.Not.Contain("dev-not-a-key"));
            Assert.That(_policyViolations, Is.Empty, "the page works within its Content-Security-Policy");
        });
    }

    [Test]
    public async Task SignedInClerk_StaysSignedInOnReloadAndSignOutForgetsTheKey()
    {
        var page = await OpenPageAsync();
        var shots = new Screenshots(page);
        await page.GetByLabel("窗口密钥").FillAsync(ClerkKey);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "登录" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox)).ToBeVisibleAsync();

        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox)).ToBeVisibleAsync();
        await AssertKeyKeptOnlyInSessionStorageAsync(page);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "退出登录" }).ClickAsync();
        await Expect(page.GetByLabel("窗口密钥")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Searchbox)).Not.ToBeVisibleAsync();
        await shots.TakeAsync("signed-out", "After 退出登录: the sign-in form again, the key forgotten");
        Assert.That(await page.EvaluateAsync<int>("() => sessionStorage.length"), Is.Zero, "signing out forgets the key");
    }

    private async Task<IPage> OpenPageAsync()
    {
        var page = await _context!.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _policyViolations.Add(message.Text);
            }
        };
        var response = await page.GotoAsync(_api!.Address.ToString());
        Assert.That(response?.Status, Is.EqualTo(200));
        await Expect(page).ToHaveTitleAsync(new Regex("信用开州"));
        return page;
    }

    private static async Task AssertKeyKeptOnlyInSessionStorageAsync(IPage page)
    {
        var cookie = await page.EvaluateAsync<string>("() => document.cookie");
        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('creditkaizhou.clerkKey')");
        var local = await page.EvaluateAsync<int>("() => localStorage.length");
        var cookies = await page.Context.CookiesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(page.Url, Does.Not.Contain(ClerkKey), "the key is never in the URL");
            Assert.That(cookie, Does.Not.Contain(ClerkKey), "the key is never in a cookie");
            Assert.That(cookies.Select(c => c.Value), Has.None.Contains(ClerkKey), "the key is never in a cookie");
            Assert.That(local, Is.Zero, "nothing is kept beyond the tab");
            Assert.That(stored, Is.EqualTo(ClerkKey), "the key lives in this tab's sessionStorage");
        });
    }

    [GeneratedRegex(@"^KZXY-\d{8}-\d{6}$")]
    private static partial Regex ReportNumber();
}
