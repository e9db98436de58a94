// Licensed under the MIT License. See LICENSE in the repository root.

namespace GitTokenScopes;

/// <summary>
/// Where a requirement comes from: the document it reproduces and that document's date.
/// </summary>
public sealed class RequirementSource
{
    /// <summary>Initializes a new instance of the <see cref="RequirementSource"/> class.</summary>
    /// <param name="document">The document's name, for example "Codefresh documentation: Git tokens for GitOps".</param>
    /// <param name="date">The document's date, when known.</param>
    /// <param name="url">Where the document is published, when known.</param>
    /// <param name="note">What else a reader should know about the copy (for example how its date was established).</param>
    /// <exception cref="ArgumentException">Thrown when <paramref name="document"/> is blank.</exception>
    public RequirementSource(string document, DateOnly? date = null, Uri? url = null, string? note = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        Document = document;
        Date = date;
        Url = url;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
    }

    /// <summary>Gets the document's name.</summary>
    public string Document { get; }

    /// <summary>Gets the document's date, when known.</summary>
    public DateOnly? Date { get; }

    /// <summary>Gets where the document is published, when known.</summary>
    public Uri? Url { get; }

    /// <summary>Gets what else a reader should know about the copy, if anything.</summary>
    public string? Note { get; }

    /// <inheritdoc/>
    public override string ToString()
        => Date is { } date ? $"{Document} ({date:yyyy-MM-dd})" : Document;
}
