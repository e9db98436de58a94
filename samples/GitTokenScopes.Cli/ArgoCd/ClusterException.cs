// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Cli.ArgoCd;

/// <summary>The cluster could not be asked (unreachable, or it refused the listing): no verdict, exit code 2.</summary>
internal sealed class ClusterException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ClusterException"/> class.</summary>
    public ClusterException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClusterException"/> class.</summary>
    /// <param name="message">What happened, naming the namespace or host, never a credential.</param>
    public ClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ClusterException"/> class.</summary>
    /// <param name="message">What happened, naming the namespace or host, never a credential.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
