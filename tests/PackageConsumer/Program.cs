// Licensed under the MIT License. See LICENSE in the repository root.

// A stranger's program: packages by version, the fake GitHub from GitTokenScopes.Testing, the public API only.
// Usage: PackageConsumer <folder with the .nupkg and .snupkg files> <version>
using System.IO.Compression;
using System.Xml.Linq;
using GitTokenScopes;
using GitTokenScopes.ArgoCd;
using GitTokenScopes.Testing;
using Microsoft.Extensions.DependencyInjection;

var failures = new List<string>();
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: PackageConsumer <package folder> <version>");
    return 64;
}

var folder = args[0];
var version = args[1];

// 1. The packages' metadata, as a consumer (and nuget.org) reads it.
foreach (var id in new[] { "GitTokenScopes", "GitTokenScopes.Testing", "GitTokenScopes.ArgoCd" })
{
    var path = Path.Combine(folder, $"{id}.{version}.nupkg");
    Check(File.Exists(path), $"{id}: package exists");
    if (!File.Exists(path))
    {
        continue;
    }

    using var package = ZipFile.OpenRead(path);
    var nuspec = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open());
    var ns = nuspec.Root!.Name.Namespace;
    var metadata = nuspec.Root.Element(ns + "metadata")!;
    string? Value(string name) => metadata.Element(ns + name)?.Value;
    Check(Value("id") == id && Value("version") == version, $"{id}: id and version");
    Check(!string.IsNullOrWhiteSpace(Value("authors")), $"{id}: authors");
    Check(Value("description") is { Length: > 40 }, $"{id}: description");
    Check(Value("tags")?.Contains("token", StringComparison.Ordinal) == true, $"{id}: tags");
    Check(metadata.Element(ns + "license")?.Attribute("type")?.Value == "expression" && Value("license") == "MIT", $"{id}: MIT license expression");
    Check(Value("projectUrl")?.StartsWith("https://", StringComparison.Ordinal) == true, $"{id}: project URL");
    Check(metadata.Element(ns + "repository")?.Attribute("url")?.Value.StartsWith("https://", StringComparison.Ordinal) == true
        && metadata.Element(ns + "repository")?.Attribute("commit")?.Value.Length == 40, $"{id}: repository URL and commit (SourceLink)");
    Check(Value("releaseNotes")?.Contains("CHANGELOG.md", StringComparison.Ordinal) == true, $"{id}: release notes point to CHANGELOG.md");
    Check(Value("readme") == "README.md" && package.GetEntry("README.md") is not null, $"{id}: packed README");
    Check(package.GetEntry($"lib/net10.0/{id}.dll") is not null && package.GetEntry($"lib/net10.0/{id}.xml") is not null, $"{id}: assembly and XML docs");
    var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToArray();
    var leaked = dependencies.Where(d => d.Contains("xunit", StringComparison.OrdinalIgnoreCase)
        || d.Contains("FluentAssertions", StringComparison.OrdinalIgnoreCase)
        || d.Contains("Test.Sdk", StringComparison.OrdinalIgnoreCase)
        || d.Contains("Analyzers", StringComparison.OrdinalIgnoreCase)
        || d.Contains("BenchmarkDotNet", StringComparison.OrdinalIgnoreCase)).ToArray();
    Check(leaked.Length == 0, $"{id}: no test or analyzer dependencies ({string.Join(", ", dependencies)})");

    if (id == "GitTokenScopes")
    {
        // The report's JSON Schema, beside the assembly for tools without .NET, and the same text as the API's.
        var entry = package.GetEntry("schemas/token-validation-report.schema.json");
        using var reader = entry is null ? null : new StreamReader(entry.Open());
        Check(reader?.ReadToEnd() == TokenValidationReport.JsonSchema, $"{id}: schemas/token-validation-report.schema.json, the text of TokenValidationReport.JsonSchema");
    }

    var symbols = Path.Combine(folder, $"{id}.{version}.snupkg");
    using (var snupkg = File.Exists(symbols) ? ZipFile.OpenRead(symbols) : null)
    {
        Check(snupkg?.GetEntry($"lib/net10.0/{id}.pdb") is not null, $"{id}: symbols package with the PDB");
    }
}

// 2. The library as a consumer wires it: DI, the GitHub inspector, the fake GitHub, a verdict.
using var github = FakeGitHubServer.Start(new FakeGitHubServerOptions());
var good = github.AddToken(FakeGitHubToken.Classic("repo", "admin:repo_hook"));
var lacking = github.AddToken(FakeGitHubToken.Classic("repo"));
var services = new ServiceCollection();
services.AddLogging();
services.AddGitTokenScopes().AddGitHub();
await using var provider = services.BuildServiceProvider();
var validator = provider.GetRequiredService<ITokenValidator>();

var pass = await validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitHub, good.Value, apiUrl: github.ApiUrl), TokenKind.Runtime));
var fail = await validator.ValidateAsync(new TokenValidationRequest(new GitCredential(GitProvider.GitHub, lacking.Value, apiUrl: github.ApiUrl), TokenKind.Runtime));
Console.WriteLine(pass);
Console.WriteLine(fail);
Check(pass.Verdict == ValidationVerdict.Pass, "a token with repo and admin:repo_hook passes");
Check(fail.Verdict == ValidationVerdict.Fail && fail.MissingScopes.SequenceEqual(["admin:repo_hook"]), "a token without admin:repo_hook fails, naming it");
Check(!fail.ToJson().Contains(lacking.Value, StringComparison.Ordinal), "the report's JSON does not contain the token");

// 3. The Argo CD package: a credential template read from kubectl's YAML serves the repository it prefixes.
const string Secrets = """
    apiVersion: v1
    kind: Secret
    metadata:
      name: acme-creds
      labels:
        argocd.argoproj.io/secret-type: repo-creds
    stringData:
      url: https://github.com/acme/
      password: not-a-real-token
    ---
    apiVersion: v1
    kind: Secret
    metadata:
      name: acme-config
      labels:
        argocd.argoproj.io/secret-type: repository
    stringData:
      url: https://github.com/acme/config.git
    """;
var resolution = ArgoCdResolver.Resolve(ArgoCdSecretReader.Read(Secrets));
var assignment = resolution.Assignments.SingleOrDefault(a => a.RepositorySecretName == "acme-config");
Check(assignment?.TemplateSecretName == "acme-creds", "GitTokenScopes.ArgoCd: the repository without its own credential uses the template with the longest prefix");
Check(!resolution.Assignments.Any(a => a.ToString().Contains("not-a-real-token", StringComparison.Ordinal)), "GitTokenScopes.ArgoCd: no secret value in what it resolved");

Console.WriteLine(failures.Count == 0 ? "Package consumption: all checks passed." : $"Package consumption: {failures.Count} check(s) failed.");
return failures.Count == 0 ? 0 : 1;
