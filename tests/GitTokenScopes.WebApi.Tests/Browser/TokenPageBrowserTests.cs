// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.ObjectModel;
using System.Drawing;
using GitTokenScopes.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace GitTokenScopes.WebApi.Tests.Browser;

/// <summary>
/// The Git personal access token page in a real browser against the fakes: what a user sees for a passing, a failing
/// and an indeterminate token, one token for several runtimes, the keyboard alone, a phone's width, and basic
/// accessibility facts. The token is never anywhere in the page afterwards. Each state is saved as a screenshot.
/// </summary>
public sealed class TokenPageBrowserTests(TokenPageHost host) : IClassFixture<TokenPageHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private ChromeDriver Browser => host.Browser;

    [ChromiumFact]
    public void Pass_OneRuntime_ShowsTheVerdictFingerprintAndExpiry()
    {
        var token = host.Factory.UserToken("repo", "write:repo_hook");
        Open();

        Paste(token.Value);
        Choose("production");
        Submit();

        var card = Card("production");
        card.FindElement(By.CssSelector(".verdict")).Text.Should().Be("Pass");
        card.FindElement(By.CssSelector(".fingerprint")).Text.Should().Be(token.Fingerprint);
        card.FindElement(By.CssSelector(".expiry")).Text.Should().Be($"{token.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd} (in 89 days)", "a token made 90 days from now has 89 whole days left a moment later");
        card.FindElements(By.CssSelector("a.create")).Should().BeEmpty("nothing is missing");
        Status().Should().Be($"Checked token {token.Fingerprint} for 1 runtime. production: Pass.");
        Card("staging").Text.Should().Contain("Not checked on this page yet.");
        AssertTokenAbsent(token.Value);
        Screenshot("pass");
    }

    [ChromiumFact]
    public void Fail_ShowsTheMissingScopeWithItsPurposeAndThePrefilledCreationLink()
    {
        var token = host.Factory.UserToken("repo");
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(5);
        Open();

        Paste(token.Value);
        Choose("production");
        Submit();

        var card = Card("production");
        card.FindElement(By.CssSelector(".verdict")).Text.Should().Be("Fail");
        card.FindElement(By.CssSelector(".missing li")).Text.Should().Be(
            "Repository webhooks: Users of this runtime also manage the Shared Configuration Repository's webhooks (any of: admin:repo_hook, write:repo_hook)");
        card.FindElement(By.CssSelector(".expiry")).Text.Should().EndWith("(in 4 days)");
        card.FindElements(By.CssSelector(".warnings li")).Should().Contain(w => w.Text.StartsWith("Warning: ", StringComparison.Ordinal), "the token expires within the warning window");
        var link = card.FindElement(By.CssSelector("a.create"));
        link.GetAttribute("href").Should().StartWith(host.Factory.GitHub.Url.AbsoluteUri).And.Contain("settings/tokens/new?scopes=repo,admin:repo_hook");
        link.GetAttribute("rel").Should().Contain("noopener");
        link.Text.Should().Contain("Create a GitHub token");
        card.FindElement(By.CssSelector(".fingerprint")).Text.Should().Be(token.Fingerprint);
        card.Text.Should().NotContainAny(["null", "undefined", "[object"]);
        AssertTokenAbsent(token.Value);
        Screenshot("fail");
    }

    [ChromiumFact]
    public void Indeterminate_RateLimited_SaysWhyWithoutClaimingAMissingScope()
    {
        var token = FakeGitHubToken.Classic("repo").WithRepository(WebApiFactory.ConfigRepository, new FakeGitHubGrant { Role = "write" });
        token.RateLimit = new FakeGitHubRateLimit { Remaining = 0, ResetAt = DateTimeOffset.UtcNow.AddMinutes(10) };
        host.Factory.GitHub.AddToken(token);
        Open();

        Paste(token.Value);
        Choose("production");
        Submit();

        var card = Card("production");
        card.FindElement(By.CssSelector(".verdict")).Text.Should().Be("Indeterminate");
        card.FindElement(By.CssSelector(".message")).Text.Should().ContainEquivalentOf("rate limit");
        card.FindElements(By.CssSelector(".missing")).Should().BeEmpty("a rate limit proves nothing missing");
        card.FindElement(By.CssSelector(".fingerprint")).Text.Should().Be(token.Fingerprint);
        AssertTokenAbsent(token.Value);
        Screenshot("indeterminate");
    }

    [ChromiumFact]
    public void SeveralRuntimes_OneToken_OneResultPerRuntimeFromOneInspection()
    {
        var token = host.Factory.UserToken("repo");
        Open();

        Paste(token.Value);
        Choose("production", "staging");
        Submit();

        Card("production").FindElement(By.CssSelector(".verdict")).Text.Should().Be("Fail");
        Card("staging").FindElement(By.CssSelector(".verdict")).Text.Should().Be("Pass", "appsettings.json drops the webhook clause for staging's users");
        Card("staging").FindElements(By.CssSelector("a.create")).Should().BeEmpty();
        Card("edge").Text.Should().Contain("Not checked on this page yet.");
        Browser.FindElement(By.Id("runtimes")).Text.Should().NotContainAny(["null", "undefined", "[object"], "every optional part is left out, not written as a placeholder");
        Status().Should().Be($"Checked token {token.Fingerprint} for 2 runtimes. production: Fail, staging: Pass.");
        host.Factory.GitHub.Requests.Count(r => r.TokenFingerprint == token.Fingerprint && r.Path == "/user").Should().Be(1);
        AssertTokenAbsent(token.Value);
        Screenshot("several-runtimes");
    }

    [ChromiumFact]
    public void AllOfAServer_ChoosesEveryRuntimeOfItAndNoneOfAnother()
    {
        var token = host.Factory.UserToken("repo", "write:repo_hook");
        Open();
        Choose("edge");

        Browser.FindElement(By.Id("all-0")).Text.Should().Be("Choose all 2 runtimes of this server");
        Browser.FindElement(By.Id("all-0")).Click();
        Browser.FindElements(By.CssSelector("input[name='runtime']:checked")).Select(b => b.GetAttribute("value")).Should().Equal("production", "staging");
        Paste(token.Value);
        Submit();

        Status().Should().Be($"Checked token {token.Fingerprint} for 2 runtimes. production: Pass, staging: Pass.");
        Card("edge").Text.Should().Contain("Not checked on this page yet.");
        host.Factory.GitLab.Requests.Should().NotContain(r => r.TokenFingerprint == token.Fingerprint, "the GitLab runtime was unchosen, so the token went to GitHub only");
        AssertTokenAbsent(token.Value);
    }

    [ChromiumFact]
    public void RuntimesOfTwoServers_AreRefusedBeforeTheTokenLeavesThePage()
    {
        var token = host.Factory.UserToken("repo");
        Open();

        Paste(token.Value);
        Choose("production", "edge");
        Browser.FindElement(By.Id("submit")).Click();

        WaitUntil(() => Browser.FindElement(By.Id("error")).Text.Length > 0);
        Browser.FindElement(By.Id("error")).Text.Should().Be("A token belongs to one Git server: choose runtimes of one server only.");
        Browser.FindElement(By.Id("error")).GetAttribute("role").Should().Be("alert");
        host.Factory.GitHub.Requests.Should().NotContain(r => r.TokenFingerprint == token.Fingerprint);
        Screenshot("two-servers-refused");
    }

    [ChromiumFact]
    public void KeyboardOnly_FocusOrderIsTheFormsAndFocusIsVisible_AndATokenIsChecked()
    {
        var token = host.Factory.UserToken("repo");
        Open();

        var order = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
            var focused = Browser.SwitchTo().ActiveElement();
            order.Add(focused.GetAttribute("id") ?? focused.TagName);
            Script("const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;")
                .Should().Be(true, $"focus on #{order[^1]} must be visible");
        }

        order.Should().Equal("token", "username", "runtime-0", "runtime-1", "all-0", "runtime-2", "submit");

        Open();
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().SendKeys(token.Value);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Space);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Space);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().GetAttribute("id").Should().Be("submit");
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Enter);
        WaitForResult();

        Status().Should().Be($"Checked token {token.Fingerprint} for 2 runtimes. production: Fail, staging: Pass.");
        Browser.SwitchTo().ActiveElement().GetAttribute("id").Should().Be("submit", "checking keeps the keyboard's place");
        Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        Browser.SwitchTo().ActiveElement().GetAttribute("class").Should().Be("create", "the creation link is the next stop");
        AssertTokenAbsent(token.Value);
    }

    [ChromiumFact]
    public void Accessibility_LabelsContrastLanguageAndALiveStatus()
    {
        var token = host.Factory.UserToken("repo");
        token.ExpiresAt = DateTimeOffset.UtcNow.AddDays(5);
        Open();
        Paste(token.Value);
        Choose("production", "staging");
        Submit();

        ((ReadOnlyCollection<object>)Script("""
            return [...document.querySelectorAll('input, select, textarea')]
              .filter(e => e.type !== 'hidden' && (e.labels.length === 0 || e.labels[0].textContent.trim() === ''))
              .map(e => e.id || e.name);
            """)!).Should().BeEmpty("every input has a label with text");
        Browser.FindElement(By.Id("submit")).Text.Should().Be("Check token");
        Browser.FindElement(By.TagName("html")).GetAttribute("lang").Should().Be("en");
        Browser.FindElement(By.Id("status")).GetAttribute("aria-live").Should().Be("polite");
        Browser.FindElement(By.Id("status")).GetAttribute("role").Should().Be("status");
        Browser.FindElement(By.Id("runtime-choice")).FindElement(By.TagName("legend")).Text.Should().Be("Runtimes to check it for");
        var contrast = (ReadOnlyCollection<object>)Script(ContrastBelowAA)!;
        Convert.ToInt32(contrast[0], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(40, "the form and both results' texts are measured");
        contrast.Skip(1).Should().BeEmpty("every visible text has a contrast of 4.5:1 or more (WCAG AA)");
    }

    [ChromiumFact]
    public void NarrowScreen_FitsWithoutSidewaysScrolling()
    {
        var token = host.Factory.UserToken("repo");
        Open(new Size(375, 812));

        Paste(token.Value);
        Choose("production", "staging");
        Submit();

        Script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;").Should().Be(true, "a phone shows the page in one column");
        Card("production").FindElement(By.CssSelector("a.create")).Displayed.Should().BeTrue();
        AssertTokenAbsent(token.Value);
        Screenshot("phone");
    }

    [Fact]
    public void ChromiumFact_WithoutABrowser_IsSkippedWithTheReasonLocally_AndRunsUnderCI()
    {
        // In this class, whose tests run one at a time, so no browser starts while the variables point elsewhere.
        var (browser, ci) = (Environment.GetEnvironmentVariable("GITTOKENSCOPES_CHROMIUM"), Environment.GetEnvironmentVariable("CI"));
        try
        {
            Environment.SetEnvironmentVariable("GITTOKENSCOPES_CHROMIUM", "/nonexistent/chromium");
            Environment.SetEnvironmentVariable("CI", null);
            new ChromiumFactAttribute().Skip.Should().Contain("/nonexistent/chromium not found").And.Contain("apt-get install chromium chromium-driver");

            Environment.SetEnvironmentVariable("CI", "true");
            new ChromiumFactAttribute().Skip.Should().BeNull("under CI the test runs, and fails, rather than pass as skipped");
            var start = () => Chromium.Start();
            start.Should().Throw<InvalidOperationException>().WithMessage("*/nonexistent/chromium not found*");
        }
        finally
        {
            Environment.SetEnvironmentVariable("GITTOKENSCOPES_CHROMIUM", browser);
            Environment.SetEnvironmentVariable("CI", ci);
        }
    }

    /// <summary>How many visible texts were measured, then those below 4.5:1 on the nearest opaque background, with their ratio.</summary>
    private const string ContrastBelowAA = """
        const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
        const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        const background = e => {
          for (let n = e; n; n = n.parentElement) {
            const c = rgb(getComputedStyle(n).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c;
          }
          return [255, 255, 255];
        };
        const low = [];
        let measured = 0;
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
          const text = walker.currentNode.textContent.trim();
          const e = walker.currentNode.parentElement;
          if (!text || e.getClientRects().length === 0 || getComputedStyle(e).visibility === 'hidden') continue;
          const a = luminance(rgb(getComputedStyle(e).color)), b = luminance(background(e));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          measured++;
          // Written so that a colour the script cannot read (NaN) counts as too low, never as fine.
          if (!(ratio >= 4.5)) low.push(`${ratio.toFixed(2)} ${e.tagName}.${e.className}: ${text.slice(0, 40)}`);
        }
        return [measured, ...low];
        """;

    private void Open(Size? size = null)
    {
        Browser.Manage().Window.Size = size ?? new Size(1100, 900);
        Browser.Navigate().GoToUrl(host.Url);
        WaitUntil(() => Browser.FindElements(By.CssSelector("input[name='runtime']")).Count == WebApiFactory.Runtimes.Count);
    }

    private void Paste(string token) => Browser.FindElement(By.Id("token")).SendKeys(token);

    private void Choose(params string[] runtimes)
    {
        foreach (var box in Browser.FindElements(By.CssSelector("input[name='runtime']")).Where(b => runtimes.Contains(b.GetAttribute("value"))))
        {
            box.Click();
        }
    }

    private void Submit()
    {
        Browser.FindElement(By.Id("submit")).Click();
        WaitForResult();
    }

    private void WaitForResult()
    {
        WaitUntil(() => Status().StartsWith("Checked token", StringComparison.Ordinal) || Browser.FindElement(By.Id("error")).Text.Length > 0);
        Browser.FindElement(By.Id("error")).Text.Should().BeEmpty();
    }

    private string Status() => Browser.FindElement(By.Id("status")).Text;

    private IWebElement Card(string runtime) => Browser.FindElement(By.CssSelector($"li[data-runtime='{runtime}']"));

    private object? Script(string script) => Browser.ExecuteScript(script);

    /// <summary>Not in the page source, the live DOM, any field, nor the page's storage.</summary>
    private void AssertTokenAbsent(string token)
    {
        Browser.PageSource.Should().NotContain(token);
        ((string)Script("return document.documentElement.outerHTML;")!).Should().NotContain(token);
        ((string)Script("return [...document.querySelectorAll('input')].map(i => i.value).join('\\n');")!).Should().NotContain(token);
        ((string)Script("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage) + document.cookie;")!).Should().NotContain(token);
    }

    private void Screenshot(string state)
    {
        Directory.CreateDirectory(TokenPageHost.ScreenshotDirectory);
        var size = Browser.Manage().Window.Size;
        var height = Convert.ToInt32(Script("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        Browser.Manage().Window.Size = new Size(size.Width, height + (size.Height - Convert.ToInt32(Script("return window.innerHeight;"), System.Globalization.CultureInfo.InvariantCulture)));
        Browser.GetScreenshot().SaveAsFile(Path.Combine(TokenPageHost.ScreenshotDirectory, state + ".png"));
        Browser.Manage().Window.Size = size;
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page did not reach the expected state within {Patience.TotalSeconds} s.");
            }

            Thread.Sleep(100);
        }
    }
}
