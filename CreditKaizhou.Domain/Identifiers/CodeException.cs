namespace CreditKaizhou.Domain.Identifiers;

/// <summary>
/// A real 统一社会信用代码 that fails its check character (some early pilot codes do) and that
/// the credit office has confirmed, so it is accepted anyway.
/// </summary>
public sealed record CodeException(string Code, string Reason, DateTimeOffset CreatedAt);

public interface ICodeExceptionRepository
{
    Task<IReadOnlyList<CodeException>> ListAsync(CancellationToken ct);

    /// <summary>Lists the code (again, if it was removed); false when it is already listed.</summary>
    Task<bool> AddAsync(CodeException exception, Guid? by, CancellationToken ct);

    /// <summary>Ends the listing; false when the code is not listed.</summary>
    Task<bool> RemoveAsync(string code, DateTimeOffset at, Guid? by, CancellationToken ct);
}
