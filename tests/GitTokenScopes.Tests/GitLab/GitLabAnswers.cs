// Licensed under the MIT License. See LICENSE in the repository root.

using System.Globalization;
using System.Net;
using System.Text;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>GitLab's answers as it sends them, for <see cref="AnswerOverride"/>, and how a GitLab request is keyed.</summary>
internal static class GitLabAnswers
{
    private const string Api = "/api/v4";

    /// <summary>A request's key: method and path relative to the API, decoded, as the fake records it (<c>GET /projects/acme/app</c>).</summary>
    public static string? KeyOf(HttpRequestMessage request)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.AbsolutePath);
        var at = path.IndexOf(Api + "/", StringComparison.Ordinal);
        return at < 0 ? null : AnswerOverride.Key(request.Method.Method, path[(at + Api.Length)..]);
    }

    /// <summary>Rack::Attack's throttled answer: 429 <c>Retry later</c> with <c>Retry-After</c> and the <c>RateLimit-*</c> headers.</summary>
    public static HttpResponseMessage Throttled()
    {
        var reset = DateTimeOffset.UtcNow.AddSeconds(60);
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("Retry later\n", Encoding.UTF8, "text/plain") };
        response.Headers.TryAddWithoutValidation("RateLimit-Name", "throttle_authenticated_api");
        response.Headers.TryAddWithoutValidation("RateLimit-Limit", "2000");
        response.Headers.TryAddWithoutValidation("RateLimit-Observed", "2001");
        response.Headers.TryAddWithoutValidation("RateLimit-Remaining", "0");
        response.Headers.TryAddWithoutValidation("RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("RateLimit-ResetTime", reset.ToString("r", CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation("Retry-After", "60");
        return response;
    }
}
