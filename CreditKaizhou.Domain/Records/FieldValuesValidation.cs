namespace CreditKaizhou.Domain.Records;

/// <summary>The outcome of <see cref="FieldValues.ValidateJson"/> or <see cref="FieldValues.ValidateText"/>.</summary>
public sealed class FieldValuesValidation
{
    internal FieldValuesValidation(IReadOnlyDictionary<string, object?> values, IReadOnlyList<FieldProblem> problems)
    {
        Values = values;
        Problems = problems;
    }

    /// <summary>
    /// The normalised values in schema order: <see cref="string"/> (string, enum and subjectCode fields),
    /// <see cref="long"/>, <see cref="decimal"/> (without trailing zeros), <see cref="DateOnly"/> and
    /// <see cref="bool"/>. Absent optional fields are left out, as records store them. When there are problems, only
    /// the fields that passed are here.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Values { get; }

    /// <summary>At most one problem per field, in schema order, then the unknown keys in ordinal order.</summary>
    public IReadOnlyList<FieldProblem> Problems { get; }

    public bool IsValid => Problems.Count == 0;
}
