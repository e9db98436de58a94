// Licensed under the MIT License. See LICENSE in the repository root.

using GitTokenScopes.GitLab.Internal;

namespace GitTokenScopes.Tests.GitLab;

/// <summary>Token kinds from prefixes, and project or group tokens from their bot owners.</summary>
public sealed class GitLabTokenClassifierTests
{
    [Theory]
    [InlineData("glpat-AbCdEfGhIjKlMnOpQrSt", "GitLabPersonal", false)]
    [InlineData("gldt-AbCdEfGhIjKlMnOpQrSt", "GitLabOther", true)]
    [InlineData("glrt-AbCdEfGhIjKlMnOpQrSt", "GitLabOther", true)]
    [InlineData("glrtr-AbCdEfGhIjKlMnOpQrSt", "GitLabOther", true)]
    [InlineData("glcbt-64_AbCdEfGhIjKlMnOpQrSt", "GitLabOther", true)]
    [InlineData("glptt-AbCdEf", "GitLabOther", true)]
    [InlineData("glft-AbCdEf", "GitLabOther", true)]
    [InlineData("gloas-AbCdEf", "GitLabOther", true)]
    [InlineData("glagent-AbCdEf", "GitLabOther", true)]
    [InlineData("glimt-AbCdEf", "GitLabOther", true)]
    [InlineData("glsoat-AbCdEf", "GitLabOther", true)]
    [InlineData("glffct-AbCdEf", "GitLabOther", true)]
    [InlineData("AbCdEfGhIjKlMnOpQrSt", "Unknown", false)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "Unknown", false)]
    [InlineData("GLPAT-upper", "Unknown", false)]
    public void Classify_Row(string token, string expected, bool unsupported)
    {
        var (type, message) = GitLabTokenClassifier.Classify(token);

        type.Should().Be(Enum.Parse<TokenType>(expected));
        (message is not null).Should().Be(unsupported);
        if (unsupported)
        {
            // The message names the kind by its prefix and says what to use instead.
            message.Should().Contain($"({token[..(token.IndexOf('-', StringComparison.Ordinal) + 1)]})").And.EndWith("use a personal, project or group access token.");
        }
    }

    [Theory]
    [InlineData("project_42_bot_5f3c0a1b2c3d4e5f60718293a4b5c6d7", true, "GitLabProject")]
    [InlineData("project_42_bot", true, "GitLabProject")]
    [InlineData("project_42_bot1", true, "GitLabProject")]
    [InlineData("group_7_bot_5f3c0a1b2c3d4e5f60718293a4b5c6d7", true, "GitLabGroup")]
    [InlineData("group_7_bot", null, "GitLabGroup")]
    [InlineData("project_42_bot", false, "GitLabPersonal")]
    [InlineData("projectmanager", true, "GitLabServiceAccount")]
    [InlineData("project_bot_42", true, "GitLabServiceAccount")]
    [InlineData("service_account_group_9_abc", true, "GitLabServiceAccount")]
    [InlineData("service_account_6018816a18e5", null, "GitLabServiceAccount")]
    [InlineData("projectmanager", false, "GitLabPersonal")]
    [InlineData("alice", false, "GitLabPersonal")]
    [InlineData("alice", null, "GitLabPersonal")]
    [InlineData("project__bot", true, "GitLabServiceAccount")]
    [InlineData("project_42_manager", true, "GitLabServiceAccount")]
    public void FromOwner_Row(string username, bool? bot, string expected)
        => GitLabTokenClassifier.FromOwner(username, bot).Should().Be(Enum.Parse<TokenType>(expected));

    [Fact]
    public void FromOwner_UnknownOwner_IsNull() => GitLabTokenClassifier.FromOwner(null, null).Should().BeNull();
}
