// Licensed under the MIT License. See LICENSE in the repository root.

using System.CommandLine;
using GitTokenScopes.Cli.Files;
using GitTokenScopes.Cli.Output;
using GitTokenScopes.Cli.Validation;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace GitTokenScopes.Cli.Commands;

/// <summary>
/// <c>preflight</c>: reads a GitOps runtime's Helm values file and validates the Runtime token the chart would use,
/// under the values' own skip flags, before <c>helm install</c> finds out the hard way.
/// </summary>
internal static class PreflightCommand
{
    /// <summary>The command's name.</summary>
    public const string Name = "preflight";

    /// <summary>Creates the command.</summary>
    public static Command Create(CliStreams streams)
    {
        var values = new Option<string>("--values")
        {
            Description = "The runtime's Helm values file (installer.skipValidation, app-proxy.config.skipGitPermissionValidation, global.runtime.gitCredentials).",
            Required = true,
        };
        var credential = new CredentialOptions();
        credential.TokenEnv.Description = "The environment variable that holds the token; needed when the values file holds a secretKeyRef rather than the token.";
        var repositories = new Option<string[]>("--repository")
        {
            Description = "A repository to check, NAME (read and write) or NAME:read. Repeat for several.",
            DefaultValueFactory = _ => [],
        };
        var runtime = new Option<string?>("--runtime") { Description = "The runtime whose requirements apply. Default: global.runtime.name." };
        var edition = CheckCommand.EditionOption();
        var format = CheckCommand.FormatOption();
        var timeout = RunTimeout.CreateOption();

        var command = new Command(Name, "Read a runtime's Helm values file and validate the Runtime token the chart would use, with its skip flags.");
        command.Options.Add(values);
        credential.AddTo(command);
        command.Options.Add(repositories);
        command.Options.Add(runtime);
        command.Options.Add(edition);
        command.Options.Add(format);
        command.Options.Add(timeout);
        command.SetAction((parseResult, cancellationToken) => Usage.Guard(streams, Name, () => RunTimeout.RunAsync(streams, parseResult.GetValue(timeout), async bounded =>
        {
            var helm = HelmValues.Read(parseResult.GetRequiredValue(values), values.Name);
            var provider = credential.GetProvider(parseResult)!.Value;
            if (!credential.HasTokenSource(parseResult))
            {
                RequireLiteralToken(helm);
            }

            var request = new TokenValidationRequest(
                credential.Resolve(parseResult, streams, provider, helm.Password, helm.Username),
                TokenKind.Runtime,
                parseResult.GetValue(runtime) ?? helm.RuntimeName,
                [.. parseResult.GetRequiredValue(repositories).Select(r => RepositorySpec.Parse(r, "--repository"))]);

            // The values' flags reach the validator the way a host's configuration would: through UseSeedSkipFlags.
            await using var host = ValidatorHost.Create(parseResult.GetValue(edition), SeedFlags(helm));
            var report = await host.Validator.ValidateAsync(request, bounded).ConfigureAwait(false);
            var outputFormat = OutputFormats.Parse(parseResult.GetValue(format));
            if (outputFormat == OutputFormat.Table)
            {
                WriteValues(CliConsole.Create(streams.Out), helm, credential.HasTokenSource(parseResult));
            }
            else if (helm.Password is not null && !credential.HasTokenSource(parseResult))
            {
                await streams.Error.WriteLineAsync(PlainTextWarning).ConfigureAwait(false);
            }

            CheckCommand.Print(streams, report, outputFormat);
            return ExitCodes.For(report.Verdict);
        }, cancellationToken)));
        CommandHelp.Add(
            command,
            [
                ("The values file refers to a Kubernetes secret; the same token is in RUNTIME_GIT_TOKEN",
                    "git-token-scopes preflight --values values.yaml --provider github --token-env RUNTIME_GIT_TOKEN"),
                ("The token is in the values file itself; also check the configuration repository, as JSON, within 30 seconds",
                    "git-token-scopes preflight --values values.yaml --provider gitlab --repository acme/gitops-config --format json --timeout 30s"),
            ],
            [ExitCodes.Success, ExitCodes.Fail, ExitCodes.Indeterminate, ExitCodes.Usage, ExitCodes.Cancelled]);
        return command;
    }

    /// <summary>What preflight says when the values file holds the token itself.</summary>
    public const string PlainTextWarning =
        "warning: global.runtime.gitCredentials.password.value holds the token in plain text; prefer a secretKeyRef to a Kubernetes secret.";

    private static void RequireLiteralToken(HelmValues helm)
    {
        if (helm.Password is not null)
        {
            return;
        }

        if (helm.HasSecretReference)
        {
            throw new UsageException(
                $"global.runtime.gitCredentials.password.secretKeyRef points at secret '{helm.SecretName}' key '{helm.SecretKey}', which cannot be read offline; " +
                "pass the token with --token-env NAME or --token-stdin.");
        }

        throw new UsageException("the values file has no Git credentials (global.runtime.gitCredentials.password); pass the token with --token-env NAME or --token-stdin.");
    }

    private static IConfiguration SeedFlags(HelmValues helm)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // Normalized: the values file may say yes/on, as Helm allows; the library's reader takes true or false.
            [GitTokenScopesBuilderExtensions.InstallerSkipValidationKey] = helm.Normalized(HelmValues.SkipValidationPath, helm.SkipValidation),
            [GitTokenScopesBuilderExtensions.AppProxySkipGitPermissionValidationKey] = helm.Normalized(HelmValues.SkipGitPermissionValidationPath, helm.SkipGitPermissionValidation),
        }).Build();

    private static void WriteValues(IAnsiConsole console, HelmValues helm, bool tokenFromOption)
    {
        var source = tokenFromOption ? "from --token-env or --token-stdin (overrides the values file)"
            : helm.HasSecretReference ? "password.value (a secretKeyRef is also set; the literal value wins)"
            : "password.value (plain text in the values file; prefer a secretKeyRef)";
        console.MarkupLine($"[bold]Values:[/] runtime {Markup.Escape(helm.RuntimeName ?? "(unnamed)")} · " +
            $"{HelmValues.SkipValidationPath}={Markup.Escape(helm.SkipValidation ?? "(unset)")} · " +
            $"{HelmValues.SkipGitPermissionValidationPath}={Markup.Escape(helm.SkipGitPermissionValidation ?? "(unset)")}");
        console.MarkupLine($"[bold]Runtime token:[/] {Markup.Escape(source)}");
        if (helm.Flag(HelmValues.SkipGitPermissionValidationPath, helm.SkipGitPermissionValidation) == true)
        {
            console.MarkupLine("[yellow]skipGitPermissionValidation[/]: user tokens' scopes will not be checked; each must still read and write the Shared Configuration Repository and the repositories it uses.");
        }

        console.WriteLine();
    }
}
