using System.Diagnostics.CodeAnalysis;

namespace CreditKaizhou.Domain.Identifiers;

/// <summary>The outcome of <see cref="UnifiedSocialCreditCode.Validate"/>: every problem found, not just the first.</summary>
public sealed class UnifiedSocialCreditCodeValidation
{
    internal UnifiedSocialCreditCodeValidation(string normalised, IReadOnlyList<UnifiedSocialCreditCodeProblem> problems)
    {
        Problems = problems;
        HasOnlyChecksumProblems = problems.Count > 0 && problems.All(p => p.IsChecksumProblem);
        if (problems.Count == 0 || HasOnlyChecksumProblems)
        {
            CodeIgnoringChecksums = new UnifiedSocialCreditCode(normalised, checksumsValid: problems.Count == 0);
        }
        Code = problems.Count == 0 ? CodeIgnoringChecksums : null;
    }

    /// <summary>The problems, in the order of the checks (length, characters, division, checksums).</summary>
    public IReadOnlyList<UnifiedSocialCreditCodeProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Code), nameof(CodeIgnoringChecksums))]
    public bool IsValid => Code is not null;

    /// <summary>
    /// True when the code is well formed and only a check character (18th and/or the embedded GB 11714 one) is wrong.
    /// Some early real codes are like this (e.g. 91350100M0001TGQXM); the service accepts them only when an admin
    /// has listed them as known exceptions.
    /// </summary>
    public bool HasOnlyChecksumProblems { get; }

    /// <summary>The code, when it is fully valid.</summary>
    public UnifiedSocialCreditCode? Code { get; }

    /// <summary>
    /// The code when it is valid or <see cref="HasOnlyChecksumProblems"/>; callers must check the known-exception
    /// list before using a code whose <see cref="UnifiedSocialCreditCode.ChecksumsValid"/> is false.
    /// </summary>
    public UnifiedSocialCreditCode? CodeIgnoringChecksums { get; }
}
