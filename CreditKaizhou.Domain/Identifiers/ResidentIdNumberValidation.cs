using System.Diagnostics.CodeAnalysis;

namespace CreditKaizhou.Domain.Identifiers;

/// <summary>The outcome of <see cref="ResidentIdNumber.Validate"/>: every problem found, not just the first.</summary>
public sealed class ResidentIdNumberValidation
{
    internal ResidentIdNumberValidation(ResidentIdNumber? number, IReadOnlyList<ResidentIdNumberProblem> problems)
    {
        Number = number;
        Problems = problems;
    }

    /// <summary>The problems, in the order of the checks (length, characters, birth date, check character).</summary>
    public IReadOnlyList<ResidentIdNumberProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Number))]
    public bool IsValid => Number is not null;

    /// <summary>The number in canonical form, when valid.</summary>
    public ResidentIdNumber? Number { get; }
}
