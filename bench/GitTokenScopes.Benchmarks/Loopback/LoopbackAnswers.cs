// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;
using Microsoft.AspNetCore.Http;

namespace GitTokenScopes.Benchmarks.Loopback;

/// <summary>
/// The answers the inspectors expect from a valid token that holds everything the seed asks for, in each provider's
/// shape (status, scope headers, JSON bodies), after the inspectors and the fakes in <c>GitTokenScopes.Testing</c>.
/// Bodies are kept as bytes so that the server spends as little as it can per answer.
/// </summary>
internal static class LoopbackAnswers
{
    public const string GitHubClassicScopes = "repo, admin:repo_hook, read:org, workflow";
    public const string GitLabUser = "bench-user";
    public const string BitbucketCloudScopes = "account, team, project, repository, repository:write, repository:admin, webhook, pullrequest, pullrequest:write, pipeline";

    private static readonly byte[] GitHubUser = Encoding.UTF8.GetBytes("""{"login":"bench-user","id":1,"type":"User","name":"Bench"}""");
    private static readonly byte[] EmptyList = Encoding.UTF8.GetBytes("[]");
    private static readonly byte[] NotFound = Encoding.UTF8.GetBytes("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}""");
    private static readonly byte[] Unprocessable = Encoding.UTF8.GetBytes("""{"message":"Validation Failed","documentation_url":"https://docs.github.com/rest","status":"422"}""");
    private static readonly byte[] GitLabSelf = Encoding.UTF8.GetBytes("""{"id":1,"name":"bench","revoked":false,"created_at":"2026-01-01T00:00:00.000Z","scopes":["api","read_repository","write_repository"],"user_id":1,"last_used_at":null,"active":true,"expires_at":"2030-01-01"}""");
    private static readonly byte[] GitLabUserBody = Encoding.UTF8.GetBytes("""{"id":1,"username":"bench-user","name":"Bench","state":"active","bot":false}""");
    private static readonly byte[] GitLabProject = Encoding.UTF8.GetBytes("""{"id":7,"path_with_namespace":"bench/repo","visibility":"private","permissions":{"project_access":{"access_level":40,"notification_level":3},"group_access":null}}""");
    private static readonly byte[] BitbucketUser = Encoding.UTF8.GetBytes("""{"type":"user","username":"bench-user","display_name":"Bench","account_id":"557058:bench","uuid":"{00000000-0000-0000-0000-000000000001}"}""");
    private static readonly byte[] BitbucketServerProperties = Encoding.UTF8.GetBytes("""{"version":"9.4.0","buildNumber":"9004000","buildDate":"1700000000000","displayName":"Bitbucket"}""");
    private static readonly byte[] NoRoute = Encoding.UTF8.GetBytes("""{"message":"No route"}""");

    public static Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var get = HttpMethods.IsGet(context.Request.Method);
        var response = context.Response;
        if (path.StartsWith("/github/", StringComparison.Ordinal))
        {
            return GitHub(context, path["/github/".Length..], get, cancellationToken);
        }

        if (path.StartsWith("/gitlab/api/v4/", StringComparison.Ordinal))
        {
            var endpoint = path["/gitlab/api/v4/".Length..];
            return endpoint switch
            {
                "personal_access_tokens/self" => Json(response, 200, GitLabSelf, cancellationToken),
                "user" => Json(response, 200, GitLabUserBody, cancellationToken),
                _ when endpoint.StartsWith("projects/", StringComparison.Ordinal) => Json(response, 200, GitLabProject, cancellationToken),
                _ => Json(response, 404, NoRoute, cancellationToken),
            };
        }

        if (path == "/bitbucket/2.0/user")
        {
            response.Headers["x-oauth-scopes"] = BitbucketCloudScopes;
            response.Headers["x-credential-type"] = "app_password";
            return Json(response, 200, BitbucketUser, cancellationToken);
        }

        if (path == "/bbs/rest/api/1.0/application-properties")
        {
            response.Headers["X-AUSERNAME"] = "bench-user";
            return Json(response, 200, BitbucketServerProperties, cancellationToken);
        }

        return Json(response, 404, NoRoute, cancellationToken);
    }

    /// <summary>
    /// GitHub: <c>/user</c> with scopes for classic tokens only (fine-grained tokens get no <c>X-OAuth-Scopes</c>),
    /// repositories the token may push to, and the fine-grained probes answered as for a token that holds them: reads
    /// 200, invalid write payloads 422, the unknown hook 404.
    /// </summary>
    private static Task GitHub(HttpContext context, string endpoint, bool get, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.Headers["x-ratelimit-limit"] = "5000";
        response.Headers["x-ratelimit-remaining"] = "4999";
        response.Headers["x-ratelimit-reset"] = "1900000000";
        response.Headers["x-ratelimit-resource"] = "core";
        response.Headers["X-GitHub-Api-Version-Selected"] = "2022-11-28";
        if (endpoint == "user")
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("token github_pat_", StringComparison.Ordinal))
            {
                response.Headers["X-OAuth-Scopes"] = GitHubClassicScopes;
                response.Headers["X-Accepted-OAuth-Scopes"] = string.Empty;
            }

            response.Headers["github-authentication-token-expiration"] = "2030-01-01 00:00:00 UTC";
            return Json(response, 200, GitHubUser, cancellationToken);
        }

        if (!endpoint.StartsWith("repos/", StringComparison.Ordinal))
        {
            return Json(response, 404, NotFound, cancellationToken);
        }

        var segments = endpoint.Split('/');
        if (segments.Length == 3)
        {
            var fullName = segments[1] + "/" + segments[2];
            var body = Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"" + segments[2] + "\",\"full_name\":\"" + fullName + "\",\"private\":true,"
                + "\"permissions\":{\"admin\":true,\"maintain\":true,\"push\":true,\"triage\":true,\"pull\":true}}");
            return Json(response, 200, body, cancellationToken);
        }

        if (get)
        {
            return Json(response, 200, EmptyList, cancellationToken);
        }

        return HttpMethods.IsPatch(context.Request.Method)
            ? Json(response, 404, NotFound, cancellationToken)
            : Json(response, 422, Unprocessable, cancellationToken);
    }

    private static Task Json(HttpResponse response, int status, byte[] body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, cancellationToken).AsTask();
    }
}
