// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.ArgoCd.Internal;

namespace GitTokenScopes.ArgoCd;

/// <summary>
/// Decides, for every repository an Argo CD configuration names, which credential Argo CD uses, exactly as Argo CD
/// does, and reports what is worth knowing about the configuration. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// The rules, from Argo CD's util/db (repository_secrets.go, repository.go) and util/git/git.go: URLs are compared
/// normalized (<c>NormalizeGitURL</c>); an application uses the first repository secret with its URL and the
/// application's project, else a secret without a project (the last listed); a repository whose secret carries no
/// credential of its own (<c>HasCredentials</c>) takes the template whose normalized URL is the longest plain string
/// prefix of its own, the first listed on a tie (<c>getRepositoryCredentialIndex</c>), copying every field it lacks
/// (<c>CopyCredentialsFrom</c>). Reading (<c>repository</c>, <c>repo-creds</c>) and writing (<c>repository-write</c>,
/// <c>repo-write-creds</c>) are resolved apart. "First listed" follows the input's order, which for a live cluster
/// is the API server's, an order Kubernetes does not promise: ties are therefore findings.
/// </remarks>
public static class ArgoCdResolver
{
    private static readonly Dictionary<string, GitProvider> CloudHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["github.com"] = GitProvider.GitHub,
        ["www.github.com"] = GitProvider.GitHub,
        ["gitlab.com"] = GitProvider.GitLab,
        ["bitbucket.org"] = GitProvider.BitbucketCloud,
    };

    /// <summary>Resolves the credential of every repository the secrets name.</summary>
    /// <param name="secrets">Argo CD's secrets, in the order the API server lists them; secrets of other roles are ignored.</param>
    /// <param name="options">Host mappings and further repositories; <see langword="null"/> for the defaults.</param>
    /// <returns>The rows and the findings.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="secrets"/> or one of them is <see langword="null"/>.</exception>
    public static ArgoCdResolution Resolve(IEnumerable<ArgoCdSecret> secrets, ArgoCdAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        options ??= new ArgoCdAuditOptions();
        var findings = new List<ArgoCdFinding>();
        var usable = new List<ArgoCdSecret>();
        var count = 0;
        foreach (var secret in secrets)
        {
            ArgumentNullException.ThrowIfNull(secret, nameof(secrets));
            if (secret.Type is null)
            {
                continue;
            }

            count++;
            if (secret.Url is null)
            {
                findings.Add(new(ArgoCdFindingCode.InvalidSecret, WarningSeverity.Warning, $"{secret} has no url: Argo CD matches it to nothing.", [secret.Name]));
            }
            else if (GitUrl.HasSecretUserInfo(secret.Url))
            {
                findings.Add(new(ArgoCdFindingCode.InvalidSecret, WarningSeverity.Warning,
                    $"{secret} has a url with user information (a credential inside the URL, not shown): move it to username and password. The secret is not audited.", [secret.Name]));
            }
            else
            {
                usable.Add(secret);
            }
        }

        var rows = new List<ArgoCdRepositoryAssignment>();
        var resolver = new Run(options, findings, rows);
        resolver.Resolve(usable, ArgoCdSecretType.Repository, ArgoCdSecretType.RepoCreds, options.AdditionalRepositoryUrls);
        resolver.Resolve(usable, ArgoCdSecretType.RepositoryWrite, ArgoCdSecretType.RepoWriteCreds, []);
        return new ArgoCdResolution(rows, findings, count);
    }

    /// <summary>The provider and server of a repository host: the options' mapping, else the public clouds, else <c>*.ghe.com</c> (GitHub Enterprise Cloud).</summary>
    internal static ArgoCdGitServer? ServerFor(string scheme, string host, ArgoCdAuditOptions options)
    {
        var bare = host.Split(':')[0];
        if (options.Servers.TryGetValue(host, out var mapped) || options.Servers.TryGetValue(bare, out mapped))
        {
            // A mapping without an address is the instance at the repository's own host.
            return mapped.ServerUrl is null && mapped.ApiUrl is null && !CloudHosts.ContainsKey(bare)
                ? new ArgoCdGitServer(mapped.Provider, new Uri($"{(scheme == "http" ? "http" : "https")}://{(scheme is "http" or "https" ? host : bare)}/"))
                : mapped;
        }

        if (CloudHosts.TryGetValue(bare, out var provider))
        {
            return new ArgoCdGitServer(provider);
        }

        return bare.EndsWith(".ghe.com", StringComparison.OrdinalIgnoreCase) ? new ArgoCdGitServer(GitProvider.GitHub, new Uri($"https://{bare}/")) : null;
    }

    /// <summary>The repository's full name at its provider, from the clone URL's path (Bitbucket Server's <c>scm/</c> removed).</summary>
    internal static string? RepositoryNameFor(string path, GitProvider? provider)
    {
        var name = path.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path;
        if (provider == GitProvider.BitbucketServer && name.StartsWith("scm/", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..];
        }

        try
        {
            return name.Length == 0 ? null : new RepositoryRequest(name).Name;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>One resolution: the shared state of the read and the write pass.</summary>
    private sealed class Run(ArgoCdAuditOptions options, List<ArgoCdFinding> findings, List<ArgoCdRepositoryAssignment> rows)
    {
        private readonly HashSet<string> _reportedProblems = new(StringComparer.Ordinal);
        private readonly HashSet<(ArgoCdFindingCode, string)> _reportedSecrets = [];

        public void Resolve(List<ArgoCdSecret> all, ArgoCdSecretType repositoryType, ArgoCdSecretType templateType, IEnumerable<string> extraUrls)
        {
            var isWrite = repositoryType == ArgoCdSecretType.RepositoryWrite;
            var repositories = all.Where(s => s.Type == repositoryType).ToList();
            var templates = all.Where(s => s.Type == templateType).ToList();
            var usedTemplates = new HashSet<ArgoCdSecret>();
            var overBroad = new HashSet<ArgoCdSecret>();

            // One row per distinct (repository, project) in list order; further repositories resolve as project-less.
            var keys = new List<(string Url, string Project)>();
            foreach (var secret in repositories)
            {
                var key = (GitUrl.Normalize(secret.Url), secret.Project ?? string.Empty);
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }

            foreach (var url in extraUrls.Where(u => !string.IsNullOrWhiteSpace(u)))
            {
                var key = (GitUrl.Normalize(url), string.Empty);
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }

            foreach (var (normalized, project) in keys)
            {
                // getRepositorySecret: an application's project takes the first secret of that project; any other
                // project (every application has one, "default" at least) falls back to a secret without a project,
                // and the fallback keeps the last it meets.
                var sameUrl = repositories.Where(s => GitUrl.Same(s.Url, normalized)).ToList();
                var chosen = project.Length > 0
                    ? sameUrl.FirstOrDefault(s => s.Project == project)
                    : sameUrl.LastOrDefault(s => s.Project is null);
                var shownUrl = GitUrl.Display(chosen?.Url ?? options.AdditionalRepositoryUrls.First(u => GitUrl.Normalize(u) == normalized));
                ReportDuplicates(sameUrl, chosen, project, shownUrl);
                var row = ResolveOne(shownUrl, normalized, project.Length == 0 ? null : project, isWrite, chosen, templates, usedTemplates, overBroad);
                rows.Add(row);
                if (project.Length > 0)
                {
                    ReportProjectScope(row, sameUrl, templates, isWrite);
                }
            }

            ReportTemplateShapes(templates, overBroad, isWrite);
            foreach (var template in templates.Where(t => !usedTemplates.Contains(t)))
            {
                var fields = CredentialFields.From(template);
                ReportProblems(fields);
                var credential = fields.ToCredential();
                var shown = GitUrl.Display(template.Url!);
                findings.Add(new(ArgoCdFindingCode.UnusedTemplate, WarningSeverity.Info,
                    $"Template '{template.Name}' ({shown}) serves none of the listed repositories{(credential.IsCheckable ? "; its token is validated without repositories" : string.Empty)}.", [template.Name]));
                rows.Add(Row(shown, GitUrl.Normalize(template.Url), null, isWrite, null, template.Name, credential, isTemplateOnly: true));
            }
        }

        private ArgoCdRepositoryAssignment ResolveOne(
            string shownUrl, string normalized, string? project, bool isWrite, ArgoCdSecret? chosen,
            List<ArgoCdSecret> templates, HashSet<ArgoCdSecret> usedTemplates, HashSet<ArgoCdSecret> overBroad)
        {
            var fields = CredentialFields.From(chosen);
            ReportProblems(fields);
            ArgoCdSecret? template = null;
            if (!fields.HasCredentials)
            {
                template = BestTemplate(normalized, templates, shownUrl, isWrite);
                if (template is not null)
                {
                    usedTemplates.Add(template);
                    var templateFields = CredentialFields.From(template);
                    ReportProblems(templateFields);
                    fields.CopyFrom(templateFields);
                    var prefix = GitUrl.Normalize(template.Url);
                    if (normalized.Length > prefix.Length && !prefix.EndsWith('/') && normalized[prefix.Length] != '/')
                    {
                        overBroad.Add(template);
                        findings.Add(new(ArgoCdFindingCode.OverBroadTemplate, WarningSeverity.Warning,
                            $"Template '{template.Name}' ({GitUrl.Display(template.Url!)}) also serves {shownUrl}: Argo CD matches a plain string prefix, not a path. End the template's URL with '/' if that repository is not meant.",
                            [template.Name]));
                    }
                }
            }

            var credential = fields.ToCredential();
            if (credential.Kind == ArgoCdCredentialKind.None)
            {
                var why = fields.WhyNone() ?? (template is null && chosen is not null ? $"'{chosen.Name}' has no credential and no template matches" : "no template matches");
                findings.Add(new(ArgoCdFindingCode.NoCredential, WarningSeverity.Info,
                    $"Argo CD {(isWrite ? "pushes to" : "clones")} {shownUrl}{ProjectText(project)} without a credential: {why}. Fine for a public repository.",
                    chosen is null ? [] : [chosen.Name]));
            }

            var typeKey = chosen?.Get("type")?.Trim().ToLowerInvariant();
            if (typeKey is not null and not "git")
            {
                findings.Add(new(ArgoCdFindingCode.NotGit, WarningSeverity.Info,
                    $"'{chosen!.Name}' is a {typeKey} repository ({shownUrl}); its credential is not a Git token and is not validated.", [chosen.Name]));
                return new ArgoCdRepositoryAssignment(shownUrl, normalized, project, isWrite, chosen.Name, template?.Name, credential, null, null, null);
            }

            return Row(shownUrl, normalized, project, isWrite, chosen?.Name, template?.Name, credential);
        }

        private ArgoCdRepositoryAssignment Row(
            string shownUrl, string normalized, string? project, bool isWrite, string? repositorySecret, string? templateSecret, ArgoCdCredential credential, bool isTemplateOnly = false)
        {
            var location = GitUrl.Locate(shownUrl);
            var server = location is { } at ? ServerFor(at.Scheme, at.Host, options) : null;
            var name = location is { } where && !isTemplateOnly ? RepositoryNameFor(where.Path, server?.Provider) : null;
            if (location is not null && server is null && credential.IsCheckable && _reportedSecrets.Add((ArgoCdFindingCode.UnknownProvider, location.Value.Host)))
            {
                findings.Add(new(ArgoCdFindingCode.UnknownProvider, WarningSeverity.Warning,
                    $"{location.Value.Host} ({shownUrl}) is not a known provider, so the token of '{credential.SecretName}' is not validated for it: map the host to its provider.",
                    [credential.SecretName!]));
            }
            else if (server is not null && name is null && !isTemplateOnly)
            {
                findings.Add(new(ArgoCdFindingCode.InvalidSecret, WarningSeverity.Warning,
                    $"{shownUrl} names no owner/repository path, so its access is not checked.", repositorySecret is null ? [] : [repositorySecret]));
            }

            if (credential.UsernameDefaulted && server is not null && _reportedSecrets.Add((ArgoCdFindingCode.DefaultUsername, credential.SecretName!)))
            {
                var bitbucket = server.Provider is GitProvider.BitbucketCloud;
                findings.Add(new(ArgoCdFindingCode.DefaultUsername, bitbucket ? WarningSeverity.Warning : WarningSeverity.Info,
                    $"'{credential.SecretName}' has a password but no username: Argo CD sends '{ArgoCdCredential.DefaultUsername}' for {shownUrl}"
                    + (bitbucket ? ", which Bitbucket Cloud refuses; set username." : ", which works with a token."),
                    [credential.SecretName!]));
            }

            if (credential.Kind is not ArgoCdCredentialKind.None and not ArgoCdCredentialKind.Password and not ArgoCdCredentialKind.BearerToken
                && _reportedSecrets.Add((ArgoCdFindingCode.UncheckableCredential, credential.SecretName!)))
            {
                findings.Add(new(ArgoCdFindingCode.UncheckableCredential, WarningSeverity.Info,
                    $"{credential} (first used for {shownUrl}{ProjectText(project)}) cannot be checked by the library: confirm at the provider what it may do.",
                    [credential.SecretName!]));
            }

            return new ArgoCdRepositoryAssignment(shownUrl, normalized, project, isWrite, repositorySecret, templateSecret, credential, location?.Host, server, name, isTemplateOnly);
        }

        // getRepositoryCredentialIndex: the longest normalized template URL that is a string prefix; the first on a tie.
        private ArgoCdSecret? BestTemplate(string normalized, List<ArgoCdSecret> templates, string shownUrl, bool isWrite)
        {
            ArgoCdSecret? best = null;
            var longest = 0;
            var tied = new List<ArgoCdSecret>();
            foreach (var template in templates)
            {
                var prefix = GitUrl.Normalize(template.Url);
                if (prefix.Length == 0 || !normalized.StartsWith(prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                if (prefix.Length > longest)
                {
                    (best, longest) = (template, prefix.Length);
                    tied.Clear();
                }
                else if (prefix.Length == longest)
                {
                    tied.Add(template);
                }
            }

            if (best is not null && tied.Count > 0)
            {
                var names = tied.Prepend(best).Select(t => t.Name).ToArray();
                findings.Add(new(ArgoCdFindingCode.AmbiguousTemplate, WarningSeverity.Warning,
                    $"{(isWrite ? "Write templates" : "Templates")} {string.Join(", ", names.Select(n => $"'{n}'"))} share the URL {GitUrl.Display(best.Url!)}; for {shownUrl} Argo CD takes the first it lists ('{best.Name}' here), an order Kubernetes does not promise. Keep one.",
                    names));
            }

            return best;
        }

        private void ReportDuplicates(List<ArgoCdSecret> sameUrl, ArgoCdSecret? chosen, string project, string shownUrl)
        {
            var twins = sameUrl.Where(s => (s.Project ?? string.Empty) == project).ToArray();
            if (twins.Length > 1)
            {
                var which = project.Length > 0 ? "the first it lists" : "the last it lists (its API asked without a project, the first)";
                findings.Add(new(ArgoCdFindingCode.DuplicateRepository, WarningSeverity.Warning,
                    $"Repository secrets {string.Join(", ", twins.Select(t => $"'{t.Name}'"))} all name {shownUrl}{ProjectText(project.Length == 0 ? null : project)}; Argo CD's applications use {which}: '{chosen!.Name}' here, in an order Kubernetes does not promise. Keep one.",
                    twins.Select(t => t.Name)));
            }
        }

        private void ReportProjectScope(ArgoCdRepositoryAssignment row, List<ArgoCdSecret> sameUrl, List<ArgoCdSecret> templates, bool isWrite)
        {
            // Other projects fall back to a project-less secret (getRepositorySecret's fallback), else to the templates.
            var global = sameUrl.LastOrDefault(s => s.Project is null);
            var fallback = global is not null
                ? $"repository secret '{global.Name}'"
                : BestTemplateQuiet(row.NormalizedUrl, templates) is { } template ? $"template '{template.Name}'" : "no credential";
            findings.Add(new(ArgoCdFindingCode.ProjectScopedRepository, WarningSeverity.Info,
                $"'{row.RepositorySecretName}' serves {row.Url} only to applications of project {row.Project}{(isWrite ? " (write)" : string.Empty)}; other projects use {fallback}.",
                [row.RepositorySecretName!]));
        }

        private static ArgoCdSecret? BestTemplateQuiet(string normalized, List<ArgoCdSecret> templates)
            => templates
                .Select((t, i) => (Template: t, Prefix: GitUrl.Normalize(t.Url), Index: i))
                .Where(t => t.Prefix.Length > 0 && normalized.StartsWith(t.Prefix, StringComparison.Ordinal))
                .OrderByDescending(t => t.Prefix.Length).ThenBy(t => t.Index)
                .Select(t => t.Template).FirstOrDefault();

        // A template URL without a trailing '/' matches every URL that merely starts with it; said once per template.
        private void ReportTemplateShapes(List<ArgoCdSecret> templates, HashSet<ArgoCdSecret> overBroad, bool isWrite)
        {
            foreach (var template in templates.Where(t => !overBroad.Contains(t)))
            {
                var prefix = GitUrl.Normalize(template.Url);
                var location = GitUrl.Locate(template.Url!);
                if (prefix.EndsWith('/') || location is null || location.Value.Path.Length == 0)
                {
                    continue;
                }

                findings.Add(new(ArgoCdFindingCode.OverBroadTemplate, WarningSeverity.Info,
                    $"{(isWrite ? "Write template" : "Template")} '{template.Name}' ({GitUrl.Display(template.Url!)}) has no trailing '/': it also serves any repository whose URL merely starts with it ({GitUrl.Display(template.Url!).TrimEnd('/')}-other/…).",
                    [template.Name]));
            }
        }

        private void ReportProblems(CredentialFields fields)
        {
            foreach (var problem in fields.Problems.Where(_reportedProblems.Add))
            {
                findings.Add(new(ArgoCdFindingCode.InvalidSecret, WarningSeverity.Warning, problem + ".", []));
            }
        }

        private static string ProjectText(string? project) => project is null ? string.Empty : $" for project {project}";
    }
}
