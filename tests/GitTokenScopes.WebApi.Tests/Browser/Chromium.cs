// Licensed under the MIT License. See LICENSE in the repository root.

using OpenQA.Selenium.Chrome;

namespace GitTokenScopes.WebApi.Tests.Browser;

/// <summary>
/// Debian's <c>chromium</c> and <c>chromium-driver</c> (<c>/usr/bin/chromium</c>, <c>/usr/bin/chromedriver</c>, or
/// <c>GITTOKENSCOPES_CHROMIUM</c> and <c>GITTOKENSCOPES_CHROMEDRIVER</c>), started headless. Both paths are always given
/// to Selenium, so Selenium Manager never looks for or downloads a browser or a driver.
/// </summary>
internal static class Chromium
{
    public static string BrowserPath => Environment.GetEnvironmentVariable("GITTOKENSCOPES_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string DriverPath => Environment.GetEnvironmentVariable("GITTOKENSCOPES_CHROMEDRIVER") is { Length: > 0 } path ? path : "/usr/bin/chromedriver";

    /// <summary>Why the browser tests cannot run here, or <see langword="null"/> when both binaries are present.</summary>
    public static string? Missing
    {
        get
        {
            var missing = new[] { BrowserPath, DriverPath }.Where(p => !File.Exists(p)).ToList();
            return missing.Count == 0
                ? null
                : $"No browser for the token page's tests: {string.Join(" and ", missing)} not found (.ci/run installs them; locally: apt-get install chromium chromium-driver, "
                    + "or set GITTOKENSCOPES_CHROMIUM and GITTOKENSCOPES_CHROMEDRIVER).";
        }
    }

    /// <summary>Starts headless Chromium through its driver; throws, naming what is missing, where the binaries are absent.</summary>
    public static ChromeDriver Start()
    {
        if (Missing is { } why)
        {
            throw new InvalidOperationException(why);
        }

        // Belt and braces: with both paths given Selenium Manager is not run, and offline it could fetch nothing anyway.
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = BrowserPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1100,900",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--no-proxy-server",
            "--lang=en-US", "--force-device-scale-factor=1",

            // Tests talk to loopback only: every other host name fails to resolve inside the browser.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }
}
