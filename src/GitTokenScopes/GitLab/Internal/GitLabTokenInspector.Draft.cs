// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.GitLab.Internal;

internal sealed partial class GitLabTokenInspector
{
    /// <summary>The inspection being assembled; the first failure decides the status.</summary>
    private sealed class Draft(GitCredential credential, Uri apiUrl, TokenType type)
    {
        private readonly List<string> _notes = [];

        public string CredentialFingerprint => credential.Fingerprint;

        public InspectionStatus Status { get; private set; } = InspectionStatus.Ok;

        public string? Message { get; set; }

        public TokenType Type { get; set; } = type;

        public TokenFamily? Family { get; set; } = type == TokenType.GitLabOther ? null : TokenFamily.PersonalAccessToken;

        public GrantedScopes? Granted { get; set; }

        public DateTimeOffset? ExpiresAt { get; set; }

        public bool ExpiryKnown { get; set; }

        public AccountInfo? Account { get; set; }

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

        public void Note(string note) => _notes.Add(note);

        public TokenInspection Build(int requestCount) => new()
        {
            Provider = GitProvider.GitLab,
            ApiUrl = apiUrl,
            Status = Status,
            CredentialFingerprint = credential.Fingerprint,
            TokenType = Type,
            Family = Family,
            Granted = Granted,
            ExpiresAt = ExpiresAt,
            ExpiryKnown = ExpiryKnown,
            Account = Account,
            RateLimit = RateLimit,
            Repositories = [.. Repositories],
            Message = Message,
            Notes = [.. _notes],
            RequestCount = requestCount,
        };
    }
}
