// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GitTokenScopes.Tests.Schemas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GitTokenScopes.Tests.Resilience;

/// <summary>The README's advice: Polly logs each retried attempt as a warning under the "Polly" category, and the filter quiets it.</summary>
public sealed class PollyLogFilterTests
{
    [Fact]
    public async Task RetriedAttempt_IsAPollyWarning_WithoutTheFilter()
    {
        var logs = await ValidateThroughOneRetryAsync("""{ }""", configureLogging: null);

        logs.Should().Contain(l => l.Category == "Polly" && l.Level == LogLevel.Warning, "this is what the README's filter is for");
    }

    [Fact]
    public async Task AppSettingsFilter_KeepsPollysPerAttemptWarningsOut()
    {
        var logs = await ValidateThroughOneRetryAsync("""{ "Logging": { "LogLevel": { "Default": "Information", "Polly": "Error" } } }""", configureLogging: null);

        logs.Should().NotContain(l => l.Category.StartsWith("Polly", StringComparison.Ordinal) && l.Level < LogLevel.Error);
    }

    [Fact]
    public async Task AddFilter_KeepsPollysPerAttemptWarningsOut()
    {
        var logs = await ValidateThroughOneRetryAsync("""{ }""", configureLogging: l => l.AddFilter("Polly", LogLevel.Error));

        logs.Should().NotContain(l => l.Category.StartsWith("Polly", StringComparison.Ordinal) && l.Level < LogLevel.Error);
    }

    private static async Task<IReadOnlyCollection<(string Category, LogLevel Level)>> ValidateThroughOneRetryAsync(string appSettings, Action<ILoggingBuilder>? configureLogging)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appSettings)));
        builder.Logging.ClearProviders();
        var capture = new CapturingLoggerProvider();
        builder.Logging.AddProvider(capture);
        configureLogging?.Invoke(builder.Logging);
        builder.Services.AddGitTokenScopes(o =>
        {
            o.Resilience.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.Validation.CacheEnabled = false;
        }).AddGitHub();
        var handler = new ScriptedHandler(ScriptedHandler.Status(HttpStatusCode.ServiceUnavailable), ScriptedHandler.GitHubUser("repo, admin:repo_hook"));
        builder.Services.AddHttpClient(GitTokenScopesHttpClientNames.GitHub).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var host = builder.Build();

        var report = await host.Services.GetSchemaCheckedValidator().ValidateAsync(
            new TokenValidationRequest(new GitCredential(GitProvider.GitHub, "ghp_" + new string('r', 36), apiUrl: new Uri("http://127.0.0.1:1/")), TokenKind.Runtime));

        report.Verdict.Should().Be(ValidationVerdict.Pass);
        handler.CallCount.Should().Be(2, "the first attempt's 503 was retried");
        return capture.Records;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string, LogLevel)> _records = new();

        public IReadOnlyCollection<(string Category, LogLevel Level)> Records => _records;

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _records);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(string category, ConcurrentQueue<(string, LogLevel)> records) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => records.Enqueue((category, logLevel));
        }
    }
}
