// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// The options that say which provider to ask and where the token is: <c>--provider</c>, <c>--server</c>,
/// <c>--api-url</c>, <c>--token-env</c> or <c>--token-stdin</c>, <c>--username</c> or <c>--username-env</c>. There is
/// deliberately no option that takes the token itself: it would land in shell history and process lists.
/// </summary>
internal sealed class CredentialOptions
{
    /// <summary>The environment variable a Bitbucket user name is read from by default.</summary>
    public const string DefaultUsernameVariable = "BITBUCKET_USERNAME";

    /// <summary>Initializes a new instance of the <see cref="CredentialOptions"/> class.</summary>
    /// <param name="providerRequired">Whether <c>--provider</c> must be given.</param>
    public CredentialOptions(bool providerRequired = true)
    {
        Provider = new Option<string>("--provider")
        {
            Description = "The Git provider.",
            Required = providerRequired,
        };
        Provider.AcceptOnlyFromAmong([.. WireNames.ProviderNames]);
        Server = new Option<string?>("--server") { Description = "The instance's web URL (the API base is derived from it). Default: the provider's public cloud." };
        ApiUrl = new Option<string?>("--api-url") { Description = "The API base URL, used verbatim." };
        TokenEnv = new Option<string?>("--token-env")
        {
            Description = "The environment variable that holds the token. Default: GITHUB_TOKEN, GITLAB_TOKEN or BITBUCKET_TOKEN, per provider.",
        };
        TokenStdin = new Option<bool>("--token-stdin") { Description = "Read the token from the first line of standard input." };
        Username = new Option<string?>("--username") { Description = "The user name Bitbucket Cloud needs for an API token (the Atlassian account's e-mail address) or a legacy app password; access tokens need none." };
        UsernameEnv = new Option<string?>("--username-env") { Description = $"The environment variable that holds the user name. Default: {DefaultUsernameVariable}, for Bitbucket." };
    }

    /// <summary>Gets <c>--provider</c>.</summary>
    public Option<string> Provider { get; }

    /// <summary>Gets <c>--server</c>.</summary>
    public Option<string?> Server { get; }

    /// <summary>Gets <c>--api-url</c>.</summary>
    public Option<string?> ApiUrl { get; }

    /// <summary>Gets <c>--token-env</c>.</summary>
    public Option<string?> TokenEnv { get; }

    /// <summary>Gets <c>--token-stdin</c>.</summary>
    public Option<bool> TokenStdin { get; }

    /// <summary>Gets <c>--username</c>.</summary>
    public Option<string?> Username { get; }

    /// <summary>Gets <c>--username-env</c>.</summary>
    public Option<string?> UsernameEnv { get; }

    /// <summary>The environment variable a provider's token is read from by default.</summary>
    public static string DefaultTokenVariable(GitProvider provider) => provider switch
    {
        GitProvider.GitHub => "GITHUB_TOKEN",
        GitProvider.GitLab => "GITLAB_TOKEN",
        _ => "BITBUCKET_TOKEN",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Provider);
        command.Options.Add(Server);
        command.Options.Add(ApiUrl);
        command.Options.Add(TokenEnv);
        command.Options.Add(TokenStdin);
        command.Options.Add(Username);
        command.Options.Add(UsernameEnv);
    }

    /// <summary>Gets the provider given, or <see langword="null"/> when none was.</summary>
    public GitProvider? GetProvider(ParseResult parseResult)
        => WireNames.TryParse(parseResult.GetValue(Provider), out GitProvider provider) ? provider : null;

    /// <summary>Builds the credential, or throws a <see cref="UsageException"/>.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <param name="streams">Where the token is read from (standard input or the environment).</param>
    /// <param name="provider">The provider.</param>
    /// <param name="fallbackToken">A token found elsewhere (a values file), used when neither --token-env nor --token-stdin is given.</param>
    /// <param name="fallbackUsername">A user name found elsewhere (a values file), used when no option names one.</param>
    public GitCredential Resolve(ParseResult parseResult, CliStreams streams, GitProvider provider, string? fallbackToken = null, string? fallbackUsername = null)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(streams);
        var server = EndpointUrl.Parse(parseResult.GetValue(Server), Server.Name);
        var apiUrl = EndpointUrl.Parse(parseResult.GetValue(ApiUrl), ApiUrl.Name);
        var token = fallbackToken is not null && !HasTokenSource(parseResult) ? fallbackToken : ReadToken(parseResult, streams, provider);
        var username = ReadUsername(parseResult, streams, provider) ?? fallbackUsername;
        return Create("the token", () => new GitCredential(provider, token, server, apiUrl, username));
    }

    /// <summary>Builds a credential; the library's refusal (a token with a line break, say) becomes a usage error naming <paramref name="where"/>.</summary>
    public static GitCredential Create(string where, Func<GitCredential> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        try
        {
            return create();
        }
        catch (ArgumentException exception) when (exception is not ArgumentOutOfRangeException)
        {
            // GitCredential's messages never quote the value; the parameter suffix is noise on a command line.
            throw new UsageException($"{where}: {exception.Message.Split(" (Parameter", 2)[0]}", exception);
        }
    }

    /// <summary>Gets a value indicating whether the command line says where the token is (--token-env or --token-stdin).</summary>
    public bool HasTokenSource(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return parseResult.GetValue(TokenEnv) is not null || parseResult.GetValue(TokenStdin);
    }

    private string ReadToken(ParseResult parseResult, CliStreams streams, GitProvider provider)
    {
        var variable = parseResult.GetValue(TokenEnv);
        if (parseResult.GetValue(TokenStdin))
        {
            if (variable is not null)
            {
                throw new UsageException("--token-env and --token-stdin cannot be used together; choose one source for the token.");
            }

            var line = streams.In.ReadLine()?.Trim();
            return string.IsNullOrEmpty(line)
                ? throw new UsageException("--token-stdin: standard input is empty; pipe the token in (for example from a secret manager).")
                : line;
        }

        variable ??= DefaultTokenVariable(provider);
        var token = streams.Environment(variable)?.Trim();
        return string.IsNullOrEmpty(token)
            ? throw new UsageException($"no token: the environment variable {variable} is not set; set it, name another with --token-env, or use --token-stdin.")
            : token;
    }

    private string? ReadUsername(ParseResult parseResult, CliStreams streams, GitProvider provider)
    {
        var username = parseResult.GetValue(Username);
        var variable = parseResult.GetValue(UsernameEnv);
        if (username is not null && variable is not null)
        {
            throw new UsageException("--username and --username-env cannot be used together.");
        }

        if (username is not null)
        {
            return username;
        }

        if (variable is not null)
        {
            var value = streams.Environment(variable);
            return string.IsNullOrWhiteSpace(value)
                ? throw new UsageException($"--username-env: the environment variable {variable} is not set.")
                : value.Trim();
        }

        // Only Bitbucket's Basic credentials pair a token with a user name.
        return provider is GitProvider.BitbucketCloud or GitProvider.BitbucketServer && streams.Environment(DefaultUsernameVariable) is { Length: > 0 } fromDefault
            ? fromDefault.Trim()
            : null;
    }
}
