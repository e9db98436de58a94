// Licensed under the MIT License. See LICENSE in the repository root.

using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using GitTokenScopes.Tests.Validation;

namespace GitTokenScopes.Tests.Schemas;

/// <summary>
/// The report's JSON Schema is a contract: what ships is what the exporter derives from the source-generated contract
/// today, it names exactly the public API's report properties and enum members, and it rejects what is not a report.
/// </summary>
public sealed class ReportSchemaTests
{
    /// <summary>Set to 1 to rewrite the committed schema from the exporter (then rebuild, so the assembly embeds it).</summary>
    private const string RegenerateVariable = "GITTOKENSCOPES_REGENERATE_SCHEMA";

    /// <summary>JSON names that are not the camelCase of their C# property, each one a decision of the contract.</summary>
    private static readonly Dictionary<string, string> RenamedProperties = new(StringComparer.Ordinal)
    {
        ["RepositoryAccessResult.Repository"] = "name",
    };

    [Fact]
    public void ShippedSchema_IsWhatTheExporterDerivesFromTheContract()
    {
        var derived = ReportSchemaExport.Generate();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot(), ReportSchemaExport.RepositoryPath), derived);
            return;
        }

        TokenValidationReport.JsonSchema.Should().Be(
            derived,
            $"the report's JSON contract changed, so its schema ({ReportSchemaExport.RepositoryPath}) must change with it in the same "
            + $"commit, where review sees it. Regenerate it with `{RegenerateVariable}=1 dotnet test tests/GitTokenScopes.Tests "
            + "--filter FullyQualifiedName~ReportSchemaTests`, then review and commit the diff and record the change in CHANGELOG.md");
    }

    [Fact]
    public void ShippedSchema_IsTheCommittedFile()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot(), ReportSchemaExport.RepositoryPath));

        TokenValidationReport.JsonSchema.Should().Be(committed, "the assembly embeds the committed file (rebuild after regenerating it)");
    }

    [Fact]
    public void Schema_IsADraft202012ContractWithIdTitleAndDescription()
    {
        var schema = JsonNode.Parse(TokenValidationReport.JsonSchema)!.AsObject();

        schema["$schema"]!.GetValue<string>().Should().Be("https://json-schema.org/draft/2020-12/schema");
        schema["$id"]!.GetValue<string>().Should().EndWith("/" + ReportSchemaExport.RepositoryPath);
        schema["title"]!.GetValue<string>().Should().Be("TokenValidationReport");
        schema["description"]!.GetValue<string>().Should().Contain("every property present");
        schema["properties"]!["verdict"]!["description"]!.GetValue<string>().Should().Be("The verdict.", "descriptions come from the XML documentation");
        schema["properties"]!["verdict"]!["type"]!.GetValue<string>().Should().Be("string");
        schema["properties"]!["status"]!["enum"]!.AsArray().Should().Contain(v => v == null, "a skipped validation has no status");
        schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(
            TokenValidationReport.JsonTypeInfo.Properties.Select(p => p.Name), "every property is written, nulls included");
    }

    /// <summary>
    /// The schema changes only with the public API: every object it describes is a report type listed in the
    /// PublicAPI files, every property it names is a public property listed there (camelCase, or a listed rename), and
    /// every listed public property of those types is in the schema; every enum's values are its listed members' wire names.
    /// </summary>
    [Fact]
    public void Schema_NamesExactlyThePublicApisReportPropertiesAndEnumMembers()
    {
        var api = PublicApi();
        var schema = JsonNode.Parse(TokenValidationReport.JsonSchema)!.AsObject();
        var visited = new List<string>();

        Walk(TokenValidationReport.JsonTypeInfo, schema, "#", api, visited);

        visited.Should().Contain(["TokenValidationReport", "ClauseFinding", "RepositoryAccessResult", "ValidationWarning", "AccountInfo", "RateLimitInfo", "Remediation", "ValidationVerdict", "InspectionStatus", "ValidationWarningCode"]);
    }

    [Fact]
    public void RealReport_Validates()
    {
        ShippedReportSchema.Violations(FullReportJson().ToJsonString()).Should().BeEmpty();
    }

    public static TheoryData<string, string, string> NotReports() => new()
    {
        // A change to the JSON, where a violation is expected, and the keyword that must name it.
        { "an unknown verdict", """{"verdict":"maybe"}""", "enum" },
        { "a token instead of a fingerprint", """{"tokenFingerprint":"ghp_0123456789abcdef0123456789abcdef0123"}""", "pattern" },
        { "a date that is not ISO-8601", """{"checkedAt":"yesterday"}""", "format" },
        { "a URL that is not absolute", """{"apiUrl":"api.github.com"}""", "format" },
        { "a finding without its purpose", """{"findings":[{"label":"repo","state":"missing","scopes":["repo"],"satisfiedBy":null}]}""", "required" },
        { "a null where a list is promised", """{"missingScopes":null}""", "type" },
        { "an unknown warning code", """{"warnings":[{"code":"bad-vibes","severity":"info","message":"x"}]}""", "enum" },
        { "a repository access level that does not exist", """{"repositories":[{"name":"a/b","needed":"admin","state":"granted","canRead":true,"canWrite":true,"message":null}]}""", "enum" },
    };

    [Theory]
    [MemberData(nameof(NotReports))]
    public void NotAReport_IsRejected(string what, string change, string keyword)
    {
        var json = FullReportJson();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
        {
            json[key] = value?.DeepClone();
        }

        ShippedReportSchema.Violations(json.ToJsonString()).Should().Contain(v => v.Contains($" {keyword}: ", StringComparison.Ordinal), what);
    }

    [Fact]
    public void AReportWithoutAFingerprintProperty_IsRejected()
    {
        var json = FullReportJson();
        json.Remove("tokenFingerprint");

        ShippedReportSchema.Violations(json.ToJsonString()).Should().Contain(v => v.Contains("tokenFingerprint", StringComparison.Ordinal));
    }

    [Fact]
    public void SchemaCheckedValidator_FailsTheTestOfAnInvalidReport()
    {
        var report = new TokenValidationReport
        {
            Verdict = ValidationVerdict.Pass,
            Provider = GitProvider.GitHub,
            TokenKind = TokenKind.Runtime,
            TokenFingerprint = "not a fingerprint",
        };

        var act = () => ShippedReportSchema.AssertValid(report);

        act.Should().Throw<Xunit.Sdk.XunitException>().WithMessage("*does not validate against the shipped schema*/tokenFingerprint*pattern*");
    }

    private static void Walk(JsonTypeInfo info, JsonObject schema, string path, HashSet<string> api, List<string> visited)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                api.Should().Contain($"GitTokenScopes.{type.Name}", $"{path} describes {type.Name}, which must be a public report type");
                visited.Add(type.Name);
                var properties = schema["properties"]!.AsObject();
                properties.Select(p => p.Key).Should().BeEquivalentTo(info.Properties.Select(p => p.Name), $"{path} names the serialized properties of {type.Name}");
                var getters = api.Where(l => l.StartsWith($"GitTokenScopes.{type.Name}.", StringComparison.Ordinal) && l.Contains(".get -> ", StringComparison.Ordinal))
                    .Select(l => l[$"GitTokenScopes.{type.Name}.".Length..l.IndexOf(".get -> ", StringComparison.Ordinal)]);
                var members = info.Properties.Select(p => ((MemberInfo)p.AttributeProvider!).Name);
                members.Should().BeEquivalentTo(getters, $"every public property of {type.Name} in PublicAPI is in {path}, and nothing else");
                foreach (var property in info.Properties)
                {
                    var member = ((MemberInfo)property.AttributeProvider!).Name;
                    var expected = RenamedProperties.GetValueOrDefault($"{type.Name}.{member}") ?? JsonNamingPolicy.CamelCase.ConvertName(member);
                    property.Name.Should().Be(expected, $"{type.Name}.{member} is written under its camelCase name unless the contract renames it");
                    Walk(info.Options.GetTypeInfo(property.PropertyType), properties[property.Name]!.AsObject(), $"{path}/properties/{property.Name}", api, visited);
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                Walk(info.Options.GetTypeInfo(info.ElementType!), schema["items"]!.AsObject(), $"{path}/items", api, visited);
                break;
            case JsonTypeInfoKind.None when type.IsEnum:
                visited.Add(type.Name);
                var listed = api.Where(l => l.StartsWith($"GitTokenScopes.{type.Name}.", StringComparison.Ordinal) && l.Contains(" = ", StringComparison.Ordinal))
                    .Select(l => l[$"GitTokenScopes.{type.Name}.".Length..l.IndexOf(" = ", StringComparison.Ordinal)])
                    .Select(name => type.GetField(name)!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name);
                schema["enum"]!.AsArray().Where(v => v is not null).Select(v => v!.GetValue<string>())
                    .Should().BeEquivalentTo(listed, $"{path} lists the wire names of {type.Name}'s public members");
                break;
            default:
                schema.ContainsKey("properties").Should().BeFalse($"{path} ({type.Name}) is a value, not an object");
                break;
        }
    }

    private static HashSet<string> PublicApi()
    {
        var folder = Path.Combine(RepositoryRoot(), "src", "GitTokenScopes");
        return [.. File.ReadLines(Path.Combine(folder, "PublicAPI.Shipped.txt")).Concat(File.ReadLines(Path.Combine(folder, "PublicAPI.Unshipped.txt")))];
    }

    private static JsonObject FullReportJson() => JsonNode.Parse(TokenValidationReportJsonTests.FullReport().ToJson())!.AsObject();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitTokenScopes.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GitTokenScopes.sln above {AppContext.BaseDirectory}.");
    }
}
