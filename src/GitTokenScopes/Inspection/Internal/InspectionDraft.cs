// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes.Inspection.Internal;

/// <summary>An inspection being assembled by an inspector; the first failure decides the status, notes are kept once each.</summary>
internal sealed class InspectionDraft(GitProvider provider, GitCredential credential, Uri apiUrl, TokenType type, TokenFamily? family)
{
    private readonly List<string> _notes = [];

    public string CredentialFingerprint => credential.Fingerprint;

    public InspectionStatus Status { get; private set; } = InspectionStatus.Ok;

    public string? Message { get; set; }

    public TokenType Type { get; set; } = type;

    public TokenFamily? Family { get; set; } = family;

    public GrantedScopes? Granted { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public bool ExpiryKnown { get; set; }

    public AccountInfo? Account { get; set; }

    public RateLimitInfo? RateLimit { get; set; }

    public Uri? ActionUrl { get; set; }

    public List<RepositoryAccessResult> Repositories { get; } = [];

    public bool Failed => Status != InspectionStatus.Ok;

    public InspectionDraft Fail(InspectionStatus status, string? message)
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
        Provider = provider,
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
        ActionUrl = ActionUrl,
        Notes = [.. _notes],
        RequestCount = requestCount,
    };
}
