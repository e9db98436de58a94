// Licensed under the MIT License. See LICENSE in the repository root.

using OpenQA.Selenium.Chrome;

namespace GitTokenScopes.WebApi.Tests.Browser;

/// <summary>
/// The sample host on Kestrel at 127.0.0.1 (with its fakes) and one headless Chromium, shared by a test class and
/// started on first use, so a class whose tests are all skipped starts neither.
/// </summary>
public sealed class TokenPageHost : IDisposable
{
    private readonly Lazy<(WebApiFactory Factory, Uri Url)> _host = new(() =>
    {
        var factory = new WebApiFactory();
        return (factory, factory.StartOnLoopback());
    });

    private readonly Lazy<ChromeDriver> _browser = new(Chromium.Start);

    public WebApiFactory Factory => _host.Value.Factory;

    public Uri Url => _host.Value.Url;

    public ChromeDriver Browser => _browser.Value;

    /// <summary>
    /// Where each state's screenshot goes: <c>GITTOKENSCOPES_SCREENSHOTS</c> (a CI artifact directory) or
    /// <c>TestResults/screenshots</c> under the test output.
    /// </summary>
    public static string ScreenshotDirectory { get; } = Environment.GetEnvironmentVariable("GITTOKENSCOPES_SCREENSHOTS") is { Length: > 0 } directory
        ? Path.GetFullPath(directory)
        : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public void Dispose()
    {
        if (_browser.IsValueCreated)
        {
            _browser.Value.Quit();
            _browser.Value.Dispose();
        }

        if (_host.IsValueCreated)
        {
            _host.Value.Factory.Dispose();
        }
    }
}
