// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing;

/// <summary>Options for <see cref="FakeBitbucketServer.Start(FakeBitbucketServerOptions?)"/>.</summary>
public sealed class FakeBitbucketServerOptions
{
    /// <summary>Gets or sets the context path the instance is served under (for example <c>/bitbucket</c>); empty (the default) serves it at the root.</summary>
    public string ContextPath { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets a value indicating whether a token may read its own entry (and its user's other tokens) under
    /// <c>rest/access-tokens/1.0/users/{user}/{id}</c>. Whether real instances allow it is not documented; when
    /// <see langword="false"/> the resource answers 401 <c>AuthorisationException</c>. Defaults to <see langword="true"/>.
    /// </summary>
    public bool AccessTokenMetadataReadable { get; set; } = true;

    /// <summary>Gets or sets the version reported by <c>application-properties</c>. Defaults to <c>8.19.1</c>.</summary>
    public string Version { get; set; } = "8.19.1";

    /// <summary>Gets or sets the clock a token's <c>Delay</c> waits on.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
