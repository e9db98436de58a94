// Licensed under the MIT License. See LICENSE in the repository root.

using Microsoft.Extensions.Time.Testing;

namespace GitTokenScopes.Testing.Tests;

/// <summary>Drives a fake's <c>Delay</c> on a <see cref="FakeTimeProvider"/>: the answer must wait for that clock, not the real one.</summary>
internal static class DelayedAnswer
{
    /// <summary>Whether the answer came before the clock moved, and the answer once the clock has moved far enough (null if it never came).</summary>
    public static async Task<(bool AnsweredBeforeTheClockMoved, HttpResponseMessage? Response)> AdvanceUntilAnsweredAsync(
        Task<HttpResponseMessage> answer, FakeTimeProvider time)
    {
        await Task.Delay(100);
        var early = answer.IsCompleted;

        // The delay's timer starts when the request arrives; advancing before then moves no timer, so keep advancing.
        for (var i = 0; i < 500 && !answer.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await Task.WhenAny(answer, Task.Delay(20));
        }

        return (early, answer.IsCompleted ? await answer : null);
    }
}
