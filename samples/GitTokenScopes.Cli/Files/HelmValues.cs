// Licensed under the MIT License. See LICENSE in the repository root.

using System.Text.Json;
using System.Text.Json.Nodes;

namespace GitTokenScopes.Cli.Files;

/// <summary>
/// What <c>preflight</c> reads from a GitOps runtime's Helm values file: the runtime name, the seed's two skip flags,
/// and the Runtime token's Git credentials under <c>global.runtime.gitCredentials</c> (a literal password value or a
/// <c>secretKeyRef</c> to a Kubernetes secret).
/// </summary>
/// <param name="RuntimeName">The value of <c>global.runtime.name</c>, if any.</param>
/// <param name="SkipValidation">The value of <c>installer.skipValidation</c> as written, if any.</param>
/// <param name="SkipGitPermissionValidation">The value of <c>app-proxy.config.skipGitPermissionValidation</c> as written, if any.</param>
/// <param name="Username">The value of <c>global.runtime.gitCredentials.username</c>, if any.</param>
/// <param name="Password">The literal token in <c>global.runtime.gitCredentials.password.value</c>, if any.</param>
/// <param name="SecretName">The secret named by <c>password.secretKeyRef.name</c>, if any.</param>
/// <param name="SecretKey">The key named by <c>password.secretKeyRef.key</c>, if any.</param>
internal sealed record HelmValues(
    string? RuntimeName,
    string? SkipValidation,
    string? SkipGitPermissionValidation,
    string? Username,
    string? Password,
    string? SecretName,
    string? SecretKey)
{
    /// <summary>The path of the installer's flag, as the seed writes it.</summary>
    public const string SkipValidationPath = "installer.skipValidation";

    /// <summary>The path of the app-proxy's flag, as the seed writes it.</summary>
    public const string SkipGitPermissionValidationPath = "app-proxy.config.skipGitPermissionValidation";

    /// <summary>Gets a value indicating whether the password is a reference to a secret rather than a value.</summary>
    public bool HasSecretReference => SecretName is not null || SecretKey is not null;

    /// <summary>Reads a values file, or throws a <see cref="UsageException"/> naming <paramref name="option"/>.</summary>
    public static HelmValues Read(string path, string option)
    {
        var root = StructuredFile.Read(path, option) as JsonObject
            ?? throw new UsageException($"{option}: '{path}' is not a Helm values file (a mapping at the top level).");
        var credentials = Node(root, "global", "runtime", "gitCredentials");
        var values = new HelmValues(
            Scalar(Node(root, "global", "runtime", "name")),
            Scalar(Node(root, "installer", "skipValidation")),
            Scalar(Node(root, "app-proxy", "config", "skipGitPermissionValidation")),
            Scalar(Node(credentials, "username")),
            Blank(Scalar(Node(credentials, "password", "value"))),
            Blank(Scalar(Node(credentials, "password", "secretKeyRef", "name"))),
            Blank(Scalar(Node(credentials, "password", "secretKeyRef", "key"))));
        values.Flag(SkipValidationPath, values.SkipValidation, option);
        values.Flag(SkipGitPermissionValidationPath, values.SkipGitPermissionValidation, option);
        return values;
    }

    /// <summary>
    /// Gets a flag as a boolean: absent is <see langword="null"/>. As Helm reads values (YAML 1.1), <c>true</c>/<c>false</c>,
    /// <c>yes</c>/<c>no</c>, <c>on</c>/<c>off</c> and <c>y</c>/<c>n</c> are booleans, in any case; the chart writes both
    /// <c>true</c> and <c>"true"</c>. Anything else is a usage error naming the key.
    /// </summary>
    public bool? Flag(string path, string? value, string option = "--values")
        => value is null ? null
            : ParseBoolean(value) ?? throw new UsageException(
                $"{option}: {path} must be true or false (or yes/no, on/off, y/n, as Helm reads YAML); found '{value}'.");

    /// <summary>A YAML 1.1 boolean as Helm accepts it (case-insensitive), or <see langword="null"/> for anything else.</summary>
    public static bool? ParseBoolean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "YES" or "ON" or "Y" => true,
            "FALSE" or "NO" or "OFF" or "N" => false,
            _ => null,
        };
    }

    /// <summary>
    /// A flag as the library's configuration reads it (<c>true</c> or <c>false</c>: <c>UseSeedSkipFlags</c> knows no
    /// <c>yes</c>), or <see langword="null"/> when absent. Call after <see cref="Read"/>, which rejected anything else.
    /// </summary>
    public string? Normalized(string path, string? value) => Flag(path, value) switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static JsonNode? Node(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject map && map.TryGetPropertyValue(name, out var child) ? child : null;
        }

        return node;
    }

    private static string? Scalar(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
