// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.BitbucketServer.Internal;

internal sealed partial class BitbucketServerTokenInspector
{
    /// <summary>The inspection being assembled; the first failure decides the status.</summary>
    private sealed class Draft(GitCredential credential, Uri apiUrl)
    {
        private readonly List<string> _notes = [];

        public InspectionStatus Status { get; private set; } = InspectionStatus.Ok;

        public string? Message { get; private set; }

        public TokenType Type { get; set; } = TokenType.BitbucketServerHttpAccessToken;

        public TokenFamily? Family { get; set; } = TokenFamily.HttpAccessToken;

        public GrantedScopes? Granted { get; set; }

        public AccountInfo? Account { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public bool ExpiryKnown { get; set; }

        public RateLimitInfo? RateLimit { get; set; }

        public List<RepositoryAccessResult> Repositories { get; } = [];

        public bool Failed => Status != InspectionStatus.Ok;

        public Draft Fail(InspectionStatus status, string? message)
        {
            if (!Failed)
            {
                Status = status;
                Message = message;
            }

            return this;
        }

        public void Note(string note)
        {
            if (!_notes.Contains(note))
            {
                _notes.Add(note);
            }
        }

        public TokenInspection Build(int requestCount) => new()
        {
            Provider = GitProvider.BitbucketServer,
            ApiUrl = apiUrl,
            Status = Status,
            CredentialFingerprint = credential.Fingerprint,
            TokenType = Type,
            Family = Family,
            Granted = Granted,
            Account = Account,
            ExpiresAt = ExpiresAt,
            ExpiryKnown = ExpiryKnown,
            RateLimit = RateLimit,
            Repositories = [.. Repositories],
            Message = Message,
            Notes = [.. _notes],
            RequestCount = requestCount,
        };
    }
}
