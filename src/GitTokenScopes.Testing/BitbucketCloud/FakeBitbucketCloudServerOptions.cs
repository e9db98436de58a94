// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>Options for <see cref="FakeBitbucketCloudServer.Start(FakeBitbucketCloudServerOptions?)"/>.</summary>
public sealed class FakeBitbucketCloudServerOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether answers to app passwords, API tokens and OAuth tokens carry
    /// <c>x-credential-type</c> (<c>app_password</c>, <c>api_token</c>, <c>oauth2</c>). Atlassian documents the header's
    /// values for access tokens only, so the other values are the fake's guesses; turn this off to test a client that must
    /// cope without them. Defaults to <see langword="true"/>. Access tokens always get the header.
    /// </summary>
    public bool CredentialTypeForUserCredentials { get; set; } = true;

    /// <summary>Gets or sets the clock a credential's <c>Delay</c> waits on.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
