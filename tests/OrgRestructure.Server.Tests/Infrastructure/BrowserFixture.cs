using Microsoft.Playwright;

namespace OrgRestructure.Server.Tests.Infrastructure;

/// <summary>
/// One headless Debian chromium for the browser tests (never a downloaded browser). Each test
/// opens its own contexts, so cookies never leak between people.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>A signed-in person's browser tab, saving a screenshot of every page it is asked to.</summary>
public sealed class Person : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private Person(IBrowserContext context, IPage page, string prefix)
    {
        _context = context;
        Page = page;
        Prefix = prefix;
    }

    public IPage Page { get; }

    public string Prefix { get; }

    public IBrowserContext Context => _context;

    public static async Task<Person> SignInAsync(IBrowser browser, ServerHost host, string userName, string prefix, bool tablet = false)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = host.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = tablet ? new ViewportSize { Width = 820, Height = 1180 } : new ViewportSize { Width = 1366, Height = 900 },
            Locale = "vi-VN",
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", ServerHost.Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(u => !u.Contains("/login", StringComparison.Ordinal));
        return new Person(context, page, prefix);
    }

    public async Task ShotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(RepoPaths.Screenshots, $"{Prefix}-{name}.png"), FullPage = true });

    /// <summary>
    /// Clicks <paramref name="button"/> and waits for the page it leads to. A refusal re-renders
    /// the form at the same address, so waiting for the address alone would only time out: the
    /// refusal's message (and a screenshot) make the failure say what the server said.
    /// </summary>
    public async Task SubmitAsync(string button, string expectedPathSuffix)
    {
        var before = Page.Url;
        // The form's own submission is a document request; the live rule check also POSTs (fetch)
        // when a field loses focus, and its 200 must not be taken for the form's answer.
        var answer = await Page.RunAndWaitForResponseAsync(() => Page.ClickAsync(button), r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        if (answer.Status is >= 300 and < 400)
        {
            try
            {
                // The page a clerk reads is there once its document is parsed; the load event also
                // waits for every subresource and was once seen not to fire within a minute on a loaded machine.
                await Page.WaitForURLAsync(u => new Uri(u).AbsolutePath.EndsWith(expectedPathSuffix, StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
            }
            catch (TimeoutException e)
            {
                await ShotAsync("stalled");
                throw new Xunit.Sdk.XunitException($"{button} on {before} redirected to {answer.Headers.GetValueOrDefault("location")}, but the page did not finish loading (now at {Page.Url}): {e.Message}");
            }

            return;
        }

        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await ShotAsync("refused");
        var error = Page.Locator(".flash.error");
        var message = await error.CountAsync() > 0 ? await error.First.InnerTextAsync() : "(no message on the page)";
        throw new Xunit.Sdk.XunitException($"{button} on {before} answered {answer.Status} instead of leading to {expectedPathSuffix}: {message}");
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
