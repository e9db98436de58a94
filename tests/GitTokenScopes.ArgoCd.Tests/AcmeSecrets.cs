// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text;

namespace GitTokenScopes.ArgoCd.Tests;

/// <summary>
/// A realistic Argo CD namespace as <c>kubectl get secrets -n argocd -l argocd.argoproj.io/secret-type -o yaml</c>
/// prints it (plus manifests' stringData): a runtime template, overlapping and tied templates, repositories with and
/// without their own credential, a project-scoped one, every credential kind, write secrets, a Helm repository.
/// </summary>
internal static class AcmeSecrets
{
    public static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    public static string Yaml(AcmeTokens t) => $"""
        apiVersion: v1
        kind: List
        metadata:
          resourceVersion: ""
        items:
        - apiVersion: v1
          kind: Secret
          metadata:
            name: runtime-repo-creds-secret
            namespace: argocd
            labels:
              argocd.argoproj.io/secret-type: repo-creds
              app.kubernetes.io/part-of: argocd
          type: Opaque
          data:
            url: {B64("https://github.com/acme/")}
            username: {B64("acme-bot")}
            password: {B64(t.Runtime)}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: github-acme-platform
            namespace: argocd
            labels:
              argocd.argoproj.io/secret-type: repo-creds
          stringData:
            url: https://github.com/acme/platform
            password: {t.Platform}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: gitlab-team-a
            labels:
              argocd.argoproj.io/secret-type: repo-creds
          stringData:
            url: https://gitlab.com/team/
            username: oauth2
            password: {t.GitLabA}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: gitlab-team-b
            labels:
              argocd.argoproj.io/secret-type: repo-creds
          stringData:
            url: https://GitLab.com/team/
            username: oauth2
            password: {t.GitLabB}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: ssh-acme
            labels:
              argocd.argoproj.io/secret-type: repo-creds
          stringData:
            url: git@github.com:acme
            sshPrivateKey: |
              {AcmeTokens.SshKey.Replace("\n", "\n      ", StringComparison.Ordinal)}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: github-app-acme-infra
            labels:
              argocd.argoproj.io/secret-type: repo-creds
          data:
            url: {B64("https://github.com/acme-infra/")}
            githubAppID: {B64("123456")}
            githubAppInstallationID: {B64("7654321")}
            githubAppPrivateKey: {B64(AcmeTokens.AppKey)}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-gitops-config
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            type: git
            url: https://github.com/acme/gitops-config.git
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-payments
            labels:
              argocd.argoproj.io/secret-type: repository
          data:
            url: {B64("https://github.com/acme/payments")}
            username: {B64("jane")}
            password: {B64("stale-value-overridden-by-stringData")}
          stringData:
            password: {t.Jane}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-payments-team-x
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://github.com/acme/payments
            project: team-x
            password: {t.TeamX}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-platform-tools
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://github.com/acme/platform-tools
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-team-app
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://gitlab.com/team/app.git
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-legacy
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: git@github.com:acme/legacy.git
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-infra
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://github.com/acme-infra/cluster
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-gcp
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://source.developers.google.com/p/acme/r/config
            gcpServiceAccountKey: '{AcmeTokens.GcpKey}'
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-azure
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://dev.azure.com/acme/platform/_git/app
            useAzureWorkloadIdentity: "true"
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-deploy-bitbucket
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://bitbucket.org/acme/deploy.git
            password: {t.Bitbucket}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-example-apps
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            url: https://github.com/argoproj/argocd-example-apps
        - apiVersion: v1
          kind: Secret
          metadata:
            name: repo-charts
            labels:
              argocd.argoproj.io/secret-type: repository
          stringData:
            type: helm
            name: charts
            url: https://charts.example.com
        - apiVersion: v1
          kind: Secret
          metadata:
            name: write-gitops-config
            labels:
              argocd.argoproj.io/secret-type: repository-write
          stringData:
            url: https://github.com/acme/gitops-config
        - apiVersion: v1
          kind: Secret
          metadata:
            name: write-creds-acme
            labels:
              argocd.argoproj.io/secret-type: repo-write-creds
          stringData:
            url: https://github.com/acme/
            password: {t.Write}
        - apiVersion: v1
          kind: Secret
          metadata:
            name: argocd-secret
            labels:
              app.kubernetes.io/part-of: argocd
          data:
            server.secretkey: {B64("server-secret-key-not-an-argocd-repository")}
        """;
}
