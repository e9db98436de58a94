// Licensed under the MIT License. See LICENSE in the repository root.

using System.Collections.Concurrent;
using System.Text.Json;
using GitTokenScopes.Testing.BitbucketCloud.Internal;

namespace GitTokenScopes.Testing.BitbucketServer.Internal;

/// <summary>
/// The fake's behaviour, as one function from a request to an answer, in the behaviour table's order (see
/// <see cref="FakeBitbucketServer"/>): context path, authentication, delay, server error, rate limit, then the endpoint.
/// </summary>
internal sealed class BitbucketServerFakeRouter(
    FakeBitbucketServerOptions options,
    ConcurrentDictionary<string, FakeBitbucketServerToken> tokens,
    ConcurrentDictionary<string, FakeBitbucketServerRepository> repositories,
    Uri url)
{
    private const string Authorisation = "com.atlassian.bitbucket.AuthorisationException";
    private const string NotPermitted = "You are not permitted to access this resource";

    public (FakeBitbucketServerToken? Token, string? Presented, string? Scheme) Authenticate(string? header)
    {
        if (BitbucketFakeWire.Authorization(header) is not var (scheme, value))
        {
            return (null, null, null);
        }

        if (string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return (tokens.TryGetValue(value, out var token) ? token : null, value, scheme);
        }

        if (string.Equals(scheme, "Basic", StringComparison.OrdinalIgnoreCase) && BitbucketFakeWire.Basic(value) is var (user, secret))
        {
            // Only personal tokens accept Basic, with their owner's user name.
            var found = tokens.TryGetValue(secret, out var token) && token.Kind == FakeBitbucketServerTokenKind.Personal
                && string.Equals(token.Username, user, StringComparison.OrdinalIgnoreCase) ? token : null;
            return (found, secret, scheme);
        }

        return (null, null, scheme);
    }

    public async Task<BitbucketFakeAnswer> AnswerAsync(string method, string path, bool presented, FakeBitbucketServerToken? token, string? body, CancellationToken stopping)
    {
        if (token is null && presented || token is { Revoked: true })
        {
            return Error(401, "Authentication failed. Please check your credentials and try again.", "com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException");
        }

        if (token?.Delay is { } delay)
        {
            await Task.Delay(delay, options.TimeProvider, stopping).ConfigureAwait(false);
        }

        if (token?.ServerErrorStatus is { } status)
        {
            return Error(status, "An error occurred while processing the request. Check the server logs for more information.", null);
        }

        if (token is { RateLimited: true })
        {
            return WithUser(token, Error(429, "You have been rate limited. Please wait before making more requests.", null).With("Retry-After", "30"));
        }

        var segments = path.Trim('/').Split('/');
        var answer = segments switch
        {
            ["rest", "api", "1.0" or "latest", "application-properties"] when method is "GET" or "HEAD" =>
                new BitbucketFakeAnswer(200, $$"""{"version":{{BitbucketFakeWire.Quote(options.Version)}},"buildNumber":"8019001","buildDate":"1717000000000","displayName":"Bitbucket"}"""),
            _ when token is null => Error(401, NotPermitted, Authorisation),
            ["rest", "api", "1.0" or "latest", "projects", var project] when method == "GET" => Project(token, project),
            ["rest", "api", "1.0" or "latest", "projects", var project, "repos", var slug] when method == "GET" => Repository(token, project, slug),
            ["rest", "api", "1.0" or "latest", "projects", var project, "repos", var slug, "webhooks"] when method == "GET" => Webhooks(token, project, slug),
            ["rest", "api", "1.0" or "latest", "projects", var project, "repos", var slug, "branches"] when method == "POST" => CreateBranch(token, project, slug, body),
            ["rest", "access-tokens", "1.0" or "latest", "users", var user, var id] when method == "GET" => AccessToken(token, user, id),
            ["rest", "access-tokens", "1.0" or "latest", "projects", var project, var id] when method == "GET" => ScopedAccessToken(token, FakeBitbucketServerTokenKind.Project, project, null, id),
            ["rest", "access-tokens", "1.0" or "latest", "projects", var project, "repos", var slug, var id] when method == "GET" => ScopedAccessToken(token, FakeBitbucketServerTokenKind.Repository, project, slug, id),
            _ => Error(404, $"No resource was found at {path}.", null),
        };
        return token is null ? answer : WithUser(token, answer);
    }

    private static BitbucketFakeAnswer WithUser(FakeBitbucketServerToken token, BitbucketFakeAnswer answer)
        => answer.With("X-AUSERNAME", token.Username)
            .With("X-AUSERID", (Math.Abs(StringComparer.Ordinal.GetHashCode(token.Username)) % 100000).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("X-AREQUESTID", "@" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "x1x0");

    private static BitbucketFakeAnswer Error(int status, string message, string? exception, string? context = null)
        => new(status, $$"""{"errors":[{"context":{{(context is null ? "null" : BitbucketFakeWire.Quote(context))}},"message":{{BitbucketFakeWire.Quote(message)}},"exceptionName":{{(exception is null ? "null" : BitbucketFakeWire.Quote(exception))}} }]}""");

    private static int Level(string permission) => permission.EndsWith("_ADMIN", StringComparison.Ordinal) ? 3 : permission.EndsWith("_WRITE", StringComparison.Ordinal) ? 2 : permission.EndsWith("_READ", StringComparison.Ordinal) ? 1 : 0;

    /// <summary>The token's effective level on a repository: its cap, and for personal tokens also its owner's permission.</summary>
    private static int Effective(FakeBitbucketServerToken token, FakeBitbucketServerRepository repository)
    {
        var cap = token.Permissions.Select(Level).DefaultIfEmpty(0).Max();
        return token.Kind switch
        {
            FakeBitbucketServerTokenKind.Personal => Math.Min(cap, token.OwnerPermissions.TryGetValue(repository.FullName, out var owner) ? Level(owner) : 0),
            FakeBitbucketServerTokenKind.Project when string.Equals(token.ProjectKey, repository.ProjectKey, StringComparison.OrdinalIgnoreCase) => cap,
            FakeBitbucketServerTokenKind.Repository when string.Equals($"{token.ProjectKey}/{token.RepositorySlug}", repository.FullName, StringComparison.OrdinalIgnoreCase) => cap,
            _ => 0,
        };
    }

    private FakeBitbucketServerRepository? Find(string project, string slug)
        => repositories.TryGetValue($"{project}/{slug}", out var repository) ? repository : null;

    private BitbucketFakeAnswer Project(FakeBitbucketServerToken token, string project)
    {
        var readable = token.Kind switch
        {
            FakeBitbucketServerTokenKind.Personal => token.Permissions.Any(p => p.StartsWith("PROJECT_", StringComparison.Ordinal))
                && token.OwnerPermissions.Keys.Any(k => k.StartsWith(project + "/", StringComparison.OrdinalIgnoreCase)),
            FakeBitbucketServerTokenKind.Project => string.Equals(token.ProjectKey, project, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
        return readable
            ? new BitbucketFakeAnswer(200, ProjectJson(project))
            : Error(401, NotPermitted, Authorisation);
    }

    private BitbucketFakeAnswer Repository(FakeBitbucketServerToken token, string project, string slug)
    {
        var repository = Find(project, slug);
        if (repository is null || Effective(token, repository) < 1)
        {
            return Error(404, $"Repository {project}/{slug} does not exist.", "com.atlassian.bitbucket.repository.NoSuchRepositoryException");
        }

        // The documented repository shape (REST API 1.0, Data Center 8–9), links derived from the fake's own address.
        var name = repository.Slug.ToLowerInvariant();
        var key = repository.ProjectKey.ToUpperInvariant();
        var hierarchy = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(repository.FullName.ToUpperInvariant())), 0, 10);
        return new BitbucketFakeAnswer(200, $$"""{"slug":{{BitbucketFakeWire.Quote(name)}},"id":1,"name":{{BitbucketFakeWire.Quote(repository.Slug)}},"hierarchyId":"{{hierarchy}}","scmId":"git","state":"AVAILABLE","statusMessage":"Available","forkable":true,"project":{{ProjectJson(repository.ProjectKey)}},"public":false,"archived":false,"links":{"clone":[{"href":{{Link($"scm/{key.ToLowerInvariant()}/{name}.git")}},"name":"http"},{"href":{{BitbucketFakeWire.Quote($"ssh://git@{url.Host}:7999/{key.ToLowerInvariant()}/{name}.git")}},"name":"ssh"}],"self":[{"href":{{Link($"projects/{key}/repos/{name}/browse")}} }] } }""");
    }

    /// <summary>The documented project shape: key, id, name, public, type and its self link.</summary>
    private string ProjectJson(string project)
        => $$"""{"key":{{BitbucketFakeWire.Quote(project.ToUpperInvariant())}},"id":1,"name":{{BitbucketFakeWire.Quote(project)}},"public":false,"type":"NORMAL","links":{"self":[{"href":{{Link($"projects/{project.ToUpperInvariant()}")}} }] } }""";

    private string Link(string path) => BitbucketFakeWire.Quote(new Uri(url, path).AbsoluteUri);

    private BitbucketFakeAnswer Webhooks(FakeBitbucketServerToken token, string project, string slug)
    {
        var repository = Find(project, slug);
        return repository is null ? Error(404, $"Repository {project}/{slug} does not exist.", "com.atlassian.bitbucket.repository.NoSuchRepositoryException")
            : Effective(token, repository) < 3 ? Error(401, NotPermitted, Authorisation)
            : new BitbucketFakeAnswer(200, """{"size":0,"limit":25,"isLastPage":true,"values":[],"start":0}""");
    }

    private BitbucketFakeAnswer CreateBranch(FakeBitbucketServerToken token, string project, string slug, string? body)
    {
        var repository = Find(project, slug);
        if (repository is null)
        {
            return Error(404, $"Repository {project}/{slug} does not exist.", "com.atlassian.bitbucket.repository.NoSuchRepositoryException");
        }

        if (Effective(token, repository) < 2)
        {
            return Error(401, NotPermitted, Authorisation);
        }

        string? name = null, startPoint = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                name = document.RootElement.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                startPoint = document.RootElement.TryGetProperty("startPoint", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            }
        }
        catch (JsonException)
        {
            return Error(400, "Unexpected token in the request body.", "com.atlassian.bitbucket.rest.exception.UnmarshalException");
        }

        // Nothing is ever stored: a valid request is answered as created, an invalid one rejected (or, misbehaving, accepted).
        var valid = !string.IsNullOrWhiteSpace(name) && !string.IsNullOrWhiteSpace(startPoint);
        return valid || token.AnswerWriteProbesWithSuccess
            ? new BitbucketFakeAnswer(200, $$"""{"id":{{BitbucketFakeWire.Quote("refs/heads/" + (name ?? string.Empty))}},"displayId":{{BitbucketFakeWire.Quote(name ?? string.Empty)}},"type":"BRANCH","latestCommit":"0000000000000000000000000000000000000000","isDefault":false}""")
            : Error(400, string.IsNullOrWhiteSpace(name) ? "A branch name is required." : "A start point is required.", "com.atlassian.bitbucket.validation.ArgumentValidationException", string.IsNullOrWhiteSpace(name) ? "name" : "startPoint");
    }

    private BitbucketFakeAnswer AccessToken(FakeBitbucketServerToken token, string user, string id)
    {
        if (!options.AccessTokenMetadataReadable || !string.Equals(token.Username, user, StringComparison.OrdinalIgnoreCase))
        {
            return Error(401, NotPermitted, Authorisation);
        }

        var found = tokens.Values.FirstOrDefault(t => t.Id == id && t.Kind == FakeBitbucketServerTokenKind.Personal && string.Equals(t.Username, user, StringComparison.OrdinalIgnoreCase));
        return found is null ? Error(404, $"No access token exists with ID {id}.", "com.atlassian.bitbucket.auth.NoSuchAccessTokenException") : TokenJson(found);
    }

    /// <summary>A project or repository token's own entry; readable by that token itself when entries are readable.</summary>
    private BitbucketFakeAnswer ScopedAccessToken(FakeBitbucketServerToken token, FakeBitbucketServerTokenKind kind, string project, string? slug, string id)
    {
        if (!options.AccessTokenMetadataReadable)
        {
            return Error(401, NotPermitted, Authorisation);
        }

        var found = tokens.Values.FirstOrDefault(t => t.Id == id && t.Kind == kind
            && string.Equals(t.ProjectKey, project, StringComparison.OrdinalIgnoreCase)
            && (slug is null || string.Equals(t.RepositorySlug, slug, StringComparison.OrdinalIgnoreCase)));
        return found is null ? Error(404, $"No access token exists with ID {id}.", "com.atlassian.bitbucket.auth.NoSuchAccessTokenException")
            : !ReferenceEquals(found, token) ? Error(401, NotPermitted, Authorisation)
            : TokenJson(found);
    }

    private static BitbucketFakeAnswer TokenJson(FakeBitbucketServerToken found)
    {
        var expiry = found.ExpiresAt is { } at ? $",\"expiryDays\":90,\"expiryDate\":{at.ToUnixTimeMilliseconds()}" : string.Empty;
        return new BitbucketFakeAnswer(200,
            $$"""{"id":{{BitbucketFakeWire.Quote(found.Id)}},"createdDate":1717000000000,"lastAuthenticated":1717000000000,"name":{{BitbucketFakeWire.Quote(found.Name)}},"permissions":{{BitbucketFakeWire.Array(found.Permissions)}}{{expiry}},"user":{"name":{{BitbucketFakeWire.Quote(found.Username)}},"slug":{{BitbucketFakeWire.Quote(found.Username.ToLowerInvariant())}},"type":"NORMAL","active":true} }""");
    }
}
