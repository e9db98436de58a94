// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.ArgoCd;

/// <summary>How to read an Argo CD configuration: which hosts run which provider, which secret holds the Runtime token, which runtimes to judge for.</summary>
public sealed class ArgoCdAuditOptions
{
    /// <summary>The name of a Codefresh GitOps runtime's own credential template, whose token is the Runtime token.</summary>
    public const string DefaultRuntimeSecretName = "runtime-repo-creds-secret";

    /// <summary>
    /// Gets the repository hosts and where their tokens are validated, keyed by host (<c>github.example.com</c>, or
    /// <c>host:port</c>), case-insensitive. github.com, gitlab.com and bitbucket.org are known unless listed here.
    /// </summary>
    public IDictionary<string, ArgoCdGitServer> Servers { get; } = new Dictionary<string, ArgoCdGitServer>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the names of the secrets whose token is a Runtime token; every other token is a User token.
    /// </summary>
    /// <value>The default holds <see cref="DefaultRuntimeSecretName"/>.</value>
    public ISet<string> RuntimeSecretNames { get; } = new HashSet<string>(StringComparer.Ordinal) { DefaultRuntimeSecretName };

    /// <summary>Gets the runtimes whose requirements apply; each token is inspected once and judged for each. Empty means the defaults.</summary>
    public IList<string> Runtimes { get; } = [];

    /// <summary>
    /// Gets or sets the access a token needs to a repository it serves through a <c>repository</c> or
    /// <c>repo-creds</c> secret. Argo CD only reads with them; <see cref="RepositoryAccess.ReadWrite"/> also demands the
    /// push access the seed asks of the tokens a runtime commits with. Write secrets always need read and write.
    /// </summary>
    /// <value>The default is <see cref="RepositoryAccess.Read"/>.</value>
    public RepositoryAccess ReadSecretAccess { get; set; } = RepositoryAccess.Read;

    /// <summary>
    /// Gets repository URLs that Applications use without a repository secret of their own (their
    /// <c>spec.source.repoURL</c>); each is resolved through the templates as Argo CD would.
    /// </summary>
    public IList<string> AdditionalRepositoryUrls { get; } = [];
}
