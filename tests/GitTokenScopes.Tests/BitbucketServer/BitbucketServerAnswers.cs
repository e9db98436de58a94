// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;

namespace GitTokenScopes.Tests.BitbucketServer;

/// <summary>Bitbucket Server's answers as it sends them, for <see cref="AnswerOverride"/>.</summary>
internal static class BitbucketServerAnswers
{
    /// <summary>Bitbucket Data Center's 429 from its rate limiter, with its error body and <c>Retry-After</c>.</summary>
    public static HttpResponseMessage RateLimited()
    {
        var response = Errors(HttpStatusCode.TooManyRequests, "You have been rate limited. Please wait before making more requests.");
        response.Headers.Add("Retry-After", "30");
        return response;
    }

    /// <summary>Bitbucket's error body <c>{"errors":[{"context":null,"message":…,"exceptionName":null}]}</c> with the given status.</summary>
    public static HttpResponseMessage Errors(HttpStatusCode status, string message)
        => AnswerOverride.Json(status, $$"""{"errors":[{"context":null,"message":"{{message}}","exceptionName":null}]}""");
}
