// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using GitTokenScopes.ArgoCd;

namespace GitTokenScopes.Cli.ArgoCd;

/// <summary>The <c>audit</c> options that audit an Argo CD configuration instead of a manifest of tokens.</summary>
internal sealed class ArgoCdOptions
{
    /// <summary>Gets <c>--argocd-secrets FILE</c> (<c>-</c> for standard input).</summary>
    public Option<string> SecretsFile { get; } = new("--argocd-secrets")
    {
        Description = "Argo CD's repository secrets as 'kubectl get secrets -n argocd -l argocd.argoproj.io/secret-type -o yaml' (or -o json) prints them; - reads standard input.",
    };

    /// <summary>Gets <c>--kubeconfig PATH</c>.</summary>
    public Option<string> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Read the secrets from a live cluster with this kubeconfig (read-only: one list of secrets); default: KUBECONFIG, then ~/.kube/config.",
    };

    /// <summary>Gets <c>--context NAME</c>.</summary>
    public Option<string> Context { get; } = new("--context") { Description = "The kubeconfig context to use (default: its current context)." };

    /// <summary>Gets <c>--namespace NS</c>.</summary>
    public Option<string> Namespace { get; } = new("--namespace", "-n") { Description = $"The namespace Argo CD runs in (default: {ClusterSecrets.DefaultNamespace})." };

    /// <summary>Gets <c>--git-host</c>.</summary>
    public Option<string[]> GitHosts { get; } = new(GitHostSpec.Option)
    {
        Description = "HOST=PROVIDER[,server=URL][,api=URL]: the provider of a self-hosted repository host (github.com, gitlab.com and bitbucket.org are known). Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Gets <c>--runtime</c>.</summary>
    public Option<string[]> Runtimes { get; } = new("--runtime") { Description = "A runtime whose requirements apply; each token is inspected once and judged for each. Repeatable." };

    /// <summary>Gets <c>--runtime-secret</c>.</summary>
    public Option<string[]> RuntimeSecrets { get; } = new("--runtime-secret")
    {
        Description = $"A secret whose token is the Runtime token (default: {ArgoCdAuditOptions.DefaultRuntimeSecretName}); every other token is a User token. Repeatable.",
    };

    /// <summary>Gets <c>--repo-url</c>.</summary>
    public Option<string[]> RepositoryUrls { get; } = new("--repo-url")
    {
        Description = "A repository URL Applications use without a repository secret of its own; resolved through the templates. Repeatable.",
    };

    /// <summary>Gets <c>--read-access</c>.</summary>
    public Option<string> ReadAccess { get; } = new("--read-access")
    {
        Description = "The access repository and repo-creds secrets need: read (what Argo CD does) or read-write (also push). Write secrets always need read-write.",
        DefaultValueFactory = _ => "read",
    };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ReadAccess.AcceptOnlyFromAmong("read", "read-write");
        foreach (var option in new Option[] { SecretsFile, Kubeconfig, Context, Namespace, GitHosts, Runtimes, RuntimeSecrets, RepositoryUrls, ReadAccess })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether the command line asks for an Argo CD audit (a secrets file, or a cluster).</summary>
    public bool IsUsed(ParseResult parseResult)
        => parseResult.GetResult(SecretsFile) is not null || parseResult.GetResult(Kubeconfig) is not null
            || parseResult.GetResult(Namespace) is not null || parseResult.GetResult(Context) is not null;

    /// <summary>The library's options from the command line, or a <see cref="UsageException"/> listing every bad value.</summary>
    public ArgoCdAuditOptions ToAuditOptions(ParseResult parseResult)
    {
        var options = new ArgoCdAuditOptions
        {
            ReadSecretAccess = parseResult.GetValue(ReadAccess) == "read-write" ? RepositoryAccess.ReadWrite : RepositoryAccess.Read,
        };
        var errors = new List<string>();
        foreach (var value in parseResult.GetValue(GitHosts) ?? [])
        {
            try
            {
                var (host, server) = GitHostSpec.Parse(value);
                options.Servers[host] = server;
            }
            catch (UsageException exception)
            {
                errors.AddRange(exception.Errors);
            }
        }

        foreach (var runtime in parseResult.GetValue(Runtimes) ?? [])
        {
            options.Runtimes.Add(runtime);
        }

        if (parseResult.GetValue(RuntimeSecrets) is { Length: > 0 } runtimeSecrets)
        {
            options.RuntimeSecretNames.Clear();
            options.RuntimeSecretNames.UnionWith(runtimeSecrets);
        }

        foreach (var url in parseResult.GetValue(RepositoryUrls) ?? [])
        {
            options.AdditionalRepositoryUrls.Add(url);
        }

        return errors.Count > 0 ? throw new UsageException(errors) : options;
    }
}
