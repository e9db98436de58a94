// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using System.Text;

namespace GitTokenScopes.Tests.BitbucketCloud;

/// <summary>Bitbucket Cloud's answers as it sends them, for <see cref="AnswerOverride"/>.</summary>
internal static class BitbucketCloudAnswers
{
    /// <summary>Bitbucket's 429, with the rate-limit headers it sends to access tokens (PROVIDERS.md §3.4).</summary>
    public static HttpResponseMessage RateLimited()
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Rate limit for this resource has been exceeded.", Encoding.UTF8, "text/plain") };
        response.Headers.Add("X-RateLimit-Limit", "1000");
        response.Headers.Add("X-RateLimit-Resource", "api-repo");
        response.Headers.Add("X-RateLimit-NearLimit", "true");
        return response;
    }
}
