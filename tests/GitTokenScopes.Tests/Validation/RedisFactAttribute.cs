// Licensed under the MIT License. See LICENSE in the repository root.

using System.Net.Sockets;

namespace GitTokenScopes.Tests.Validation;

/// <summary>
/// A fact that needs the Redis server <c>.ci/run</c> starts on 127.0.0.1 (port 6379, or <c>GITTOKENSCOPES_REDIS_PORT</c>).
/// Skipped with a visible reason where Redis is absent locally; under <c>CI=true</c> it is never skipped, so a CI run
/// without Redis fails instead of passing quietly.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!IsAvailable && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Redis is not running on 127.0.0.1:{Port} (.ci/run installs and starts it; locally: apt-get install redis-server).";
        }
    }

    public static int Port => int.TryParse(Environment.GetEnvironmentVariable("GITTOKENSCOPES_REDIS_PORT"), out var port) ? port : 6379;

    public static string Configuration => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000";

    private static bool IsAvailable
    {
        get
        {
            try
            {
                using var client = new TcpClient();
                return client.ConnectAsync("127.0.0.1", Port).Wait(TimeSpan.FromMilliseconds(500)) && client.Connected;
            }
            catch (Exception exception) when (exception is SocketException or AggregateException)
            {
                return false;
            }
        }
    }
}
