// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.ArgoCd;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;

namespace GitTokenScopes.Cli.ArgoCd;

/// <summary>
/// Lists Argo CD's repository secrets from a live cluster with the user's kubeconfig: one read-only
/// <c>GET /api/v1/namespaces/NS/secrets?labelSelector=argocd.argoproj.io/secret-type</c>, nothing written.
/// </summary>
internal static class ClusterSecrets
{
    /// <summary>The namespace Argo CD is installed in unless told otherwise.</summary>
    public const string DefaultNamespace = "argocd";

    /// <summary>The kubeconfig to read: the option, else the first path in KUBECONFIG, else ~/.kube/config.</summary>
    public static string KubeconfigPath(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        var fromEnvironment = environment("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return fromEnvironment ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
    }

    /// <summary>Lists the secrets; a kubeconfig that cannot be used is a <see cref="UsageException"/>, an API that refuses a <see cref="ClusterException"/>.</summary>
    public static async Task<IReadOnlyList<ArgoCdSecret>> ListAsync(string kubeconfig, string? context, string ns, CancellationToken cancellationToken)
    {
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig, currentContext: context);
        }
        catch (Exception exception) when (exception is KubeConfigException or IOException or UnauthorizedAccessException or ArgumentException or FormatException)
        {
            // The client's messages name the file, the context or the missing entry; a kubeconfig's credentials are not quoted.
            throw new UsageException($"--kubeconfig: cannot use '{kubeconfig}': {FirstLine(exception.Message)}", exception);
        }

        using var client = new Kubernetes(configuration);
        try
        {
            var list = await client.CoreV1.ListNamespacedSecretAsync(ns, labelSelector: ArgoCdSecret.SecretTypeLabel, cancellationToken: cancellationToken).ConfigureAwait(false);
            return [.. (list.Items ?? []).Select(s => new ArgoCdSecret(s.Metadata?.Name ?? "(unnamed)", s.Metadata?.Labels, s.Data, s.StringData))];
        }
        catch (HttpOperationException exception)
        {
            // The status only: an API server's error body is its own business.
            throw new ClusterException($"the API server answered {(int)exception.Response.StatusCode} {exception.Response.StatusCode} to listing secrets in namespace '{ns}' (the audit needs 'list secrets' there)", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new ClusterException($"cannot reach the API server at {configuration.Host}: {FirstLine(exception.Message)}", exception);
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
