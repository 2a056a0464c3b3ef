namespace CreditKaizhou.Domain.Lists;

/// <summary>
/// One version of a joint punishment or incentive measure (tables <c>measure_versions</c> and
/// <c>measure_list_types</c>), from the joint-punishment memoranda and the 全国失信惩戒措施基础清单.
/// </summary>
/// <param name="Code">E.g. CJ-ZTB; the same for all versions.</param>
/// <param name="Version">1 for the first version, then 2, 3 …</param>
/// <param name="Name">What the measure does, e.g. 限制参与招标投标; reported as the reason's measure.</param>
/// <param name="Effect">One of <see cref="MeasureEffects"/>; see <see cref="MeasureEffects.PunitiveEffect"/> for how a
/// punishment's effect is read.</param>
/// <param name="Contexts">Where the measure applies: codes of <see cref="CheckContexts"/>.</param>
/// <param name="ListCodes">The lists whose members the measure applies to.</param>
/// <param name="LegalBasis">
/// The law or central policy the measure rests on. Never blank (国办发〔2020〕49号: no measure without a basis).
/// </param>
/// <param name="ImplementingDepartment">Short names of the implementing departments, joined with 、.</param>
public sealed record Measure(
    string Code,
    int Version,
    string Name,
    MeasureKind Kind,
    string Effect,
    IReadOnlyList<string> Contexts,
    IReadOnlyList<string> ListCodes,
    string LegalBasis,
    string ImplementingDepartment)
{
    // Records compare lists by reference; two versions with the same contexts and lists are equal.
    public bool Equals(Measure? other) =>
        other is not null
        && Code == other.Code
        && Version == other.Version
        && Name == other.Name
        && Kind == other.Kind
        && Effect == other.Effect
        && Contexts.SequenceEqual(other.Contexts)
        && ListCodes.SequenceEqual(other.ListCodes)
        && LegalBasis == other.LegalBasis
        && ImplementingDepartment == other.ImplementingDepartment;

    public override int GetHashCode() => HashCode.Combine(Code, Version, Name, Kind, Effect, LegalBasis);

    /// <summary>Whether the measure applies in <paramref name="context"/> (codes compare exactly).</summary>
    public bool AppliesIn(string context) => Contexts.Contains(context, StringComparer.Ordinal);

    /// <summary>Whether the measure follows the list <paramref name="listCode"/> (codes compare exactly).</summary>
    public bool Follows(string listCode) => ListCodes.Contains(listCode, StringComparer.Ordinal);
}
