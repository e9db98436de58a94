// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Testing.Tests.DocumentedExamples;

/// <summary>
/// The documented exceptions for the fake Bitbucket Cloud's and Bitbucket Server's answers, each with its reason. An entry
/// not backed by the stored docs says so ("not in the stored docs"): it records a known gap, not a confirmed fact.
/// </summary>
internal static class BitbucketShapes
{
    /// <summary>The documented example of GET /2.0/user shows the base account only (type, links.avatar, created_on, display_name, uuid).</summary>
    public static readonly ShapeRules CloudUser = new()
    {
        ExtraAllowed =
        {
            ["/links/avatar/href"] = "docs: a link's href (the repository example's links)",
            ["/links/self"] = "a user's own link (not in the stored docs' user example)",
            ["/links/html"] = "a user's own link (not in the stored docs' user example)",
            ["/links/repositories"] = "a user's own link (not in the stored docs' user example)",
            ["/links/snippets"] = "a user's own link (not in the stored docs' user example)",
            ["/links/hooks"] = "a user's own link (not in the stored docs' user example)",
            ["/username"] = "the user object's own field, which the library reads (not in the stored docs' example)",
            ["/nickname"] = "the user object's own field (not in the stored docs' example)",
            ["/account_id"] = "the user object's own field (not in the stored docs' example)",
            ["/account_status"] = "the user object's own field (not in the stored docs' example)",
            ["/has_2fa_enabled"] = "the user object's own field (not in the stored docs' example)",
            ["/is_staff"] = "the user object's own field (not in the stored docs' example)",
            ["/location"] = "the user object's own field (not in the stored docs' example)",
            ["/website"] = "the user object's own field (not in the stored docs' example)",
        },
    };

    /// <summary>For a repository wrapped in an array (compared with the documented listing's items).</summary>
    public static readonly ShapeRules CloudRepositoryItems = new()
    {
        MayBeAbsent =
        {
            // The rendered example fills every property of the link object; Bitbucket names its clone links only.
            ["/*/links/self/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/html/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/avatar/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/pullrequests/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/commits/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/forks/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/watchers/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/downloads/name"] = "a link's name is set on clone links only (not in the stored docs)",
            ["/*/links/hooks/name"] = "a link's name is set on clone links only (not in the stored docs)",
        },
        ExtraAllowed =
        {
            ["/*/owner/display_name"] = "docs: an account's display_name (the GET /2.0/user example)",
            ["/*/owner/uuid"] = "docs: an account's uuid (the GET /2.0/user example)",
            ["/*/project/key"] = "the project's key, which consumers match on (not in the stored docs' repository example)",
            ["/*/project/uuid"] = "the project's uuid (not in the stored docs' repository example)",
            ["/*/mainbranch/name"] = "the branch's name (not in the stored docs' repository example)",
            ["/*/slug"] = "the repository's slug, as Bitbucket answers it (not in the stored docs' repository example)",
            ["/*/workspace"] = "the repository's workspace, as Bitbucket answers it (not in the stored docs' repository example)",
        },
    };

    /// <summary>For a token wrapped in an array (compared with the documented page's items, RestAccessToken).</summary>
    public static readonly ShapeRules ServerAccessTokenItems = new()
    {
        AnyKind =
        {
            ["/*/createdDate"] = "Bitbucket writes dates as epoch milliseconds, as expiryDate, which the library reads as a number; the docs' \"<string>\" is the OpenAPI date-time placeholder (not confirmed in the stored docs)",
        },
        ExtraAllowed =
        {
            ["/*/permissions"] = "docs: the token's permissions (the request body of the same page)",
            ["/*/expiryDays"] = "docs: the token's expiryDays (the request body of the same page)",
            ["/*/expiryDate"] = "the token's expiry, which the library reads (not in the stored docs)",
            ["/*/lastAuthenticated"] = "when the token was last used (not in the stored docs)",
            ["/*/user"] = "the token's user (not in the stored docs)",
        },
    };
}
