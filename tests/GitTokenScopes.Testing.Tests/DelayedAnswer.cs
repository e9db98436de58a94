// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Testing.Tests;

/// <summary>Drives a fake's <c>Delay</c> on a <see cref="FakeTimeProvider"/>: the answer must wait for that clock, not the real one.</summary>
internal static class DelayedAnswer
{
    /// <summary>Asserts that the answer waits until the clock moves, then comes with <paramref name="status"/>.</summary>
    public static async Task ShouldWaitForTheClockAsync(Task<HttpResponseMessage> answer, FakeTimeProvider time, HttpStatusCode status)
    {
        await Task.Delay(100);
        var answeredBeforeTheClockMoved = answer.IsCompleted;

        // The delay's timer starts when the request arrives; advancing before then moves no timer, so keep advancing.
        for (var i = 0; i < 500 && !answer.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAny(answer, Task.Delay(20));
        }

        answeredBeforeTheClockMoved.Should().BeFalse();
        answer.IsCompleted.Should().BeTrue("an hour on the server's clock passed");
        using var response = await answer;
        response.StatusCode.Should().Be(status);
    }
}
